#!/usr/bin/env bash
# Subscription and playback end to end (issue 6): identity, subscription, catalog-admin, the
# encoder and catalog-api on one database dialect, a RabbitMQ vhost of their own and the real
# gateway (nginx). The chain: a viewer registers -> cannot play (403, not subscribed) ->
# tokenises a test card -> subscribes (a double click charges once) -> the entitlement reaches
# catalog-api over RabbitMQ -> a playback session with a 720p-capped manifest -> the stream
# limit (409) and a freed stream -> heartbeats feed continue-watching and the resume position ->
# the session's segments fetched through nginx with the token (403 tampered, 403 another title,
# 410 expired) and its HLS and DASH played in headless Chromium -> cancel -> the period ends
# (subscription's sandbox test clock) -> playback refused. No step depends on how long another
# takes: sessions expire only after 60 s without a heartbeat.
# Also a declined card (402, no subscription).
# Usage: playback_test.sh sqlite|postgresql BUILD_DIR
# "COND && pass ... || fail ..." is safe here: pass only prints.
# shellcheck disable=SC2015
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh"
readonly USAGE="usage: playback_test.sh sqlite|postgresql BUILD_DIR"
readonly DIALECT="${1:?$USAGE}"
readonly BUILD="${2:?$USAGE}"
readonly NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
readonly SECRET="playback-e2e-url-secret-0123456789"
readonly ADMIN_EMAIL=admin@codeflix.local
readonly ADMIN_PASSWORD="e2e-Admin-Pass-7731"

WORK=""
FAILED=0
VHOST=""
DATABASES=""
declare -a PIDS=()
declare -A DB=()

die() { e2e_die "$@"; }

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $VHOST ]] && rabbit_vhost_delete "$CODEFLIX_TEST_RABBIT_API" "$VHOST"
    for db in $DATABASES; do
        psql -q "$CODEFLIX_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    done
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

setup() {
    require_cmds curl jq ffmpeg openssl node
    [[ -d $ROOT/tests/e2e/browser/node_modules/hls.js ]] ||
        die "npm packages missing: run 'npm ci' in tests/e2e/browser (./codeflix test does it)"
    [[ -n ${CODEFLIX_TEST_AMQP_URL:-} && -n ${CODEFLIX_TEST_RABBIT_API:-} ]] ||
        die "CODEFLIX_TEST_AMQP_URL and CODEFLIX_TEST_RABBIT_API are required (./codeflix test sets them)"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/playback-e2e.XXXXXX")
    chmod 755 "$WORK"
    mkdir -p "$WORK"/{storage/uploads,nginx/logs,scratch}
    ((EUID == 0)) && chown nobody: "$WORK/storage/uploads"
    VHOST="playback-e2e-$DIALECT-$$"
    rabbit_vhost "$CODEFLIX_TEST_RABBIT_API" "$VHOST" || die "cannot make the RabbitMQ vhost $VHOST"
    AMQP="${CODEFLIX_TEST_AMQP_URL%/}/$VHOST"
    read -r IDENTITY_PORT ADMIN_PORT API_PORT SUBSCRIPTION_PORT ENCODER_PORT GATEWAY_PORT <<<"$(free_ports 6)"
    GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
    ISSUER="$GATEWAY/realms/codeflix"
    local name
    for name in identity catalog-admin catalog-api subscription encoder; do
        if [[ $DIALECT == postgresql ]]; then
            [[ -n ${CODEFLIX_TEST_PG_URL:-} ]] || die "CODEFLIX_TEST_PG_URL is required for postgresql"
            local db="playback_${name//-/_}_$$"
            psql -q "$CODEFLIX_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
            DATABASES+=" $db"
            DB[$name]="${CODEFLIX_TEST_PG_URL%/*}/$db"
        else
            DB[$name]="sqlite:$WORK/$name.db"
        fi
    done
}

