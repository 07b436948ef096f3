#!/usr/bin/env bash
# Media pipeline end-to-end test (ARCHITECTURE §7): catalog-admin, the encoder and catalog-api on
# one database dialect, a real RabbitMQ (a vhost of its own), and the real gateway (nginx) over a
# temporary storage folder. Drives the whole path with generated clips: upload URL -> signed PUT
# through nginx -> complete -> media_uploaded -> encoder (ffmpeg) -> completed -> catalog-admin ->
# video.updated -> catalog-api. Checks the outputs with ffprobe (rungs, codecs, aligned GOPs,
# segment durations), plays HLS and DASH in headless Chromium (hls.js, dash.js), and the bad
# inputs and faults of the media issue: not a video, audio only, truncated, no audio, rotated,
# variable frame rate, 240p, 4K, oversize, tampered and expired URLs, complete before the PUT,
# the encoder killed mid-job, the broker connection cut mid-job, a replaced video (the old
# encoding and source are collected), a forged encoder event (parked, nothing published).
# Usage: media_test.sh sqlite|postgresql BUILD_DIR
# Needs CODEFLIX_TEST_AMQP_URL and CODEFLIX_TEST_RABBIT_API (./codeflix test starts a broker),
# and CODEFLIX_TEST_PG_URL for postgresql.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh" # free_ports, wait_http, stop_pids, require_cmds
readonly USAGE="usage: media_test.sh sqlite|postgresql BUILD_DIR"
readonly DIALECT="${1:?$USAGE}"
readonly BUILD="${2:?$USAGE}"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
readonly BROWSER_DIR="$ROOT/tests/e2e/browser"
readonly SECRET="media-e2e-url-secret-0123456789"

WORK=""
FAILED=0
VHOST=""
declare -a PIDS=()
declare -A PID_OF=()

# Replaces lib.sh's die (also used by wait_http): fatal failures are FAIL lines on stdout.
die() { e2e_die "$@"; }

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $VHOST ]] && rabbit_vhost_delete "$RABBIT_API" "$VHOST"
    if [[ $DIALECT == postgresql && -n ${DATABASES:-} ]]; then
        for db in $DATABASES; do psql -q "$CODEFLIX_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
    fi
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

check_prerequisites() {
    require_cmds curl jq ffmpeg ffprobe python3 openssl node
    [[ -n ${CODEFLIX_TEST_AMQP_URL:-} && -n ${CODEFLIX_TEST_RABBIT_API:-} ]] ||
        die "CODEFLIX_TEST_AMQP_URL and CODEFLIX_TEST_RABBIT_API are required (./codeflix test sets them)"
    if [[ $DIALECT == postgresql ]]; then
        [[ -n ${CODEFLIX_TEST_PG_URL:-} ]] || die "CODEFLIX_TEST_PG_URL is required for postgresql"
        require_cmds psql
    fi
    [[ -d $BROWSER_DIR/node_modules/hls.js && -d $BROWSER_DIR/node_modules/dashjs ]] ||
        die "npm packages missing: run 'npm ci' in $BROWSER_DIR (./codeflix test does it)"
    RABBIT_API=$CODEFLIX_TEST_RABBIT_API
}

