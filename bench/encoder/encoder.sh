#!/usr/bin/env bash
# bench/encoder: the media pipeline next to its anchors, measured in the same run.
#   1. A generated 60 s 1080p30 source (test pattern and a tone) encoded by the encoder service
#      end to end: upload URL, PUT through nginx, complete (catalog-admin probes it),
#      media_uploaded over RabbitMQ, the encoder's ladder with poster and trick-play, completed
#      back at catalog-admin. Next to it, the equivalent single ffmpeg command line (the same
#      ladder, preset and options, one CMAF output: `codeflix-encoder command --ladder-only`).
#      Reported: wall time, CPU time (the encoder and its ffmpeg child), their ratio to the
#      anchor (target <= 1.05) and the real-time factor.
#   2. Upload of a 2 GB file through nginx (signed PUT into storage), next to a plain local copy
#      of the same file; the resident memory of catalog-admin, the encoder and nginx sampled
#      before, during (peak) and after (target: flat).
# Usage: bench/encoder/encoder.sh [BUILD_DIR]   (./codeflix bench runs it)
#   BENCH_AMQP_URL / BENCH_RABBIT_API (the broker of ./codeflix up; a vhost of its own is made),
#   BENCH_PRESET (veryfast), BENCH_UPLOAD_MB (2048), BENCH_SOURCE_SECONDS (60)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # die, free_ports, wait_http, stop_pids, require_cmds, rabbit_vhost
readonly DIE_PREFIX="bench: "
readonly BUILD="${1:-$ROOT/build/release}"
readonly RABBIT_API="${BENCH_RABBIT_API:-http://127.0.0.1:15672/api}"
readonly PRESET="${BENCH_PRESET:-veryfast}"
readonly UPLOAD_MB="${BENCH_UPLOAD_MB:-2048}"
readonly SECONDS_OF_SOURCE="${BENCH_SOURCE_SECONDS:-60}"
readonly SECRET="bench-encoder-url-secret-0123456789"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

WORK=""
VHOST=""
declare -a PIDS=()
declare -A PID_OF=()

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $VHOST ]] && rabbit_vhost_delete "$RABBIT_API" "$VHOST"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

setup() {
    require_cmds ffmpeg curl jq python3 "$NGINX"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-encoder.XXXXXX")
    chmod 755 "$WORK"
    mkdir -p "$WORK"/{storage/uploads,scratch,nginx/logs}
    ((EUID == 0)) && chown nobody: "$WORK/storage/uploads"
    VHOST="bench-encoder-$$"
    rabbit_vhost "$RABBIT_API" "$VHOST" ||
        die "cannot reach RabbitMQ's management API at $RABBIT_API (start ./codeflix up first)"
    local base=${BENCH_AMQP_URL:-amqp://guest:guest@127.0.0.1:5672}
    AMQP="${base%/}/$VHOST"
    read -r ADMIN_PORT ENCODER_PORT GATEWAY_PORT <<<"$(free_ports 3)"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
}

start() {
    local name=$1 binary=$2 port=$3
    env CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$port" CODEFLIX_LOG_LEVEL=warn \
        CODEFLIX_STORAGE_ROOT="$WORK/storage" CODEFLIX_STORAGE_URL_SECRET="$SECRET" \
        CODEFLIX_AMQP_URL="$AMQP" "${@:4}" "$binary" >"$WORK/$name.log" 2>&1 &
    PID_OF[$name]=$!
    PIDS+=($!)
    wait_http "http://127.0.0.1:$port/readyz" "$WORK/$name.log" 30
}

start_stack() {
    start catalog-admin "$BUILD/services/catalog-admin/codeflix-catalog-admin" "$ADMIN_PORT" \
        CODEFLIX_CATALOG_ADMIN_DB_URL="sqlite:$WORK/catalog-admin.db" CODEFLIX_OUTBOX_POLL_MS=50
    start encoder "$BUILD/services/encoder/codeflix-encoder" "$ENCODER_PORT" \
        CODEFLIX_ENCODER_DB_URL="sqlite:$WORK/encoder.db" CODEFLIX_ENCODER_SCRATCH="$WORK/scratch" \
        CODEFLIX_ENCODER_PRESET="$PRESET" CODEFLIX_OUTBOX_POLL_MS=50 CODEFLIX_ENCODER_LOG_LEVEL=info
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET="$SECRET" \
        CATALOG_ADMIN_ADDRS="127.0.0.1:$ADMIN_PORT" "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
    PID_OF[nginx]=$!
    PIDS+=($!)
    wait_http "$GATEWAY/api/admin/openapi.yaml" "$WORK/nginx/logs/error.log"
}

api() {
    curl -fsS -X "$1" -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$GATEWAY$2"
}

new_video() {
    local category genre
    category=$(api POST /api/admin/categories "{\"name\":\"Bench $1\",\"is_active\":true}" | jq -r .id)
    genre=$(api POST /api/admin/genres "{\"name\":\"Bench $1\",\"is_active\":true,\"categories_id\":[\"$category\"]}" | jq -r .id)
    api POST /api/admin/videos "$(jq -nc --arg c "$category" --arg g "$genre" --arg t "$1" \
        '{title:$t,description:"bench",year_launched:2024,rating:"L",duration:1,categories_id:[$c],genres_id:[$g]}')" |
        jq -r .id
}

# cpu_seconds PID: user + system time of a process and its reaped children.
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"
}