# start NAME PORT ENV...: starts a service in the background (readiness is awaited later: the
# services fetch identity's keys through the gateway, which starts last).
start() {
    local name=$1 port=$2
    env CODEFLIX_HTTP_HOST=127.0.0.1 CODEFLIX_HTTP_PORT="$port" CODEFLIX_HTTP_WORKERS=2 \
        CODEFLIX_LOG_LEVEL=info CODEFLIX_AMQP_URL="$AMQP" CODEFLIX_OIDC_ISSUER="$ISSUER" \
        CODEFLIX_STORAGE_ROOT="$WORK/storage" CODEFLIX_STORAGE_URL_SECRET="$SECRET" \
        CODEFLIX_OUTBOX_POLL_MS=100 "${@:3}" "$BUILD/services/$name/codeflix-$name" \
        >>"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
}

start_all() {
    CODEFLIX_ADMIN_PASSWORD="$ADMIN_PASSWORD" CODEFLIX_LOG_LEVEL=warn CODEFLIX_IDENTITY_DB_URL="${DB[identity]}" \
        CODEFLIX_OIDC_ISSUER="$ISSUER" "$BUILD/services/identity/codeflix-identity" ensure-admin "$ADMIN_EMAIL" \
        >"$WORK/ensure-admin.log" 2>&1 || die "ensure-admin failed"
    start identity "$IDENTITY_PORT" CODEFLIX_IDENTITY_DB_URL="${DB[identity]}"
    start catalog-admin "$ADMIN_PORT" CODEFLIX_CATALOG_ADMIN_DB_URL="${DB[catalog-admin]}"
    start catalog-api "$API_PORT" CODEFLIX_CATALOG_API_DB_URL="${DB[catalog-api]}" CODEFLIX_CATALOG_API_CACHE_MS=0 \
        CODEFLIX_CATALOG_API_PLAYBACK_HEARTBEAT_SECONDS=20 CODEFLIX_CATALOG_API_PLAYBACK_SESSION_TIMEOUT_SECONDS=60
    start subscription "$SUBSCRIPTION_PORT" CODEFLIX_SUBSCRIPTION_DB_URL="${DB[subscription]}" \
        CODEFLIX_SUBSCRIPTION_TEST_CLOCK=true
    start encoder "$ENCODER_PORT" CODEFLIX_ENCODER_DB_URL="${DB[encoder]}" CODEFLIX_ENCODER_SCRATCH="$WORK/scratch" \
        CODEFLIX_ENCODER_PRESET=superfast CODEFLIX_ENCODER_JOBS=1
    GATEWAY_PREFIX="$WORK/nginx" GATEWAY_LOG_DIR="$WORK/nginx/logs" GATEWAY_PORT="$GATEWAY_PORT" \
        STORAGE_ROOT="$WORK/storage" STORAGE_URL_SECRET="$SECRET" \
        IDENTITY_ADDRS="127.0.0.1:$IDENTITY_PORT" CATALOG_ADMIN_ADDRS="127.0.0.1:$ADMIN_PORT" \
        CATALOG_API_ADDRS="127.0.0.1:$API_PORT" SUBSCRIPTION_ADDRS="127.0.0.1:$SUBSCRIPTION_PORT" \
        "$ROOT/gateway/render.sh" >"$WORK/nginx/nginx.conf"
    local -a args=(-p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log")
    "$NGINX" -q -t "${args[@]}" || die "nginx rejected the rendered gateway configuration"
    "$NGINX" "${args[@]}" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
    PIDS+=($!)
    local port
    for port in "$IDENTITY_PORT" "$ADMIN_PORT" "$API_PORT" "$SUBSCRIPTION_PORT" "$ENCODER_PORT"; do
        wait_http "http://127.0.0.1:$port/readyz" "$WORK/nginx/logs/error.log" 60
    done
    pass "identity, catalog-admin, catalog-api, subscription, the encoder and the gateway are ready"
}

# ------------------------------------------------------------------------------------- helpers

# api METHOD PATH [JSON] [HEADER...]: through the gateway with $TOKEN; sets STATUS and BODY.
api() {
    local -a headers=(-H 'Content-Type: application/json')
    [[ -n ${TOKEN:-} ]] && headers+=(-H "Authorization: Bearer $TOKEN")
    local extra
    for extra in "${@:4}"; do headers+=(-H "$extra"); done
    local reply
    reply=$(curl -sS -w '\n%{http_code}' -X "$1" "${headers[@]}" ${3:+--data-binary "$3"} "$GATEWAY$2" </dev/null)
    STATUS=${reply##*$'\n'}
    BODY=${reply%$'\n'*}
}

expect() {
    if [[ $STATUS == "$1" ]]; then pass "$2"; else fail "$2: expected $1, got $STATUS: $BODY"; fi
}

# token EMAIL PASSWORD: an access token by the password grant (codeflix-tools).
token() {
    curl -sS --fail-with-body -X POST "$ISSUER/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=codeflix-tools \
        --data-urlencode "username=$1" --data-urlencode "password=$2" | jq -er .access_token
}

# until_true SECONDS COMMAND...: retries COMMAND every 0.3 s.
until_true() {
    local deadline=$((SECONDS + $1))
    while ((SECONDS < deadline)); do
        "${@:2}" && return 0
        sleep 0.3
    done
    return 1
}

status_is() {
    api "$1" "$2" "${3:-}"
    [[ $STATUS == "$4" ]]
}

b64url_md5() { printf '%s' "$1" | openssl md5 -binary | openssl base64 | tr '+/' '-_' | tr -d '='; }

# ------------------------------------------------------------------------------------- the chain

prepare_catalog() {
    ADMIN_TOKEN=$(token "$ADMIN_EMAIL" "$ADMIN_PASSWORD") || die "admin sign-in failed"
    TOKEN=$ADMIN_TOKEN
    api POST /api/subscription/admin/plans \
        '{"name":"Basic","description":"One stream, HD","price":1990,"currency":"BRL","interval":"month","max_streams":1,"max_quality":"720p"}'
    expect 201 "the admin creates a plan (1 stream, 720p)"
    PLAN=$(jq -r .id <<<"$BODY")
    api POST /api/admin/categories '{"name":"Filmes"}'
    local category genre
    category=$(jq -r .id <<<"$BODY")
    api POST /api/admin/genres "$(jq -nc --arg c "$category" '{name:"Drama",categories_id:[$c]}')"
    genre=$(jq -r .id <<<"$BODY")
    api POST /api/admin/videos "$(jq -nc --arg c "$category" --arg g "$genre" '{title:"Sessão de Teste",
        description:"Um clipe",year_launched:2025,rating:"L",duration:1,published:true,categories_id:[$c],
        genres_id:[$g]}')"
    [[ $STATUS == 201 ]] || die "create video: $STATUS $BODY"
    VIDEO=$(jq -r .id <<<"$BODY")
    api POST /api/admin/videos "$(jq -nc --arg c "$category" --arg g "$genre" '{title:"Outro",description:"x",
        year_launched:2025,rating:"L",duration:1,published:true,categories_id:[$c],genres_id:[$g]}')"
    [[ $STATUS == 201 ]] || die "create the second video: $STATUS $BODY"
    OTHER_VIDEO=$(jq -r .id <<<"$BODY")
    # 36 s of 1080p at 10 frames/s: five rungs, quick to encode.
    ffmpeg -v error -f lavfi -i "testsrc2=size=1920x1080:rate=10:duration=36" -f lavfi \
        -i "sine=frequency=440:duration=36" -c:v libx264 -preset ultrafast -c:a aac -shortest \
        "$WORK/clip.mp4"
    local size
    size=$(stat -c %s "$WORK/clip.mp4")
    api POST "/api/admin/videos/$VIDEO/media/video/uploads" \
        "$(jq -nc --argjson s "$size" '{file_name:"clip.mp4",size:$s,content_type:"video/mp4"}')"
    [[ $STATUS == 201 ]] || die "upload ticket: $STATUS $BODY"
    local upload url
    upload=$(jq -r .id <<<"$BODY")
    url=$(jq -r .upload_url <<<"$BODY")
    curl -sS --fail -X PUT -H 'Content-Type: video/mp4' --data-binary "@$WORK/clip.mp4" "$GATEWAY$url" \
        >/dev/null || die "the signed PUT failed"
    api POST "/api/admin/videos/$VIDEO/media/video/uploads/$upload/complete"
    [[ $STATUS == 200 ]] || die "complete: $STATUS $BODY"
    TOKEN=""
    ready() {
        api GET "/api/catalog/videos/$VIDEO"
        [[ $STATUS == 200 && $(jq -r .media.video.ready <<<"$BODY") == true ]]
    }
    until_true 180 ready || die "the video was not encoded and published in time"
    pass "the title is encoded and published in catalog-api"
}

