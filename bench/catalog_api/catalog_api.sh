#!/usr/bin/env bash
# bench/catalog_api: catalog-api on a generated catalog loaded through RabbitMQ, next to its
# anchors measured in the same run:
#   - event ingestion rate, and write->searchable latency (p50/p99; target p99 <= 200 ms)
#   - GET /api/catalog/videos/{id} at 64 connections, next to nginx serving the same bytes as a
#     static file and a minimal Express server on Node 20 serving them from memory
#     (target >= 1.0x nginx)
#   - search latency p50/p99 at 1 and 16 clients over a mixed query set, next to the same
#     queries run straight on SQLite FTS5 (target p99 <= 10 ms at 16 clients)
# Usage: bench/catalog_api/catalog_api.sh [BUILD_DIR]   (./codeflix bench runs it)
#   BENCH_TITLES (100000), BENCH_DURATION (10s), BENCH_AMQP_URL (a vhost of its own on the
#   broker of ./codeflix up, made through its management API at BENCH_RABBIT_API)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # die, free_ports, wait_http, stop_pids, require_cmds
readonly DIE_PREFIX="bench: "
readonly BUILD="${1:-$ROOT/build/release}"
readonly SERVICE="$BUILD/services/catalog-api/codeflix-catalog-api"
readonly TOOL="$BUILD/bench/catalog_api/bench_catalog_api"
readonly TITLES="${BENCH_TITLES:-100000}"
readonly DURATION="${BENCH_DURATION:-10s}"
readonly RABBIT_API="${BENCH_RABBIT_API:-http://127.0.0.1:15672/api}"
readonly EXPRESS_DIR="$ROOT/bench/catalog_api/express"

WORK=""
VHOST=""
declare -a PIDS=()

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $VHOST ]] && rabbit_vhost_delete "$RABBIT_API" "$VHOST"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

broker_url() {
    if [[ -n ${BENCH_AMQP_URL:-} ]]; then
        echo "$BENCH_AMQP_URL"
        return
    fi
    VHOST="codeflix-bench-$$"
    rabbit_vhost "$RABBIT_API" "$VHOST" ||
        die "no RabbitMQ management API at $RABBIT_API: run ./codeflix up first, or set BENCH_AMQP_URL"
    echo "amqp://guest:guest@127.0.0.1:5672/$VHOST"
}

start_catalog_api() {
    CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$API_PORT" CODEFLIX_LOG_LEVEL=warn \
        CODEFLIX_CATALOG_API_DB_URL="sqlite:$WORK/catalog-api.db" CODEFLIX_AMQP_URL="$AMQP" \
        CODEFLIX_CONSUMER_PREFETCH=500 \
        "$SERVICE" >"$WORK/catalog-api.log" 2>&1 &
    PIDS+=($!)
    wait_http "$API/readyz" "$WORK/catalog-api.log"
}

start_anchors() {
    mkdir -p "$WORK/nginx" "$WORK/static/api/catalog/videos"
    cp "$WORK/video.json" "$WORK/static/api/catalog/videos/$VIDEO_ID"
    cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/client_body_temp;
    proxy_temp_path $WORK/nginx/proxy_temp;
    fastcgi_temp_path $WORK/nginx/fastcgi_temp;
    uwsgi_temp_path $WORK/nginx/uwsgi_temp;
    scgi_temp_path $WORK/nginx/scgi_temp;
    open_file_cache max=100 inactive=60s;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/static;
        default_type application/json;
    }
}
CONF
    nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -g 'daemon off;' &
    PIDS+=($!)
    if [[ ! -e $EXPRESS_DIR/node_modules/.package-lock.json ||
        $EXPRESS_DIR/package-lock.json -nt $EXPRESS_DIR/node_modules/.package-lock.json ]]; then
        (cd "$EXPRESS_DIR" && npm ci --no-audit --no-fund >/dev/null)
    fi
    node "$EXPRESS_DIR/server.js" "$EXPRESS_PORT" "$WORK/video.json" &
    PIDS+=($!)
    wait_http "http://127.0.0.1:$NGINX_PORT/api/catalog/videos/$VIDEO_ID" "$WORK/nginx/error.log"
    wait_http "http://127.0.0.1:$EXPRESS_PORT/api/catalog/videos/$VIDEO_ID" /dev/null
}

