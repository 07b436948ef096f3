#!/usr/bin/env bash
# bench/subscription: subscriptions and playback next to their anchors, measured in the same run.
#   1. Subscribe throughput: BENCH_SUBSCRIBERS users, each with a sandbox card tokenised
#      beforehand, POST /api/subscription/subscriptions once (with an Idempotency-Key),
#      BENCH_CONNECTIONS at a time, on SQLite: subscriptions/s, p50/p99; every one must be 201.
#      Anchor: GET /api/subscription/plans (the service's cheapest route) with the same client
#      and connections, and with wrk.
#   2. Renewal run: BENCH_RENEWALS active subscriptions whose period ended an hour ago (card,
#      first charge, paid first invoice) written into the service's SQLite database in one
#      transaction before it starts, then POST /api/subscription/admin/billing/run (synchronous):
#      renewals/s; the exactly-once proof by SQL; a second run renews and charges nothing.
#      Anchor: SQLite doing the bare writes of each renewal (python3 sqlite3, same pragmas).
#   3. Playback session creation: catalog-api on SQLite with BENCH_VIEWERS viewers entitled to
#      10 streams and one video with ready media, all published as events through RabbitMQ;
#      wrk POST /api/catalog/videos/{id}/playback round-robin over the viewers' tokens (sessions
#      expire 2 s after their last heartbeat here, so no viewer reaches the stream limit below
#      5 x BENCH_VIEWERS sessions/s; non-2xx are counted and shown).
#      Anchor: GET /api/catalog/videos/{id} (the public title document) on the same service.
#   4. Segment fetch through the gateway (gateway/render.sh's real configuration): a ~1 MB CMAF
#      segment at the signed /media/ URL a playback session hands out (secure_link check) next
#      to the same bytes under /images/ (no token check): req/s, MB/s, p99 and their ratio.
# Usage: bench/subscription/subscription.sh [BUILD_DIR]   (./codeflix bench runs it)
#   BENCH_SUBSCRIBERS (2000), BENCH_RENEWALS (100000), BENCH_VIEWERS (2000),
#   BENCH_CONNECTIONS (16), BENCH_DURATION (10s, each wrk run), BENCH_ANCHOR_REQUESTS (20000,
#   GETs of the /plans anchor), BENCH_AMQP_URL (a vhost no other consumer uses: the renewal run
#   publishes BENCH_RENEWALS events; else a vhost of its own on the broker of ./codeflix up, made
#   through its management API at BENCH_RABBIT_API)
# Subscribes go through bench_subscription's client, not wrk: each user subscribes exactly once,
# and wrk cannot stop after N requests (its rate would count the idle rest of the run).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # die, log, free_ports, wait_http, stop_pids, require_cmds, rabbit_vhost
readonly DIE_PREFIX="bench: "
readonly BUILD="${1:-$ROOT/build/release}"
readonly TOOL="$BUILD/bench/subscription/bench_subscription"
readonly SUBSCRIPTION="$BUILD/services/subscription/codeflix-subscription"
readonly CATALOG_API="$BUILD/services/catalog-api/codeflix-catalog-api"
readonly SQL="$ROOT/bench/subscription/renewals.py"
readonly SUBSCRIBERS="${BENCH_SUBSCRIBERS:-2000}"
readonly RENEWALS="${BENCH_RENEWALS:-100000}"
readonly VIEWERS="${BENCH_VIEWERS:-2000}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-16}"
readonly DURATION="${BENCH_DURATION:-10s}"
readonly ANCHOR_REQUESTS="${BENCH_ANCHOR_REQUESTS:-20000}"
readonly RABBIT_API="${BENCH_RABBIT_API:-http://127.0.0.1:15672/api}"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
readonly SECRET="bench-subscription-url-secret-0123456789"
# Playback sessions free their stream 2 s after the last heartbeat, so BENCH_VIEWERS x 10
# streams allow 5 x BENCH_VIEWERS new sessions per second without reaching the limit.
readonly SESSION_TIMEOUT=2

WORK=""
VHOST=""
declare -A PID_OF=()