setup() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/media-e2e.XXXXXX")
    chmod 755 "$WORK"
    mkdir -p "$WORK"/{storage/uploads,clips,nginx/logs,scratch}
    # nginx workers run as nobody when the master is root: they write the uploads.
    ((EUID == 0)) && chown nobody: "$WORK/storage/uploads"
    VHOST="media-e2e-$DIALECT-$$"
    rabbit_vhost "$RABBIT_API" "$VHOST" || die "cannot make the RabbitMQ vhost $VHOST at $RABBIT_API"
    local broker=${CODEFLIX_TEST_AMQP_URL%/}
    BROKER_HOSTPORT=${broker#*@}
    read -r ADMIN_PORT ENCODER_PORT API_PORT GATEWAY_PORT PROXY_PORT <<<"$(free_ports 5)"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
    # The encoder reaches the broker through a proxy the test can cut (a broker restart, as the
    # encoder sees it).
    ENCODER_AMQP="amqp://guest:guest@127.0.0.1:$PROXY_PORT/$VHOST"
    AMQP="${broker}/$VHOST"
    if [[ $DIALECT == postgresql ]]; then
        local suffix=$$ db
        DATABASES="media_admin_$suffix media_encoder_$suffix media_api_$suffix"
        for db in $DATABASES; do psql -q "$CODEFLIX_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null; done
        local base=${CODEFLIX_TEST_PG_URL%/*}
        ADMIN_DB="$base/media_admin_$suffix" ENCODER_DB="$base/media_encoder_$suffix"
        API_DB="$base/media_api_$suffix"
    else
        ADMIN_DB="sqlite:$WORK/catalog-admin.db" ENCODER_DB="sqlite:$WORK/encoder.db"
        API_DB="sqlite:$WORK/catalog-api.db"
    fi
}

start_proxy() {
    python3 - "$PROXY_PORT" "${BROKER_HOSTPORT%:*}" "${BROKER_HOSTPORT#*:}" <<'PY' >"$WORK/proxy.log" 2>&1 &
import socket, sys, threading
listen = socket.socket(); listen.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listen.bind(("127.0.0.1", int(sys.argv[1]))); listen.listen(16)
def pipe(a, b):
    try:
        while (data := a.recv(65536)):
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass
while True:
    client, _ = listen.accept()
    upstream = socket.create_connection((sys.argv[2], int(sys.argv[3])))
    threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
    threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
PY
    PID_OF[proxy]=$!
    PIDS+=($!)
}

# start NAME BINARY PORT ENV...: starts a service and waits until it is ready.
start() {
    local name=$1 binary=$2 port=$3
    env CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$port" CODEFLIX_HTTP_WORKERS=2 \
        CODEFLIX_LOG_LEVEL=info CODEFLIX_STORAGE_ROOT="$WORK/storage" \
        CODEFLIX_STORAGE_URL_SECRET="$SECRET" "${@:4}" "$binary" >>"$WORK/$name.log" 2>&1 &
    PID_OF[$name]=$!
    PIDS+=($!)
    wait_http "http://127.0.0.1:$port/readyz" "$WORK/$name.log" 30
}

start_encoder() {
    start encoder "$BUILD/services/encoder/codeflix-encoder" "$ENCODER_PORT" \
        CODEFLIX_ENCODER_DB_URL="$ENCODER_DB" CODEFLIX_AMQP_URL="$ENCODER_AMQP" \
        CODEFLIX_ENCODER_SCRATCH="$WORK/scratch" CODEFLIX_ENCODER_PRESET=superfast \
        CODEFLIX_ENCODER_JOBS=1 CODEFLIX_ENCODER_LEASE_SECONDS=8 CODEFLIX_ENCODER_JOB_RETRY_DELAY_MS=200
}

start_all() {
    start_proxy
    start catalog-admin "$BUILD/services/catalog-admin/codeflix-catalog-admin" "$ADMIN_PORT" \
        CODEFLIX_CATALOG_ADMIN_DB_URL="$ADMIN_DB" CODEFLIX_AMQP_URL="$AMQP" CODEFLIX_OUTBOX_POLL_MS=100 \
        CODEFLIX_CATALOG_ADMIN_MEDIA_GRACE_SECONDS=0 CODEFLIX_CATALOG_ADMIN_MEDIA_SWEEP_SECONDS=1
    start catalog-api "$BUILD/services/catalog-api/codeflix-catalog-api" "$API_PORT" \
        CODEFLIX_CATALOG_API_DB_URL="$API_DB" CODEFLIX_AMQP_URL="$AMQP" CODEFLIX_CATALOG_API_CACHE_MS=0
    start_encoder
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET="$SECRET" \
        CATALOG_ADMIN_ADDRS="127.0.0.1:$ADMIN_PORT" CATALOG_API_ADDRS="127.0.0.1:$API_PORT" \
        "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the rendered gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
    PIDS+=($!)
    wait_http "$GATEWAY/api/admin/openapi.yaml" "$WORK/nginx/logs/error.log"
}

# ------------------------------------------------------------------------------------- helpers

# api METHOD PATH [JSON]: sets STATUS and BODY (through the gateway).
api() {
    local reply
    reply=$(curl -sS -w '\n%{http_code}' -X "$1" -H 'Content-Type: application/json' \
        ${3:+--data-binary "$3"} "$GATEWAY$2" </dev/null)
    STATUS=${reply##*$'\n'}
    BODY=${reply%$'\n'*}
}

expect_status() {
    [[ $STATUS == "$1" ]] || die "$2: expected $1, got $STATUS: $BODY"
}

b64url_md5() { printf '%s' "$1" | openssl md5 -binary | openssl base64 | tr '+/' '-_' | tr -d '='; }

create_catalog() {
    api POST /api/admin/categories '{"name":"Testes","is_active":true}'
    expect_status 201 "create category"
    local category
    category=$(jq -r .id <<<"$BODY")
    api POST /api/admin/genres "$(jq -nc --arg c "$category" '{name:"Mídia",is_active:true,categories_id:[$c]}')"
    expect_status 201 "create genre"
    GENRE=$(jq -r .id <<<"$BODY") CATEGORY=$category
}

# new_video TITLE: a published video; prints its id.
new_video() {
    api POST /api/admin/videos "$(jq -nc --arg t "$1" --arg c "$CATEGORY" --arg g "$GENRE" \
        '{title:$t,description:"Clip de teste",year_launched:2024,rating:"L",duration:1,
          published:true,categories_id:[$c],genres_id:[$g]}')"
    expect_status 201 "create video $1"
    jq -r .id <<<"$BODY"
}

# ticket VIDEO KIND FILE TYPE [SIZE]: asks for an upload URL; sets STATUS, BODY, UPLOAD, URL.
ticket() {
    local size=${5:-$(stat -c %s "$3")}
    api POST "/api/admin/videos/$1/media/$2/uploads" \
        "$(jq -nc --arg f "${3##*/}" --argjson s "$size" --arg t "$4" '{file_name:$f,size:$s,content_type:$t}')"
    UPLOAD=$(jq -r '.id // empty' <<<"$BODY")
    URL=$(jq -r '.upload_url // empty' <<<"$BODY")
}

