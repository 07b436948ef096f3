#!/usr/bin/env bash
# HTTP benchmark of catalog-admin, directly and through nginx, next to nginx serving the same
# JSON bytes as a static file (the anchor). Figures are for comparison within one run only.
# Usage: bench/catalog_admin_http.sh [path/to/codeflix-catalog-admin]
#   BENCH_DURATION (default 10s), BENCH_CONNECTIONS (64), BENCH_NGINX_WORKERS (1)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../tools/lib.sh
source "$ROOT/tools/lib.sh" # die, free_ports, wait_http, stop_pids, require_cmds
readonly DIE_PREFIX="bench: "
readonly BIN="${1:-$ROOT/build/release/services/catalog-admin/codeflix-catalog-admin}"
readonly DURATION="${BENCH_DURATION:-10s}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-64}"
readonly NGINX_WORKERS="${BENCH_NGINX_WORKERS:-1}"

WORK=""
declare -a PIDS=()

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

start_service() {
    CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$SERVICE_PORT" CODEFLIX_LOG_LEVEL=warn \
        CODEFLIX_CATALOG_ADMIN_DB_URL="sqlite:$WORK/catalog-admin.db" \
        "$BIN" >"$WORK/service.log" 2>&1 &
    PIDS+=($!)
    wait_http "$DIRECT/readyz" "$WORK/service.log"
}

# post PATH JSON: creates a resource on the service and prints its id.
post() {
    local status
    status=$(curl -sS -o "$WORK/reply.json" -w '%{http_code}' -X POST \
        -H 'Content-Type: application/json' --data-binary "$2" "$DIRECT$1")
    [[ $status == 201 ]] || die "POST $1 returned $status: $(cat "$WORK/reply.json")"
    jq -er .id "$WORK/reply.json"
}

seed_one_video() {
    local category genre cast
    category=$(post /api/admin/categories '{"name":"Filmes","description":"Longas-metragens","is_active":true}')
    genre=$(post /api/admin/genres "$(jq -nc --arg c "$category" '{name:"Ação",is_active:true,categories_id:[$c]}')")
    cast=$(post /api/admin/cast-members '{"name":"Fritz Lang","type":"director"}')
    VIDEO_ID=$(post /api/admin/videos "$(jq -nc --arg c "$category" --arg g "$genre" --arg m "$cast" \
        '{title:"Metropolis",description:"Numa cidade do futuro, a filha de um operário desafia o dono da metrópole.",
          year_launched:1927,opened:true,rating:"12",duration:153,
          categories_id:[$c],genres_id:[$g],cast_members_id:[$m]}')")
    mkdir -p "$WORK/static"
    curl -fsS -o "$WORK/static/video.json" "$DIRECT/api/admin/videos/$VIDEO_ID"
}

start_nginx() {
    mkdir -p "$WORK/nginx"
    cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
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
    upstream catalog_admin {
        server 127.0.0.1:$SERVICE_PORT;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /api/admin/ {
            proxy_pass http://catalog_admin;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
        location = /static/video.json {
            root $WORK;
            default_type application/json;
        }
    }
}
EOF
    nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -g 'daemon off;' &
    PIDS+=($!)
    wait_http "$PROXY/static/video.json" "$WORK/nginx/error.log"
}

# to_us "1.23ms": wrk latency in microseconds.
to_us() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        f = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : (u == "m") ? 60000000 : 0
        printf "%.0f", n * f }'
}

# run_wrk LABEL URL: runs wrk and appends "label rps p99 non2xx" to the results.
run_wrk() {
    local label=$1 url=$2 out rps p99 errors
    curl -fsS -o /dev/null "$url" || die "$url does not answer 200"
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    printf '%s\t%s\t%s\t%s\n' "$label" "$rps" "$p99" "${errors:-0}" >>"$WORK/results.tsv"
    echo "  $label: $rps req/s, p99 $p99" >&2
}

print_table() {
    local anchor_rps anchor_p99 label rps p99 errors
    IFS=$'\t' read -r _ anchor_rps anchor_p99 _ < <(grep '^nginx static file' "$WORK/results.tsv")
    printf '\n%-44s %12s %10s %10s %12s %8s\n' target req/s p99 "x anchor" "p99 x anch." non-2xx
    while IFS=$'\t' read -r label rps p99 errors; do
        printf '%-44s %12s %10s %10s %12s %8s\n' "$label" "$rps" "$p99" \
            "$(awk -v a="$rps" -v b="$anchor_rps" 'BEGIN {printf "%.2f", a / b}')" \
            "$(awk -v a="$(to_us "$p99")" -v b="$(to_us "$anchor_p99")" 'BEGIN {printf "%.2f", a / b}')" \
            "$errors"
    done <"$WORK/results.tsv"
    echo
    echo "anchor: nginx static file with open_file_cache ($NGINX_WORKERS worker), same JSON bytes ($(wc -c <"$WORK/static/video.json") B)"
    echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency, keep-alive; $(nproc) cores shared by wrk, nginx and the service"
}

main() {
    [[ -x $BIN ]] || die "service binary not found: $BIN (build with: cmake --preset release && cmake --build --preset release)"
    require_cmds wrk nginx jq curl python3
    WORK=$(mktemp -d)
    chmod 755 "$WORK" # nginx workers run as nobody when the master is root
    read -r SERVICE_PORT NGINX_PORT <<<"$(free_ports 2)"
    DIRECT="http://127.0.0.1:$SERVICE_PORT"
    PROXY="http://127.0.0.1:$NGINX_PORT"

    start_service
    seed_one_video
    start_nginx

    local list="/api/admin/videos?page=1&per_page=15"
    echo "warming up..." >&2
    wrk -t1 -c"$CONNECTIONS" -d2s "$DIRECT/api/admin/videos/$VIDEO_ID" >/dev/null
    : >"$WORK/results.tsv"
    run_wrk "nginx static file" "$PROXY/static/video.json"
    run_wrk "GET /api/admin/videos/{id} direct" "$DIRECT/api/admin/videos/$VIDEO_ID"
    run_wrk "GET /api/admin/videos/{id} via nginx" "$PROXY/api/admin/videos/$VIDEO_ID"
    run_wrk "GET videos?page=1&per_page=15 direct" "$DIRECT$list"
    run_wrk "GET videos?page=1&per_page=15 via nginx" "$PROXY$list"
    print_table
}

main