# wrk_figures CONNECTIONS URL [SCRIPT]: prints "req/s p50 p99 non-2xx".
wrk_figures() {
    local out
    out=$(wrk -t1 -c"$1" -d"$DURATION" --latency ${3:+-s "$3"} "$2")
    awk '/^Requests\/sec:/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
         /Non-2xx or 3xx responses:/ {bad = $NF}
         END {printf "%s\t%s\t%s\t%s\n", rps, p50, p99, bad + 0}' <<<"$out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

main() {
    [[ -x $SERVICE && -x $TOOL ]] || die "build first: cmake --preset release && cmake --build --preset release"
    require_cmds wrk nginx node npm curl jq
    WORK=$(mktemp -d)
    chmod 755 "$WORK" # nginx workers run as nobody when the master is root
    read -r API_PORT NGINX_PORT EXPRESS_PORT <<<"$(free_ports 3)"
    API="http://127.0.0.1:$API_PORT"
    AMQP=$(broker_url)
    start_catalog_api
    cd "$WORK"

    echo "== loading $TITLES generated titles through RabbitMQ" >&2
    "$TOOL" load "$AMQP" "$API" "$TITLES" | tee "$WORK/load.txt" >&2
    echo "== write->searchable latency" >&2
    "$TOOL" latency "$AMQP" "$API" 200 | tee "$WORK/latency.txt" >&2

    VIDEO_ID=$(head -n 1 video_ids.txt)
    curl -fsS -o "$WORK/video.json" "$API/api/catalog/videos/$VIDEO_ID"
    start_anchors
    echo "== GET /api/catalog/videos/{id}, 64 connections, $DURATION each" >&2
    wrk -t1 -c64 -d2s "$API/api/catalog/videos/$VIDEO_ID" >/dev/null # warm-up
    local nginx express service
    nginx=$(wrk_figures 64 "http://127.0.0.1:$NGINX_PORT/api/catalog/videos/$VIDEO_ID")
    express=$(wrk_figures 64 "http://127.0.0.1:$EXPRESS_PORT/api/catalog/videos/$VIDEO_ID")
    service=$(wrk_figures 64 "$API/api/catalog/videos/$VIDEO_ID")

    echo "== search over a mixed query set" >&2
    "$TOOL" queries 1000 >"$WORK/queries.txt"
    local search1 search16 fts1 fts16
    search1=$(QUERIES="$WORK/queries.txt" wrk_figures 1 "$API" "$ROOT/bench/catalog_api/queries.lua")
    search16=$(QUERIES="$WORK/queries.txt" wrk_figures 16 "$API" "$ROOT/bench/catalog_api/queries.lua")
    fts1=$("$TOOL" fts5 "$WORK/catalog-api.db" "$WORK/queries.txt" 1 "${DURATION%s}")
    fts16=$("$TOOL" fts5 "$WORK/catalog-api.db" "$WORK/queries.txt" 16 "${DURATION%s}")

    local rss
    rss=$(awk '/VmHWM/ {peak = $2 / 1024} /RssAnon/ {anon = $2 / 1024}
        END {printf "%.0f MB peak resident (the database file mapped with it), %.0f MB anonymous now", peak, anon}' \
        "/proc/${PIDS[0]}/status")
    echo
    echo "catalog-api benchmark: $TITLES titles, $(nproc) cores shared by every process, one run"
    grep -E '^(ingested|published)' "$WORK/load.txt"
    grep -E '^write->searchable' "$WORK/latency.txt"
    echo "catalog-api memory: $rss; database $(du -m "$WORK/catalog-api.db" | cut -f1) MB"
    printf '\n%-46s %10s %9s %9s %8s %9s\n' "GET /api/catalog/videos/{id}, wrk -c64" req/s p50 p99 non-2xx "x nginx"
    local label line
    for label in "nginx static file (anchor)" "Express 5 on Node $(node --version)" catalog-api; do
        case $label in
            nginx*) line=$nginx ;;
            Express*) line=$express ;;
            *) line=$service ;;
        esac
        IFS=$'\t' read -r rps p50 p99 bad <<<"$line"
        printf '%-46s %10s %9s %9s %8s %9s\n' "$label" "$rps" "$p50" "$p99" "$bad" \
            "$(ratio "$rps" "$(cut -f1 <<<"$nginx")")"
    done
    printf '\n%-46s %10s %9s %9s %8s\n' "search, 1000 mixed queries" req/s p50 p99 non-2xx
    for label in "SQLite FTS5 directly, 1 client (anchor)" "catalog-api /search, 1 client" \
        "SQLite FTS5 directly, 16 clients (anchor)" "catalog-api /search, 16 clients"; do
        case $label in
            "SQLite FTS5 directly, 1 client"*) line="$fts1	0" ;;
            "SQLite FTS5 directly, 16 clients"*) line="$fts16	0" ;;
            *"/search, 1 client") line=$search1 ;;
            *) line=$search16 ;;
        esac
        IFS=$'\t' read -r rps p50 p99 bad <<<"$line"
        printf '%-46s %10s %9s %9s %8s\n' "$label" "$rps" "$p50" "$p99" "$bad"
    done
    echo
    echo "targets: reads >= 1.0x nginx static; search p99 <= 10 ms at 16 clients; write->searchable p99 <= 200 ms"
    echo "the FTS5 anchor runs only the MATCH and first page; catalog-api also counts, builds facets, corrects typos and highlights"
}

main