cleanup() {
    stop_pids "${PID_OF[@]}"
    [[ -n $VHOST ]] && rabbit_vhost_delete "$RABBIT_API" "$VHOST"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

setup() {
    [[ -x $TOOL && -x $SUBSCRIPTION && -x $CATALOG_API ]] ||
        die "build first: cmake --preset release && cmake --build --preset release"
    require_cmds wrk curl jq python3 ffmpeg "$NGINX"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-subscription.XXXXXX")
    chmod 755 "$WORK" # nginx workers run as nobody when the master is root
    mkdir -p "$WORK/nginx/logs" "$WORK/storage"
    read -r JWKS_PORT SUB_PORT API_PORT GATEWAY_PORT <<<"$(free_ports 4)"
    ISSUER="http://127.0.0.1:$JWKS_PORT/realms/codeflix"
    SUB="http://127.0.0.1:$SUB_PORT"
    API="http://127.0.0.1:$API_PORT"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
    if [[ -n ${BENCH_AMQP_URL:-} ]]; then
        AMQP=$BENCH_AMQP_URL
    else
        VHOST="codeflix-bench-subscription-$$"
        rabbit_vhost "$RABBIT_API" "$VHOST" ||
            die "no RabbitMQ management API at $RABBIT_API: run ./codeflix up first, or set BENCH_AMQP_URL"
        AMQP="amqp://guest:guest@127.0.0.1:5672/$VHOST"
    fi
    log "minting $((SUBSCRIBERS > VIEWERS ? SUBSCRIBERS : VIEWERS)) access tokens"
    "$TOOL" tokens "$WORK/idp" "$((SUBSCRIBERS > VIEWERS ? SUBSCRIBERS : VIEWERS))" "$ISSUER"
    head -n "$SUBSCRIBERS" "$WORK/idp/tokens.txt" >"$WORK/subscriber-tokens.txt"
    head -n "$VIEWERS" "$WORK/idp/tokens.txt" >"$WORK/viewer-tokens.txt"
    head -n "$VIEWERS" "$WORK/idp/users.txt" >"$WORK/viewer-users.txt"
    ADMIN_TOKEN=$(<"$WORK/idp/admin.token")
    python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 --directory "$WORK/idp/www" \
        >"$WORK/jwks.log" 2>&1 &
    PID_OF[jwks]=$!
    wait_http "$ISSUER/protocol/openid-connect/certs" "$WORK/jwks.log"
}

# start NAME BINARY PORT [VAR=VALUE...]: a service on 127.0.0.1:PORT, ready (keys loaded).
start() {
    local name=$1 binary=$2 port=$3
    env CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$port" CODEFLIX_LOG_LEVEL=warn \
        CODEFLIX_AMQP_URL="$AMQP" CODEFLIX_OIDC_ISSUER="$ISSUER" "${@:4}" "$binary" \
        >>"$WORK/$name.log" 2>&1 &
    PID_OF[$name]=$!
    wait_http "http://127.0.0.1:$port/readyz" "$WORK/$name.log" 30
}

stop() {
    stop_pids "${PID_OF[$1]}"
    unset "PID_OF[$1]"
}

start_subscription() {
    start subscription "$SUBSCRIPTION" "$SUB_PORT" CODEFLIX_SUBSCRIPTION_DB_URL="sqlite:$1" \
        CODEFLIX_SUBSCRIPTION_BILLING_INTERVAL_MS=86400000 # only the bench runs billing
}

# wrk_figures CONNECTIONS URL [SCRIPT]: prints "req/s p50 p99 non-2xx MB/s" (MB = 2^20 bytes).
wrk_figures() {
    local out
    out=$(wrk -t1 -c"$1" -d"$DURATION" --latency ${3:+-s "$3"} "$2")
    awk '/^Requests\/sec:/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
         /Non-2xx or 3xx responses:/ {bad = $NF}
         /^Transfer\/sec:/ {n = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
             mb = u == "GB" ? n * 1024 : u == "MB" ? n : u == "KB" ? n / 1024 : n / 1048576}
         END {printf "%s\t%s\t%s\t%s\t%.1f\n", rps, p50, p99, bad + 0, mb}' <<<"$out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
field() { cut -f"$1" <<<"$2"; }
admin() {
    curl -fsS --max-time 3600 -X "$1" -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$SUB$2"
}

bench_subscribe() {
    log "1. subscribe: $SUBSCRIBERS users, $CONNECTIONS connections"
    start_subscription "$WORK/subscription.db"
    local plan
    plan=$(admin POST /api/subscription/admin/plans '{"name":"Bench Premium","description":"bench",
        "price":3990,"currency":"BRL","interval":"month","trial_days":0,"max_streams":4,
        "max_quality":"1080p","active":true}' | jq -r .id)
    "$TOOL" get "$SUB" /api/subscription/plans "$CONNECTIONS" 2000 >/dev/null # warm-up
    PLANS_TOOL=$("$TOOL" get "$SUB" /api/subscription/plans "$CONNECTIONS" "$ANCHOR_REQUESTS")
    PLANS_WRK=$(wrk_figures "$CONNECTIONS" "$SUB/api/subscription/plans")
    SUBSCRIBE=$("$TOOL" subscribe "$SUB" "$WORK/subscriber-tokens.txt" "$plan" "$CONNECTIONS")
    (($(field 6 "$SUBSCRIBE") == 0)) || die "$(field 6 "$SUBSCRIBE") of $SUBSCRIBERS subscribes were not 201"
    stop subscription
    SUBSCRIBED=$(python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM subscriptions WHERE status = ?", ("active",)).fetchone()[0])' \
        "$WORK/subscription.db")
}

# copy_db FROM TO: a database file and its write-ahead log, if one is left.
copy_db() {
    cp "$1" "$2"
    if [[ -e $1-wal ]]; then cp "$1-wal" "$2-wal"; fi
}

bench_renewals() {
    log "2. renewal run over $RENEWALS due subscriptions"
    local db="$WORK/renewals.db" started ended report
    start_subscription "$db" # creates the schema
    stop subscription
    PERIOD_END=$(python3 "$SQL" seed "$db" "$RENEWALS")
    copy_db "$db" "$WORK/anchor-each.db"
    copy_db "$db" "$WORK/anchor-batch.db"
    ANCHOR_EACH=$(python3 "$SQL" anchor "$WORK/anchor-each.db" each)
    ANCHOR_BATCH=$(python3 "$SQL" anchor "$WORK/anchor-batch.db" batch)
    rm -f "$WORK"/anchor-*.db*
    start_subscription "$db"
    started=$(date +%s.%N)
    report=$(admin POST /api/subscription/admin/billing/run)
    ended=$(date +%s.%N)
    RENEW_SECONDS=$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.2f", b - a}')
    RENEWED=$(jq -r .renewed <<<"$report")
    RUN1=$(jq -c . <<<"$report")
    ((RENEWED == RENEWALS)) || die "the billing run renewed $RENEWED of $RENEWALS: $RUN1"
    python3 "$SQL" check "$db" "$RENEWALS" "$PERIOD_END" >"$WORK/checks.txt" ||
        die "the exactly-once checks failed:"$'\n'"$(cat "$WORK/checks.txt")"
    CHARGES_BEFORE=$(python3 "$SQL" charges "$db")
    RUN2=$(admin POST /api/subscription/admin/billing/run | jq -c .)
    CHARGES_AFTER=$(python3 "$SQL" charges "$db")
    [[ $(jq -r .renewed <<<"$RUN2") == 0 && $CHARGES_BEFORE == "$CHARGES_AFTER" ]] ||
        die "the second billing run did something: $RUN2; charges, cycle invoices $CHARGES_BEFORE -> $CHARGES_AFTER"
    stop subscription
}

# wait_consumers URL QUEUE...: until /readyz reports each queue's consumer as consuming.
wait_consumers() {
    local url=$1 queue deadline=$((SECONDS + 30))
    shift
    for queue in "$@"; do
        until curl -fsS "$url/readyz" | grep -q "\"consumer $queue\":\"ok\""; do
            ((SECONDS < deadline)) || die "the consumer $queue did not start"
            sleep 0.2
        done
    done
}

bench_playback() {
    log "3. playback sessions: $VIEWERS viewers, $CONNECTIONS connections"
    start catalog-api "$CATALOG_API" "$API_PORT" \
        CODEFLIX_CATALOG_API_DB_URL="sqlite:$WORK/catalog-api.db" \
        CODEFLIX_STORAGE_ROOT="$WORK/storage" CODEFLIX_STORAGE_URL_SECRET="$SECRET" \
        CODEFLIX_CATALOG_API_PLAYBACK_HEARTBEAT_SECONDS=1 \
        CODEFLIX_CATALOG_API_PLAYBACK_SESSION_TIMEOUT_SECONDS="$SESSION_TIMEOUT"
    wait_consumers "$API" catalog-api.catalog catalog-api.subscriptions
    local ids
    ids=$("$TOOL" catalog "$AMQP" "$API" "$WORK/viewer-users.txt" "$WORK/viewer-tokens.txt")
    read -r VIDEO_ID ENCODING_ID <<<"$ids"
    wrk -t1 -c"$CONNECTIONS" -d2s "$API/api/catalog/videos/$VIDEO_ID" >/dev/null # warm-up
    DOCUMENT=$(wrk_figures "$CONNECTIONS" "$API/api/catalog/videos/$VIDEO_ID")
    export VIDEO_ID TOKENS="$WORK/viewer-tokens.txt" # for playback.lua
    wrk -t1 -c"$CONNECTIONS" -d2s -s "$ROOT/bench/subscription/playback.lua" "$API" >/dev/null
    sleep $((SESSION_TIMEOUT + 1)) # the warm-up's sessions expire
    PLAYBACK=$(wrk_figures "$CONNECTIONS" "$API" "$ROOT/bench/subscription/playback.lua")
}

bench_segments() {
    log "4. segment fetch through the gateway"
    local media="$WORK/storage/media/$VIDEO_ID/video/$ENCODING_ID" images="$WORK/storage/images/$VIDEO_ID/bench"
    mkdir -p "$media" "$images"
    # 40 frames of 720p noise at 6 Mbit/s: one fragmented-MP4 segment of about 1 MB.
    ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1280x720:r=30:d=2,noise=alls=20:allf=t" \
        -c:v libx264 -preset ultrafast -b:v 6M -maxrate 6M -bufsize 1M -g 40 -frames:v 40 \
        -pix_fmt yuv420p -an -movflags frag_keyframe+empty_moov+default_base_moof -f mp4 \
        "$media/chunk_0_00001.m4s"
    cp "$media/chunk_0_00001.m4s" "$images/segment.m4s"
    SEGMENT_BYTES=$(stat -c %s "$images/segment.m4s")
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET="$SECRET" \
        CATALOG_API_ADDRS="127.0.0.1:$API_PORT" "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
    PID_OF[nginx]=$!
    local image_url="$GATEWAY/images/$VIDEO_ID/bench/segment.m4s" session hls path code
    wait_http "$image_url" "$WORK/nginx/logs/error.log"
    # The signed folder URL a real playback session hands out (the benchmark's sessions expired).
    sleep $((SESSION_TIMEOUT + 1))
    session=$(curl -fsS -X POST -H "Authorization: Bearer $(head -n 1 "$TOKENS")" \
        -H 'Content-Type: application/json' --data '{}' "$API/api/catalog/videos/$VIDEO_ID/playback")
    hls=$(jq -r .hls_url <<<"$session")
    path="${hls%/*}/chunk_0_00001.m4s"
    SEGMENT_URL="$GATEWAY$path"
    [[ $(curl -fsS -o /dev/null -w '%{size_download}' "$SEGMENT_URL") == "$SEGMENT_BYTES" ]] ||
        die "the signed segment URL did not answer the segment: $SEGMENT_URL"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/AAAAAAAAAAAAAAAAAAAAAA/${path#/media/*/}")
    [[ $code == 403 ]] || die "a forged media token got $code, not 403: the token check is not in the path"
    wrk -t1 -c"$CONNECTIONS" -d2s "$SEGMENT_URL" >/dev/null # warm-up (page cache, open files)
    wrk -t1 -c"$CONNECTIONS" -d2s "$image_url" >/dev/null
    SIGNED=$(wrk_figures "$CONNECTIONS" "$SEGMENT_URL")
    UNSIGNED=$(wrk_figures "$CONNECTIONS" "$image_url")
}

report() {
    local rps p50 p99 bad mb label line
    echo
    echo "subscription benchmark: $(nproc) cores shared by every process, SQLite, one run"
    printf '\n%-62s %10s %9s %9s %8s\n' "1. subscribe, $CONNECTIONS connections" "req/s" p50 p99 non-2xx
    for label in "GET /plans, bench client, $ANCHOR_REQUESTS (anchor)" "GET /plans, wrk $DURATION (anchor)" \
        "POST /subscriptions, $SUBSCRIBERS users, bench client"; do
        case $label in
            *"bench client, "[0-9]*) line=$(cut -f3- <<<"$PLANS_TOOL") ;;
            *wrk*) line=$(cut -f1-4 <<<"$PLANS_WRK") ;;
            *) line=$(cut -f3- <<<"$SUBSCRIBE") ;;
        esac
        IFS=$'\t' read -r rps p50 p99 bad <<<"$line"
        printf '%-62s %10s %9s %9s %8s\n' "$label" "$rps" "$p50" "$p99" "$bad"
    done
    printf '%-62s %10s\n' "subscribe / GET /plans (bench client)" \
        "$(ratio "$(field 3 "$SUBSCRIBE")" "$(field 3 "$PLANS_TOOL")")"
    echo "active subscriptions in the database afterwards: $SUBSCRIBED of $SUBSCRIBERS"

    printf '\n%-62s %10s %9s %12s\n' "2. renewal run, $RENEWALS due subscriptions" renewed seconds "renewals/s"
    printf '%-62s %10s %9s %12s\n' "POST /admin/billing/run (the service)" "$RENEWED" "$RENEW_SECONDS" \
        "$(awk -v n="$RENEWED" -v s="$RENEW_SECONDS" 'BEGIN {printf "%.0f", n / s}')"
    for label in "SQLite doing the bare writes, same machine, txn each" \
        "SQLite doing the bare writes, same machine, one txn"; do
        case $label in
            *each) line=$ANCHOR_EACH ;;
            *) line=$ANCHOR_BATCH ;;
        esac
        printf '%-62s %10s %9s %12s\n' "$label (anchor)" "$RENEWALS" "$line" \
            "$(awk -v n="$RENEWALS" -v s="$line" 'BEGIN {printf "%.0f", n / s}')"
    done
    echo "renew throughput: $(awk -v n="$RENEWED" -v s="$RENEW_SECONDS" 'BEGIN {printf "%.0f", n / s}') renewals/s" \
        "($(ratio "$ANCHOR_EACH" "$RENEW_SECONDS")x the rate of the bare writes committed one renewal at a time)"
    echo "bare writes: INSERT invoice + INSERT charge + UPDATE subscription per renewal, python3 sqlite3, WAL, synchronous=NORMAL"
    echo "first run: $RUN1"
    echo "exactly once, by SQL after the run (value, expected):"
    awk -F'\t' '{printf "  %-60s %10s  (expected %s)\n", $1, $2, $3}' "$WORK/checks.txt"
    echo "second run: $RUN2; succeeded charges, cycle invoices before/after: $(tr '\t' ' ' <<<"$CHARGES_BEFORE") / $(tr '\t' ' ' <<<"$CHARGES_AFTER")"

    printf '\n%-62s %10s %9s %9s %8s\n' "3. catalog-api, wrk -c$CONNECTIONS $DURATION" "req/s" p50 p99 non-2xx
    for label in "GET /api/catalog/videos/{id} (anchor)" "POST /api/catalog/videos/{id}/playback"; do
        case $label in
            GET*) line=$DOCUMENT ;;
            *) line=$PLAYBACK ;;
        esac
        IFS=$'\t' read -r rps p50 p99 bad _ <<<"$line"
        printf '%-62s %10s %9s %9s %8s\n' "$label" "$rps" "$p50" "$p99" "$bad"
    done
    printf '%-62s %10s\n' "playback / title document" "$(ratio "$(field 1 "$PLAYBACK")" "$(field 1 "$DOCUMENT")")"
    echo "$VIEWERS viewers, 10 streams each, sessions free $SESSION_TIMEOUT s after the last heartbeat:" \
        "about $(awk -v r="$(field 1 "$PLAYBACK")" -v m="$VIEWERS" -v t="$SESSION_TIMEOUT" 'BEGIN {printf "%.1f", r * t / m}')" \
        "live sessions per viewer at this rate (limit 10; non-2xx would show the limit reached)"

    printf '\n%-62s %10s %9s %9s %8s %9s\n' "4. nginx gateway, $SEGMENT_BYTES-byte segment, wrk -c$CONNECTIONS" \
        "req/s" "MB/s" p99 non-2xx "x images"
    for label in "GET /images/... (no token check, anchor)" "GET /media/<token>/<exp>/... (secure_link)"; do
        case $label in
            *anchor*) line=$UNSIGNED ;;
            *) line=$SIGNED ;;
        esac
        IFS=$'\t' read -r rps p50 p99 bad mb <<<"$line"
        printf '%-62s %10s %9s %9s %8s %9s\n' "$label" "$rps" "$mb" "$p99" "$bad" \
            "$(ratio "$rps" "$(field 1 "$UNSIGNED")")"
    done
}

main() {
    setup
    bench_subscribe
    bench_renewals
    bench_playback
    bench_segments
    report
}

main
