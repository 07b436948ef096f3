#!/usr/bin/env bash
# Gateway end-to-end test: two copies of catalog-admin sharing one SQLite file behind the real
# gateway configuration. Checks the per-address rate limit (429 as problem+json), request id
# propagation, and that a stream of GETs keeps getting 200 while one copy is killed mid-stream.
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
    mkdir -p "$WORK/nginx/logs" "$WORK/storage"
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET=gateway-e2e-url-secret \
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

# get_stream N OUT: N sequential GETs of the category through the gateway, about 12 a second (under
# the 20 r/s limit), each tagged X-Request-Id gateway-e2e-failover-I; appends "I STATUS" to OUT.
get_stream() {
    local n=$1 out=$2 i status
    for ((i = 1; i <= n; i++)); do
        status=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 \
            -H "X-Request-Id: gateway-e2e-failover-$i" \
            "$GATEWAY/api/admin/categories/$CATEGORY_ID" 2>/dev/null) || true
        echo "$i ${status:-000}" >>"$out"
        sleep 0.07
    done
}

# (b) one copy is killed (kill -9) while a stream of GETs is in flight: passive health checks and
# proxy_next_upstream must retry the idempotent GETs on the other copy, so every GET gets 200.
check_failover() {
    local -r total=60 kill_after=10
    local out="$WORK/failover.txt" stream_pid done_count=0 deadline
    sleep 3 # the 40-request burst allowance refills at 20 r/s
    : >"$out"
    get_stream "$total" "$out" &
    stream_pid=$!
    PIDS+=("$stream_pid")

    deadline=$((SECONDS + 20))
    while ((done_count < kill_after)); do
        ((SECONDS < deadline)) || die "the GET stream did not reach $kill_after requests within 20 s"
        sleep 0.05
        done_count=$(wc -l <"$out")
    done
    if kill -0 "$stream_pid" 2>/dev/null; then
        pass "copy b killed (kill -9) after $done_count of $total GETs, while the stream was running"
    else
        fail "the GET stream ended before copy b could be killed"
    fi
    { kill -9 "$PID_B" && wait "$PID_B"; } 2>/dev/null || true
    wait "$stream_pid" || true

    local got ok bad retried
    got=$(wc -l <"$out")
    ok=$(awk '$2 == 200' "$out" | wc -l)
    bad=$(awk '$2 != 200 {printf "#%s=%s ", $1, $2}' "$out")
    # Requests nginx had to retry on the other copy show two upstream addresses in the access log.
    retried=$(grep -F '"request_id":"gateway-e2e-failover-' "$WORK/nginx/logs/gateway-access.log" |
        grep -c "\"upstream_addr\":\"[^\"]*, " || true)
    if ((got == total && ok == total)); then
        pass "all $total GETs returned 200 while copy b was killed mid-stream ($retried retried on copy a)"
    else
        fail "GETs while copy b was killed mid-stream: $ok of $total returned 200 ($got answered); others: ${bad:-none}"
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