# rss_kb PID...: the summed resident set of the processes and their children (nginx workers).
rss_kb() {
    local pid total=0 child
    for pid in "$@"; do
        total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status")))
        for child in $(pgrep -P "$pid" || true); do
            total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$child/status" 2>/dev/null || echo 0)))
        done
    done
    echo "$total"
}

make_source() {
    SOURCE="$WORK/source-1080p30.mp4"
    log "generating a ${SECONDS_OF_SOURCE} s 1080p30 source"
    ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=$SECONDS_OF_SOURCE" \
        -f lavfi -i "sine=f=440:d=$SECONDS_OF_SOURCE:sample_rate=48000" -c:v libx264 -preset ultrafast \
        -crf 18 -pix_fmt yuv420p -c:a aac -b:a 192k -shortest -movflags +faststart "$SOURCE"
}

bench_anchor() {
    log "anchor: the same ladder as one ffmpeg command line"
    mkdir -p "$WORK/anchor"
    mapfile -t ARGV < <(CODEFLIX_ENCODER_PRESET=$PRESET "$BUILD/services/encoder/codeflix-encoder" \
        command "$SOURCE" "$WORK/anchor" --ladder-only)
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$WORK/anchor.time" "${ARGV[@]}" >/dev/null
    end=$(date +%s.%N)
    ANCHOR_WALL=$(echo "$end - $start" | bc -l)
    ANCHOR_CPU=$(awk '{print $1 + $2}' "$WORK/anchor.time")
}

bench_service() {
    log "service: upload, complete, encoder, completed"
    local video ticket size cpu_before start end status=""
    video=$(new_video encode)
    size=$(stat -c %s "$SOURCE")
    ticket=$(api POST "/api/admin/videos/$video/media/video/uploads" \
        "{\"file_name\":\"source.mp4\",\"size\":$size,\"content_type\":\"video/mp4\"}")
    curl -fsS -o /dev/null -T "$SOURCE" "$GATEWAY$(jq -r .upload_url <<<"$ticket")"
    cpu_before=$(cpu_seconds "${PID_OF[encoder]}")
    start=$(date +%s.%N)
    api POST "/api/admin/videos/$video/media/video/uploads/$(jq -r .id <<<"$ticket")/complete" >/dev/null
    while [[ $status != completed && $status != failed ]]; do
        sleep 0.1
        status=$(api GET "/api/admin/videos/$video" | jq -r .media.video.status)
    done
    end=$(date +%s.%N)
    [[ $status == completed ]] || die "the encoder failed: $(api GET "/api/admin/videos/$video" | jq -r .media.video.error)"
    SERVICE_WALL=$(echo "$end - $start" | bc -l)
    SERVICE_CPU=$(echo "$(cpu_seconds "${PID_OF[encoder]}") - $cpu_before" | bc -l)
    RUNGS=$(api GET "/api/admin/videos/$video" | jq -c '[.media.video.current.renditions[].height]')
    local encoded
    encoded=$(grep '"msg":"encoded"' "$WORK/encoder.log" | tail -n 1)
    PHASE_ENCODE=$(jq -r .encode_seconds <<<"$encoded")
    PHASE_STORE=$(jq -r .store_seconds <<<"$encoded")
}