register_viewer() {
    VIEWER_EMAIL="viewer-$$@example.com"
    VIEWER_PASSWORD="Viewer-Pass-2026-$$"
    TOKEN=""
    api POST /api/identity/users "$(jq -nc --arg e "$VIEWER_EMAIL" --arg p "$VIEWER_PASSWORD" \
        '{email:$e,password:$p,display_name:"Viewer"}')"
    expect 201 "a viewer registers"
    VIEWER_TOKEN=$(token "$VIEWER_EMAIL" "$VIEWER_PASSWORD") || die "viewer sign-in failed"
    TOKEN=$VIEWER_TOKEN
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 403 "playback without a subscription is refused"
    [[ $(jq -r .reason <<<"$BODY") == not_subscribed ]] && pass "... with reason not_subscribed" ||
        fail "reason: $BODY"
    TOKEN=""
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 401 "playback without a token is 401"
    TOKEN=$VIEWER_TOKEN
}

card() {
    api POST /api/subscription/sandbox/payment-methods \
        "$(jq -nc --arg n "$1" '{card_number:$n,exp_month:12,exp_year:2031,cvc:"123"}')"
    [[ $STATUS == 201 ]] || die "tokenise $1: $STATUS $BODY"
    jq -r .token <<<"$BODY"
}

