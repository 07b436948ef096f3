#!/usr/bin/env bash
# Identity browser end-to-end test: identity and catalog-admin behind the real gateway, which also
# serves a tiny web app (tests/e2e/browser/app) using oidc-client-ts from npm as the OIDC client.
# tests/e2e/browser/login.mjs drives headless Chromium with playwright-core: sign in through
# identity's login page (a wrong password first), call catalog-admin with the token, sign out,
# register a new account (403 from catalog-admin). Screenshots go to $CODEFLIX_E2E_SCREENSHOTS
# (default: a new folder under $TMPDIR, kept after the run).
# Needs /usr/bin/chromium (apt chromium) and tests/e2e/browser/node_modules (npm ci there).
# Usage: identity_browser_test.sh path/to/codeflix-identity path/to/codeflix-catalog-admin
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # free_ports, wait_http, stop_pids, require_cmds
readonly USAGE="usage: identity_browser_test.sh path/to/codeflix-identity path/to/codeflix-catalog-admin"
readonly IDENTITY_BIN="${1:?$USAGE}"
readonly CATALOG_ADMIN_BIN="${2:?$USAGE}"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
readonly BROWSER_DIR="$ROOT/tests/e2e/browser"
readonly OIDC_BUNDLE="$BROWSER_DIR/node_modules/oidc-client-ts/dist/browser/oidc-client-ts.min.js"
ADMIN_EMAIL=admin@codeflix.local
ADMIN_PASSWORD="Copper-kettle-orbit-2718"

WORK=""
FAILED=0
declare -a PIDS=()

# Replaces lib.sh's die (also used by wait_http): fatal failures are FAIL lines on stdout.
die() { echo "FAIL: $*"; exit 1; }

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

# Nothing is skipped: a missing browser or npm packages is a failure with the fix in the message.
check_prerequisites() {
    [[ -x $IDENTITY_BIN ]] || die "identity binary not found or not executable: $IDENTITY_BIN"
    [[ -x $CATALOG_ADMIN_BIN ]] || die "catalog-admin binary not found or not executable: $CATALOG_ADMIN_BIN"
    [[ -x $CHROMIUM ]] || die "Chromium not found at $CHROMIUM: apt-get install --no-install-recommends chromium (./codeflix test installs it)"
    command -v node >/dev/null || die "node is not on the PATH (Node.js 20 or later is needed)"
    node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
        die "Node.js $(node --version) is too old: playwright-core needs Node.js 20 or later"
    [[ -d $BROWSER_DIR/node_modules/playwright-core && -f $OIDC_BUNDLE ]] ||
        die "npm packages missing: run 'npm ci' in $BROWSER_DIR (./codeflix test does it)"
    require_cmds jq curl python3
}

# The codeflix-admin client, registered for this gateway's address only.
write_clients_file() {
    jq -n --arg origin "$GATEWAY" '{clients: [{
        client_id: "codeflix-admin",
        description: "The administration web app, for identity_browser_test.sh",
        type: "public",
        redirect_uris: ["\($origin)/admin/callback"],
        post_logout_redirect_uris: ["\($origin)/admin/"],
        web_origins: [$origin],
        grant_types: ["authorization_code", "refresh_token"],
        audiences: ["catalog-admin", "identity"]
    }]}' >"$WORK/clients.json"
}

ensure_admin() {
    CODEFLIX_ADMIN_PASSWORD="$ADMIN_PASSWORD" CODEFLIX_LOG_LEVEL=warn \
        CODEFLIX_IDENTITY_DB_URL="sqlite:$WORK/identity.db" CODEFLIX_OIDC_ISSUER="$ISSUER" \
        CODEFLIX_IDENTITY_CLIENTS_FILE="$WORK/clients.json" \
        "$IDENTITY_BIN" ensure-admin "$ADMIN_EMAIL" >"$WORK/ensure-admin.out" 2>&1 ||
        die "ensure-admin $ADMIN_EMAIL failed: $(cat "$WORK/ensure-admin.out")"
    pass "administrator $ADMIN_EMAIL created (ensure-admin)"
}

