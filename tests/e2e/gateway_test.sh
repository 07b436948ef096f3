#!/usr/bin/env bash
# Gateway end-to-end test: two copies of catalog-admin sharing one SQLite file behind the real
# gateway configuration. Checks the per-address rate limit (429 as problem+json), request id
# propagation, and that GETs keep succeeding when one copy is killed.
# Usage: gateway_test.sh path/to/codeflix-catalog-admin
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # free_ports, wait_http, stop_pids, require_cmds
readonly BIN="${1:?usage: gateway_test.sh path/to/codeflix-catalog-admin}"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

WORK=""
FAILED=0
declare -a PIDS=()

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILED=1; }
# Replaces lib.sh's die (also used by wait_http): fatal failures are FAIL lines on stdout.
die() { echo "FAIL: $*"; exit 1; }

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

# start_copy NAME PORT: starts one copy of the service and waits until it is ready.
start_copy() {
    local name=$1 port=$2
    CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$port" CODEFLIX_HTTP_WORKERS=2 \
        CODEFLIX_LOG_LEVEL=warn CODEFLIX_CATALOG_ADMIN_DB_URL="sqlite:$WORK/catalog-admin.db" \
        CODEFLIX_AMQP_URL="${CODEFLIX_TEST_AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/}" \
        "$BIN" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    wait_http "http://127.0.0.1:$port/readyz" "$WORK/$name.log"
}

start_gateway() {
    mkdir -p "$WORK/nginx/logs"
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        CATALOG_ADMIN_ADDRS="127.0.0.1:$PORT_A 127.0.0.1:$PORT_B" \
        "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/gateway-error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the rendered gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' &
    PIDS+=($!)
    wait_http "$GATEWAY/" "$WORK/nginx/logs/gateway-error.log"
}

create_category() {
    local status
    status=$(curl -sS -o "$WORK/category.json" -w '%{http_code}' -X POST \
        -H 'Content-Type: application/json' -H 'X-Request-Id: gateway-e2e-create' \
        -D "$WORK/category.headers" \
        --data-binary '{"name":"Documentários","description":"Gateway test","is_active":true}' \
        "$GATEWAY/api/admin/categories")
    [[ $status == 201 ]] || die "POST /api/admin/categories through the gateway returned $status: $(cat "$WORK/category.json")"
    CATEGORY_ID=$(jq -er .id "$WORK/category.json")
    pass "category created through the gateway (id $CATEGORY_ID)"
}

check_request_id() {
    if grep -qi '^x-request-id: gateway-e2e-create' "$WORK/category.headers"; then
        pass "a client's X-Request-Id is echoed by the gateway"
    else
        fail "X-Request-Id gateway-e2e-create not echoed; headers: $(tr -d '\r' <"$WORK/category.headers")"
    fi
    local generated
    generated=$(curl -sS -o /dev/null -D - "$GATEWAY/api/admin/categories/$CATEGORY_ID" |
        tr -d '\r' | awk 'tolower($1) == "x-request-id:" {print $2}')
    if [[ $generated =~ ^[0-9a-f]{32}$ ]]; then
        pass "the gateway generates an X-Request-Id when the client sends none ($generated)"
    else
        fail "expected a generated 32-hex X-Request-Id, got '$generated'"
    fi
}

# (a) 200 GETs, 50 at a time, from one address must hit the 20 r/s (burst 40) limit.
check_rate_limit() {
    local n cfg="$WORK/burst.curlrc"
    mkdir -p "$WORK/burst"
    : >"$cfg"
    for n in $(seq 1 200); do
        printf 'url = "%s"\noutput = "%s"\n' "$GATEWAY/api/admin/categories/$CATEGORY_ID" "$WORK/burst/$n" >>"$cfg"
    done
    curl -s --parallel --parallel-max 50 -K "$cfg" \
        -w '%{http_code} %{content_type} %{filename_effective}\n' >"$WORK/burst.txt" 2>"$WORK/burst.err" || true
    local ok limited others problem_file
    ok=$(awk '$1 == 200' "$WORK/burst.txt" | wc -l)
    limited=$(awk '$1 == 429 && $2 == "application/problem+json"' "$WORK/burst.txt" | wc -l)
    others=$(awk '$1 != 200 && $1 != 429' "$WORK/burst.txt" | wc -l)
    problem_file=$(awk '$1 == 429 {print $3; exit}' "$WORK/burst.txt")
    echo "burst of 200: $ok x 200, $limited x 429 problem+json, $others other"
    if ((limited > 0)) && ((ok > 0)) && jq -e '.status == 429 and .title != null' "$problem_file" >/dev/null; then
        pass "burst is rate limited with 429 application/problem+json"
    else
        fail "expected both 200s and 429 application/problem+json replies in the burst"
    fi
}

# check_copy_alive NAME PID: a copy must survive the burst (tens of concurrent requests reach it).
check_copy_alive() {
    if kill -0 "$2" 2>/dev/null; then
        pass "copy $1 survived the burst"
    else
        fail "copy $1 died during the burst; last line of its log: $(tail -n 1 "$WORK/$1.log")"
    fi
}

# (b) with one copy killed, idempotent GETs are retried on the other copy.
check_failover() {
    sleep 3 # the 40-request burst allowance refills at 20 r/s
    { kill -9 "$PID_B" && wait "$PID_B"; } 2>/dev/null || true
    local status codes=""
    for _ in $(seq 1 10); do
        status=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/api/admin/categories/$CATEGORY_ID")
        codes+="$status "
    done
    if [[ $codes == "$(printf '200 %.0s' $(seq 1 10))" ]]; then
        pass "10 GETs after kill -9 of one copy all returned 200"
    else
        fail "GETs after kill -9 of one copy returned: $codes"
    fi
}

main() {
    [[ -x $BIN ]] || die "service binary not found or not executable: $BIN"
    require_cmds jq
    WORK=$(mktemp -d)
    chmod 755 "$WORK" # nginx workers run as nobody when the master is root
    read -r PORT_A PORT_B GATEWAY_PORT <<<"$(free_ports 3)"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"

    start_copy a "$PORT_A" # first alone, so only one copy applies migrations
    PID_A=${PIDS[-1]}
    start_copy b "$PORT_B"
    PID_B=${PIDS[-1]}
    start_gateway
    create_category
    check_request_id
    check_rate_limit
    check_copy_alive a "$PID_A"
    check_copy_alive b "$PID_B"
    check_failover

    if ((FAILED)); then
        local log
        for log in a.log b.log nginx/logs/gateway-error.log; do
            echo "--- last lines of $log"
            tail -n 5 "$WORK/$log" || true
        done
        echo "FAIL: gateway_e2e"
        exit 1
    fi
    echo "PASS: gateway_e2e"
}

main