subscribe() {
    local declined good body
    declined=$(card 4000000000000002)
    api POST /api/subscription/subscriptions "$(jq -nc --arg p "$PLAN" --arg m "$declined" '{plan_id:$p,payment_method:$m}')"
    expect 402 "a declined card is refused"
    api GET /api/subscription/me
    [[ $(jq -r .subscription <<<"$BODY") == null ]] && pass "... and leaves no subscription" || fail "subscription: $BODY"
    good=$(card 4242424242424242)
    body=$(jq -nc --arg p "$PLAN" --arg m "$good" '{plan_id:$p,payment_method:$m}')
    api POST /api/subscription/subscriptions "$body" "Idempotency-Key: e2e-subscribe-1"
    expect 201 "the viewer subscribes with the test card"
    SUBSCRIPTION=$(jq -r .id <<<"$BODY")
    api POST /api/subscription/subscriptions "$body" "Idempotency-Key: e2e-subscribe-1"
    [[ $STATUS == 201 && $(jq -r .id <<<"$BODY") == "$SUBSCRIPTION" ]] &&
        pass "a double-clicked subscribe answers the same subscription" || fail "double click: $STATUS $BODY"
    api GET /api/subscription/invoices
    [[ $(jq -r .meta.total <<<"$BODY") == 1 ]] && pass "... and charged once" || fail "invoices: $BODY"
    entitled() {
        api GET /api/catalog/me/entitlement
        [[ $(jq -r .entitled <<<"$BODY") == true ]]
    }
    until_true 20 entitled && pass "the entitlement reached catalog-api over RabbitMQ" ||
        die "catalog-api never saw the subscription: $BODY"
}

open_session() {
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 201 "an entitled viewer opens a playback session"
    SESSION=$(jq -r .session_id <<<"$BODY")
    SESSION_BODY=$BODY
    local hls max
    hls=$(jq -r .hls_url <<<"$BODY")
    max=$(jq '[.renditions[].height] | max' <<<"$BODY")
    [[ $hls == */master_720p.m3u8 && $max == 720 ]] && pass "the session offers rungs up to 720p ($hls)" ||
        fail "capped manifest: $BODY"
}