start_identity() {
    CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$IDENTITY_PORT" CODEFLIX_HTTP_WORKERS=2 \
        CODEFLIX_LOG_LEVEL=warn CODEFLIX_IDENTITY_DB_URL="sqlite:$WORK/identity.db" \
        CODEFLIX_IDENTITY_CLIENTS_FILE="$WORK/clients.json" CODEFLIX_OIDC_ISSUER="$ISSUER" \
        "$IDENTITY_BIN" >"$WORK/identity.log" 2>&1 &
    PIDS+=($!)
}

start_catalog_admin() {
    CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$CATALOG_ADMIN_PORT" CODEFLIX_HTTP_WORKERS=2 \
        CODEFLIX_LOG_LEVEL=warn CODEFLIX_CATALOG_ADMIN_DB_URL="sqlite:$WORK/catalog-admin.db" \
        CODEFLIX_OIDC_ISSUER="$ISSUER" CODEFLIX_OIDC_JWKS_MIN_REFRESH_SECONDS=0 \
        "$CATALOG_ADMIN_BIN" >"$WORK/catalog-admin.log" 2>&1 &
    PIDS+=($!)
}

# The web root: the committed app plus oidc-client-ts's browser bundle from node_modules.
prepare_web_root() {
    cp -R "$BROWSER_DIR/app" "$WORK/www"
    cp "$OIDC_BUNDLE" "$WORK/www/admin/oidc-client-ts.min.js"
    chmod -R a+rX "$WORK/www"
}

start_gateway() {
    mkdir -p "$WORK/nginx/logs" "$WORK/storage"
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        WEB_ROOT="$WORK/www" CATALOG_ADMIN_ADDRS="127.0.0.1:$CATALOG_ADMIN_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET=identity-e2e-url-secret \
        IDENTITY_ADDRS="127.0.0.1:$IDENTITY_PORT" \
        "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/gateway-error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the rendered gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' &
    PIDS+=($!)
}

wait_ready() {
    wait_http "http://127.0.0.1:$IDENTITY_PORT/readyz" "$WORK/identity.log"
    wait_http "$GATEWAY/admin/" "$WORK/nginx/logs/gateway-error.log"
    wait_http "$ISSUER/.well-known/openid-configuration" "$WORK/nginx/logs/gateway-error.log"
    # catalog-admin is ready once it holds identity's JWKS, fetched through the gateway.
    wait_http "http://127.0.0.1:$CATALOG_ADMIN_PORT/readyz" "$WORK/catalog-admin.log"
    pass "identity, catalog-admin and the gateway are ready (issuer $ISSUER)"
}

run_browser() {
    local rc=0
    GATEWAY_URL="$GATEWAY" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        SCREENSHOT_DIR="$SHOTS" CHROMIUM="$CHROMIUM" \
        timeout 180 node "$BROWSER_DIR/login.mjs" 2>"$WORK/browser.err" || rc=$?
    if ((rc != 0)); then
        fail "the browser test exited with status $rc"
        [[ -s $WORK/browser.err ]] && { echo "--- stderr of login.mjs"; tail -n 20 "$WORK/browser.err"; }
    fi
    return 0
}

main() {
    check_prerequisites
    WORK=$(mktemp -d)
    chmod 755 "$WORK" # nginx workers run as nobody when the master is root
    SHOTS="${CODEFLIX_E2E_SCREENSHOTS:-$(mktemp -d "${TMPDIR:-/tmp}/codeflix-identity-browser.XXXXXX")}"
    mkdir -p "$SHOTS"
    read -r IDENTITY_PORT CATALOG_ADMIN_PORT GATEWAY_PORT <<<"$(free_ports 3)"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
    ISSUER="$GATEWAY/realms/codeflix"

    write_clients_file
    ensure_admin
    prepare_web_root
    start_identity
    start_catalog_admin
    start_gateway
    wait_ready
    run_browser
    echo "screenshots: $SHOTS"

    if ((FAILED)); then
        local log
        for log in identity.log catalog-admin.log nginx/logs/gateway-error.log; do
            echo "--- last lines of $log"
            tail -n 5 "$WORK/$log" || true
        done
        echo "FAIL: identity_browser_e2e"
        exit 1
    fi
    echo "PASS: identity_browser_e2e"
}

main