put_file() { curl -sS -o "$WORK/put.out" -w '%{http_code}' -T "$2" -H "Content-Type: $3" "$GATEWAY$1"; }

complete() { api POST "/api/admin/videos/$1/media/$2/uploads/$3/complete"; }

# upload VIDEO KIND FILE TYPE: URL, PUT and complete; STATUS/BODY are complete's answer.
upload() {
    ticket "$@"
    expect_status 201 "upload URL for $3"
    local put
    put=$(put_file "$URL" "$3" "$4")
    [[ $put == 201 || $put == 204 ]] || die "PUT of $3 through the gateway returned $put"
    complete "$1" "$2" "$UPLOAD"
}

# slot VIDEO KIND: the media slot's JSON from catalog-admin.
slot() { curl -fsS "$GATEWAY/api/admin/videos/$1" | jq -c --arg k "$2" '.media[$k]'; }

# wait_slot VIDEO KIND STATUS [TIMEOUT]: waits for the slot to reach STATUS; prints the slot.
wait_slot() {
    local deadline=$((SECONDS + ${4:-120})) json=""
    while ((SECONDS < deadline)); do
        json=$(slot "$1" "$2")
        [[ $(jq -r .status <<<"$json") == "$3" ]] && { echo "$json"; return 0; }
        [[ $(jq -r .status <<<"$json") == failed && $3 != failed ]] && break
        sleep 0.3
    done
    echo "$json"
    return 1
}

# clip NAME FFMPEG-ARGS...: generates $WORK/clips/NAME (small, fast).
clip() {
    nice -n 5 ffmpeg -v error -nostdin -y "${@:2}" "$WORK/clips/$1" || die "ffmpeg could not make $1"
}

make_clips() {
    local src="testsrc2=s=640x360:r=30:d=6" tone="sine=f=440:d=6:sample_rate=48000"
    clip good.mp4 -f lavfi -i "$src" -f lavfi -i "$tone" -c:v libx264 -preset ultrafast \
        -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart
    clip long.mp4 -f lavfi -i "testsrc2=s=640x360:r=30:d=40" -f lavfi -i "sine=d=40" \
        -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart
    clip silent.mp4 -f lavfi -i "$src" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -an
    clip tone.m4a -f lavfi -i "$tone" -c:a aac
    clip small.mp4 -f lavfi -i "testsrc2=s=320x240:r=25:d=4" -f lavfi -i "sine=d=4" \
        -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest
    clip uhd.mp4 -f lavfi -i "testsrc2=s=3840x2160:r=24:d=2" -c:v libx264 -preset ultrafast \
        -pix_fmt yuv420p
    # Frames kept at irregular intervals: a variable frame rate.
    clip vfr.mkv -f lavfi -i "testsrc2=s=640x360:r=30:d=6" \
        -vf "select='lt(mod(n\,10)\,4)+gt(n\,120)'" -fps_mode vfr -c:v libx264 -preset ultrafast
    # A phone video: stored landscape, shown portrait (display matrix, rotation 90).
    clip landscape.mp4 -f lavfi -i "testsrc2=s=640x360:r=30:d=4" -f lavfi -i "sine=d=4" \
        -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest
    nice ffmpeg -v error -nostdin -y -i "$WORK/clips/landscape.mp4" -c copy -metadata:s:v rotate=90 \
        "$WORK/clips/rotated.mp4"
    cp "$WORK/clips/good.mp4" "$WORK/clips/truncated.mp4"
    truncate -s $(($(stat -c %s "$WORK/clips/good.mp4") / 2)) "$WORK/clips/truncated.mp4"
    head -c 300000 /dev/urandom >"$WORK/clips/noise.mp4"
    clip poster.jpg -f lavfi -i "testsrc2=s=640x360" -frames:v 1
    clip huge.png -f lavfi -i "color=c=blue:s=5000x100" -frames:v 1
}

. "$ROOT/tests/e2e/media_checks.sh"

main() {
    check_prerequisites
    setup
    start_all
    create_catalog
    make_clips
    check_upload_guards
    check_images
    check_refused_sources
    check_full_path
    check_replacement
    check_forged_encoder_event
    check_sources_that_encode
    check_truncated
    check_encoder_killed
    check_broker_cut
    if ((FAILED)); then
        echo "media e2e ($DIALECT): FAILED"
        exit 1
    fi
    echo "media e2e ($DIALECT): all checks passed"
}

main