bench_upload() {
    local file="$WORK/upload.bin" video ticket start end peak=0 rss before after pids
    log "upload: ${UPLOAD_MB} MB through nginx"
    head -c $((UPLOAD_MB * 1024 * 1024)) /dev/urandom >"$file"
    sync
    start=$(date +%s.%N)
    cp "$file" "$WORK/copy.bin"
    sync
    end=$(date +%s.%N)
    COPY_MBPS=$(echo "$UPLOAD_MB / ($end - $start)" | bc -l)
    rm -f "$WORK/copy.bin"
    video=$(new_video upload)
    ticket=$(api POST "/api/admin/videos/$video/media/video/uploads" \
        "{\"file_name\":\"big.bin\",\"size\":$(stat -c %s "$file"),\"content_type\":\"video/mp4\"}")
    pids=("${PID_OF[catalog-admin]}" "${PID_OF[encoder]}" "${PID_OF[nginx]}")
    before=$(rss_kb "${pids[@]}")
    curl -fsS -o /dev/null -T "$file" "$GATEWAY$(jq -r .upload_url <<<"$ticket")" &
    local curl_pid=$!
    start=$(date +%s.%N)
    while kill -0 "$curl_pid" 2>/dev/null; do
        rss=$(rss_kb "${pids[@]}")
        ((rss > peak)) && peak=$rss
        sleep 0.2
    done
    wait "$curl_pid" || die "the upload failed"
    sync
    end=$(date +%s.%N)
    after=$(rss_kb "${pids[@]}")
    UPLOAD_MBPS=$(echo "$UPLOAD_MB / ($end - $start)" | bc -l)
    RSS_BEFORE=$before RSS_PEAK=$peak RSS_AFTER=$after
    rm -f "$file"
}

report() {
    printf '\n== encoder: %s s 1080p30 source, preset %s, ladder %s\n' "$SECONDS_OF_SOURCE" "$PRESET" "$RUNGS"
    printf '%-44s %10s %10s %14s\n' "" "wall (s)" "CPU (s)" "real-time x"
    printf '%-44s %10.1f %10.1f %14.2f\n' "encoder service, end to end" "$SERVICE_WALL" "$SERVICE_CPU" \
        "$(echo "$SECONDS_OF_SOURCE / $SERVICE_WALL" | bc -l)"
    printf '%-44s %10.1f %10.1f %14.2f\n' "anchor: one ffmpeg command (same ladder)" "$ANCHOR_WALL" "$ANCHOR_CPU" \
        "$(echo "$SECONDS_OF_SOURCE / $ANCHOR_WALL" | bc -l)"
    printf '%-44s %10.3f %10.3f   (target <= 1.05)\n' "ratio service / anchor" \
        "$(echo "$SERVICE_WALL / $ANCHOR_WALL" | bc -l)" "$(echo "$SERVICE_CPU / $ANCHOR_CPU" | bc -l)"
    printf '%-44s %10.1f ffmpeg (+ completeness check beside it), %.1f storing, %.1f the rest\n' \
        "service wall time, of which" "$PHASE_ENCODE" "$PHASE_STORE" \
        "$(echo "$SERVICE_WALL - $PHASE_ENCODE - $PHASE_STORE" | bc -l)"
    printf '\n== upload: %s MB\n' "$UPLOAD_MB"
    printf '%-44s %10.0f MB/s\n' "signed PUT through nginx into storage" "$UPLOAD_MBPS"
    printf '%-44s %10.0f MB/s\n' "anchor: cp of the same file (+ sync)" "$COPY_MBPS"
    printf '%-44s %7d / %d / %d KB\n' "RSS catalog-admin+encoder+nginx before/peak/after" \
        "$RSS_BEFORE" "$RSS_PEAK" "$RSS_AFTER"
}

main() {
    setup
    start_stack
    make_source
    bench_anchor
    bench_service
    bench_upload
    report
}

main
