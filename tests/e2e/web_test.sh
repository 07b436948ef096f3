#!/usr/bin/env bash
# The web apps' journeys (issue 7) over the whole stack that `./codeflix up` starts, here in a
# temporary folder (CODEFLIX_VAR) on ports of its own (CODEFLIX_PORT_OFFSET, a free gateway
# port) with the binaries of BUILD_DIR, SQLite, and a RabbitMQ vhost of the test broker. ffmpeg
# makes a 60 s video, a trailer, a banner and a thumbnail; headless Chromium then runs
# tests/e2e/browser/journeys.mjs against the built web apps: an admin creates a category, a
# genre, a cast member and the title in the admin app, uploads its media, waits for the
# encodings (the real pipeline), previews and publishes it; a viewer registers, subscribes,
# searches with a typo, watches the trailer, plays, leaves, continues watching and resumes; a
# declined card; Play without a subscription; axe on every screen. Screenshots go to
# BUILD_DIR/web-screenshots.
# WEB_E2E_KEEP=1 leaves the stack running afterwards (to look at it).
# Usage: web_test.sh BUILD_DIR
# "COND && pass ... || fail ..." is safe here: pass only prints.
# shellcheck disable=SC2015
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh"
BUILD="$(cd "${1:?usage: web_test.sh BUILD_DIR}" && pwd)"
readonly BUILD
readonly ADMIN_EMAIL=admin@codeflix.local
readonly ADMIN_PASSWORD="web-e2e-Admin-Pass-4417"
readonly TITLE="Cidade Invisível"
readonly TYPO="cidade invisivle"

# shellcheck source=SCRIPTDIR/../../tools/stack.sh
source "$ROOT/tools/stack.sh"
FAILED=0

die() { e2e_die "$@"; }

cleanup() {
    if [[ ${WEB_E2E_KEEP:-} == 1 && -n $STACK_WORK ]]; then
        echo "WEB_E2E_KEEP=1: the stack stays up on $GATEWAY; stop it with: env ${STACK_ENV[*]} ./codeflix down"
        return 0
    fi
    stack_down
}
trap cleanup EXIT

setup() {
    require_cmds curl jq ffmpeg node
    [[ -d $ROOT/tests/e2e/browser/node_modules/@axe-core/playwright && -d $ROOT/web/node_modules ]] ||
        die "npm packages missing: run 'npm ci' in tests/e2e/browser and web (./codeflix test does it)"
    [[ -n ${CODEFLIX_TEST_AMQP_URL:-} && -n ${CODEFLIX_TEST_RABBIT_API:-} ]] ||
        die "CODEFLIX_TEST_AMQP_URL and CODEFLIX_TEST_RABBIT_API are required (./codeflix test sets them)"
    stack_new web-e2e "$BUILD" "$ADMIN_PASSWORD" "$CODEFLIX_TEST_AMQP_URL" "$CODEFLIX_TEST_RABBIT_API"
    MEDIA="$STACK_WORK/media"
    make_title_media "$MEDIA"
    SHOTS="$BUILD/web-screenshots"
    rm -rf "$SHOTS" && mkdir -p "$SHOTS"
}

start_stack() {
    stack_up
    pass "./codeflix up started the stack with the web apps on $GATEWAY"
    local page
    page=$(curl -sS --fail "$GATEWAY/title/anything") || die "the viewer app is not served"
    grep -q '<div id="root">' <<<"$page" && pass "client-side routes load the viewer app" || fail "viewer index: $page"
    curl -sS -D - -o /dev/null "$GATEWAY/" | grep -qi '^content-security-policy: default-src' &&
        pass "the app is served with a Content-Security-Policy" || fail "no CSP on /"
}

journeys() {
    if (cd "$ROOT/tests/e2e/browser" && env GATEWAY_URL="$GATEWAY" TITLE="$TITLE" TYPO="$TYPO" \
        ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" MEDIA_DIR="$MEDIA" \
        SCREENSHOT_DIR="$SHOTS" timeout 720 node journeys.mjs); then
        pass "the admin and viewer journeys passed in Chromium"
    else
        fail "the admin and viewer journeys"
    fi
}

setup
start_stack
journeys
if ((FAILED)); then
    echo "--- last lines of the services' logs"
    tail -n 8 "$STACK_WORK"/var/log/*.log 2>/dev/null || true
    echo "web e2e: FAILED"
    exit 1
fi
echo "web e2e: all checks passed (screenshots in $SHOTS)"