# The media of the first session (its URLs stay valid until their token expires, whatever
# happens to the session).
play() {
    local hls
    hls=$(jq -r .hls_url <<<"$SESSION_BODY")
    local master
    master=$(curl -sS --fail "$GATEWAY$hls") || { fail "the master playlist through nginx"; return; }
    grep -q 'RESOLUTION=1920x1080' <<<"$master" && fail "the capped master lists 1080p" ||
        pass "the capped master playlist leaves 1080p out"
    local variant base playlist init segment
    variant=$(grep -v '^#' <<<"$master" | grep -m1 .)
    base=${hls%/*}
    playlist=$(curl -sS --fail "$GATEWAY$base/$variant") || { fail "variant playlist"; return; }
    init=$(grep -o 'URI="[^"]*"' <<<"$playlist" | head -n1 | cut -d'"' -f2)
    segment=$(grep -v '^#' <<<"$playlist" | grep -m1 .)
    local code
    code=$(curl -sS -o "$WORK/segment.m4s" -w '%{http_code}' "$GATEWAY$base/$segment")
    [[ $code == 200 && -s $WORK/segment.m4s ]] && pass "a segment is fetched through nginx with the token" ||
        fail "segment $base/$segment: $code"
    [[ -z $init ]] || curl -sS --fail -o /dev/null "$GATEWAY$base/$init" || fail "init segment"
    # The session's manifests play in Chromium, offering no rung above the plan's 720p.
    local mode url out
    for mode in hls dash; do
        url=$(jq -r ".${mode}_url" <<<"$SESSION_BODY")
        if out=$(cd "$ROOT/tests/e2e/browser" && timeout 120 node play.mjs "$mode" "$GATEWAY$url" --seconds 3 2>&1) &&
            [[ $(jq -r '.levels | max' <<<"$out") == 720 ]]; then
            pass "$mode plays the session in Chromium with rungs up to 720p ($(jq -c .levels <<<"$out"))"
        else
            fail "$mode playback in Chromium: $out"
        fi
    done
    # /media/<token>/<expires>/<video>/...
    local tok exp rest
    IFS=/ read -r _ _ tok exp _ rest <<<"$hls"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/${tok:0:10}xxxx${tok:14}/$exp/$VIDEO/$rest")
    [[ $code == 403 ]] && pass "a tampered token is 403" || fail "tampered token: $code"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/$tok/$exp/$OTHER_VIDEO/$rest")
    [[ $code == 403 ]] && pass "the token of one title does not open another" || fail "other title: $code"
    local past=$(($(date +%s) - 60))
    code=$(curl -sS -o /dev/null -w '%{http_code}' \
        "$GATEWAY/media/$(b64url_md5 "$past/$VIDEO $SECRET")/$past/$VIDEO/$rest")
    [[ $code == 410 ]] && pass "an expired token is 410" || fail "expired token: $code"
}

# A trailer token (anyone may get one: GET /api/catalog/videos/{id}/trailer) opens the trailer
# folder and nothing else of the title. The title's encoding is copied into its trailer folder so
# nginx has a trailer to serve.
trailer_tokens() {
    local viewer=$TOKEN
    TOKEN=""
    api GET "/api/catalog/videos/$VIDEO/trailer"
    expect 409 "a title without a trailer answers 409 to anyone"
    TOKEN=$viewer
    local hls rest encoding exp tok code
    hls=$(jq -r .hls_url <<<"$SESSION_BODY")
    IFS=/ read -r _ _ _ _ _ rest <<<"$hls" # video/<encoding>/master_720p.m3u8
    encoding=$(cut -d/ -f2 <<<"$rest")
    mkdir -p "$WORK/storage/media/$VIDEO/trailer"
    cp -R "$WORK/storage/media/$VIDEO/video/$encoding" "$WORK/storage/media/$VIDEO/trailer/"
    exp=$(($(date +%s) + 600))
    tok=$(b64url_md5 "$exp/$VIDEO/trailer $SECRET")
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/trailers/$tok/$exp/$VIDEO/trailer/$encoding/master.m3u8")
    [[ $code == 200 ]] && pass "a trailer token opens the trailer folder" || fail "trailer with its token: $code"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/trailers/$tok/$exp/$VIDEO/$rest")
    [[ $code == 403 ]] && pass "... but not the title's video through /trailers/" || fail "video via /trailers/: $code"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/$tok/$exp/$VIDEO/$rest")
    [[ $code == 403 ]] && pass "... nor through /media/" || fail "video with a trailer token via /media/: $code"
    code=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/trailers/$tok/$exp/$OTHER_VIDEO/trailer/$encoding/master.m3u8")
    [[ $code == 403 ]] && pass "... nor another title's trailer" || fail "another title's trailer: $code"
}

stream_limit_and_progress() {
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 409 "a second stream on a one-stream plan is refused"
    [[ $(jq -r .reason <<<"$BODY") == stream_limit && $(jq -r .max_streams <<<"$BODY") == 1 ]] &&
        pass "... naming the limit" || fail "stream limit body: $BODY"
    api PUT "/api/catalog/videos/$VIDEO/playback/$SESSION" '{"position_seconds":"x"}'
    expect 400 "a malformed heartbeat is 400"
    api PUT "/api/catalog/videos/$VIDEO/playback/$SESSION" '{"position_seconds":31.5,"state":"playing"}'
    expect 200 "a heartbeat records the position"
    api GET /api/catalog/me/continue-watching
    [[ $(jq -r '.data[0].video.id' <<<"$BODY") == "$VIDEO" ]] && pass "the title is under continue watching" ||
        fail "continue watching: $BODY"
    api DELETE "/api/catalog/videos/$VIDEO/playback/$SESSION"
    expect 204 "stopping frees the stream"
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 201 "a new session starts once the stream is free"
    local resume
    resume=$(jq -r .resume_position_seconds <<<"$BODY")
    [[ ${resume%.*} == 31 ]] && pass "it resumes at the saved position ($resume s)" || fail "resume: $BODY"
    SESSION=$(jq -r .session_id <<<"$BODY")
    api DELETE "/api/catalog/videos/$VIDEO/playback/$SESSION"
}

cancel_and_end() {
    api POST "/api/subscription/subscriptions/$SUBSCRIPTION/cancel"
    expect 200 "the viewer cancels at the period's end"
    api POST "/api/subscription/subscriptions/$SUBSCRIPTION/cancel"
    expect 409 "canceling twice is a conflict"
    api POST "/api/catalog/videos/$VIDEO/playback" '{}'
    expect 201 "a canceled subscription still plays until the period ends"
    SESSION=$(jq -r .session_id <<<"$BODY")
    api DELETE "/api/catalog/videos/$VIDEO/playback/$SESSION"
    TOKEN=$ADMIN_TOKEN
    api POST /api/subscription/admin/test-clock/advance '{"seconds":2764800}'
    expect 200 "the subscription's test clock moves past the period end"
    api POST /api/subscription/admin/billing/run
    [[ $(jq -r .canceled <<<"$BODY") == 1 ]] && pass "the billing run ends the subscription" || fail "billing: $BODY"
    TOKEN=$VIEWER_TOKEN
    ended() { status_is POST "/api/catalog/videos/$VIDEO/playback" '{}' 403; }
    until_true 20 ended && pass "after the period end playback is refused" || fail "still playing: $STATUS $BODY"
    [[ $(jq -r .reason <<<"$BODY") == subscription_ended ]] && pass "... with reason subscription_ended" ||
        fail "reason: $BODY"
}

setup
start_all
prepare_catalog
register_viewer
subscribe
open_session
stream_limit_and_progress
play
trailer_tokens
cancel_and_end
if ((FAILED)); then
    echo "playback e2e ($DIALECT): FAILED"
    exit 1
fi
echo "playback e2e ($DIALECT): all checks passed"
