#!/usr/bin/env bash
# The web apps' journeys (issue 7) over the whole stack that `./codeflix up` starts, here in a
# temporary folder (CODEFLIX_VAR) on ports of its own (CODEFLIX_PORT_OFFSET, a free gateway
# port) with the binaries of BUILD_DIR, SQLite, and a RabbitMQ vhost of the test broker. A
# title with a 60 s video, a trailer, a thumbnail and a banner is made through the admin API
# (the upload, the checks and the encoder are the real pipeline), then headless Chromium runs
# tests/e2e/browser/journeys.mjs against the built web app: register, subscribe, search with a
# typo, trailer, play, leave, continue watching, resume; a declined card; Play without a
# subscription; axe on every screen. Screenshots go to BUILD_DIR/web-screenshots.
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

WORK=""
VHOST=""
FAILED=0
declare -a UP_ENV=()

die() { e2e_die "$@"; }

cleanup() {
    if [[ ${WEB_E2E_KEEP:-} == 1 && -n $WORK ]]; then
        echo "WEB_E2E_KEEP=1: the stack stays up on $GATEWAY; stop it with: env ${UP_ENV[*]} ./codeflix down"
        return 0
    fi
    if ((${#UP_ENV[@]})); then
        env "${UP_ENV[@]}" "$ROOT/codeflix" down >/dev/null 2>&1 || true
    fi
    [[ -n $VHOST ]] && rabbit_vhost_delete "$CODEFLIX_TEST_RABBIT_API" "$VHOST"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

# An offset for every port of the stack (services 8081-8085) that leaves them all free.
port_offset() {
    local offset port busy
    for offset in 21000 22000 23000 24000 25000 26000; do
        busy=""
        for port in 8081 8082 8083 8084 8085; do
            (exec 3<>"/dev/tcp/127.0.0.1/$((port + offset))") 2>/dev/null && busy=yes
        done
        [[ -z $busy ]] && { echo "$offset"; return 0; }
    done
    die "no free range of ports for the stack"
}

setup() {
    require_cmds curl jq ffmpeg node
    [[ -d $ROOT/tests/e2e/browser/node_modules/@axe-core/playwright && -d $ROOT/web/node_modules ]] ||
        die "npm packages missing: run 'npm ci' in tests/e2e/browser and web (./codeflix test does it)"
    [[ -n ${CODEFLIX_TEST_AMQP_URL:-} && -n ${CODEFLIX_TEST_RABBIT_API:-} ]] ||
        die "CODEFLIX_TEST_AMQP_URL and CODEFLIX_TEST_RABBIT_API are required (./codeflix test sets them)"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/web-e2e.XXXXXX")
    chmod 755 "$WORK"
    VHOST="web-e2e-$$"
    rabbit_vhost "$CODEFLIX_TEST_RABBIT_API" "$VHOST" || die "cannot create the RabbitMQ vhost $VHOST"
    GATEWAY_PORT=$(free_ports 1)
    GATEWAY="http://localhost:$GATEWAY_PORT"
    UP_ENV=(CODEFLIX_VAR="$WORK/var" CODEFLIX_PORT_OFFSET="$(port_offset)" CODEFLIX_GATEWAY_PORT="$GATEWAY_PORT"
        CODEFLIX_BUILD_DIR="$BUILD" CODEFLIX_SKIP_BUILD=1 CODEFLIX_DEMO_MEDIA=0
        CODEFLIX_ADMIN_PASSWORD="$ADMIN_PASSWORD" CODEFLIX_AMQP_URL="${CODEFLIX_TEST_AMQP_URL%/}/$VHOST")
    SHOTS="$BUILD/web-screenshots"
    rm -rf "$SHOTS" && mkdir -p "$SHOTS"
}

start_stack() {
    env "${UP_ENV[@]}" "$ROOT/codeflix" up >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; die "./codeflix up failed"; }
    pass "./codeflix up started the stack with the web apps on $GATEWAY"
    local page
    page=$(curl -sS --fail "$GATEWAY/title/anything") || die "the viewer app is not served"
    grep -q '<div id="root">' <<<"$page" && pass "client-side routes load the viewer app" || fail "viewer index: $page"
    curl -sS -D - -o /dev/null "$GATEWAY/" | grep -qi '^content-security-policy: default-src' &&
        pass "the app is served with a Content-Security-Policy" || fail "no CSP on /"
}

# api METHOD PATH [JSON]: STATUS and BODY, with the admin's token.
api() {
    local reply
    reply=$(curl -sS -w '\n%{http_code}' -X "$1" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $TOKEN" ${3:+--data-binary "$3"} "$GATEWAY$2" </dev/null)
    STATUS=${reply##*$'\n'}
    BODY=${reply%$'\n'*}
}

# upload KIND FILE TYPE: a signed PUT through the gateway, then complete.
upload() {
    local size upload url
    size=$(stat -c %s "$2")
    api POST "/api/admin/videos/$VIDEO/media/$1/uploads" \
        "$(jq -nc --arg n "${2##*/}" --argjson s "$size" --arg t "$3" '{file_name:$n,size:$s,content_type:$t}')"
    [[ $STATUS == 201 ]] || die "$1 upload ticket: $STATUS $BODY"
    upload=$(jq -r .id <<<"$BODY")
    url=$(jq -r .upload_url <<<"$BODY")
    curl -sS --fail -X PUT -H "Content-Type: $3" --data-binary "@$2" "$GATEWAY$url" >/dev/null ||
        die "the signed PUT of $1 failed"
    api POST "/api/admin/videos/$VIDEO/media/$1/uploads/$upload/complete"
    [[ $STATUS == 200 ]] || die "complete $1: $STATUS $BODY"
}

make_title() {
    TOKEN=$(curl -sS --fail -X POST "$GATEWAY/realms/codeflix/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=codeflix-tools \
        --data-urlencode "username=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" |
        jq -er .access_token) || die "admin sign-in failed"
    api POST /api/admin/categories '{"name":"Séries brasileiras"}'
    [[ $STATUS == 201 ]] || die "category: $STATUS $BODY"
    local category genre
    category=$(jq -r .id <<<"$BODY")
    api POST /api/admin/genres "$(jq -nc --arg c "$category" '{name:"Fantasia",categories_id:[$c]}')"
    genre=$(jq -r .id <<<"$BODY")
    api POST /api/admin/videos "$(jq -nc --arg t "$TITLE" --arg c "$category" --arg g "$genre" '{title:$t,
        description:"Um detetive descobre criaturas do folclore escondidas na cidade.",year_launched:2021,
        rating:"16",duration:1,published:true,categories_id:[$c],genres_id:[$g]}')"
    [[ $STATUS == 201 ]] || die "video: $STATUS $BODY"
    VIDEO=$(jq -r .id <<<"$BODY")
    local font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
    ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=640x360:rate=10:duration=60" -f lavfi \
        -i "sine=frequency=330:duration=60" -c:v libx264 -preset ultrafast -c:a aac -shortest "$WORK/video.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "testsrc=size=640x360:rate=10:duration=8" -f lavfi \
        -i "sine=frequency=550:duration=8" -c:v libx264 -preset ultrafast -c:a aac -shortest "$WORK/trailer.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x1d3557:size=1920x640" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=120:x=80:y=(h-text_h)/2" \
        "$WORK/banner.jpg"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x457b9d:size=640x360" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=48:x=30:y=(h-text_h)/2" \
        "$WORK/thumbnail.jpg"
    upload video "$WORK/video.mp4" video/mp4
    upload trailer "$WORK/trailer.mp4" video/mp4
    upload banner "$WORK/banner.jpg" image/jpeg
    upload thumbnail "$WORK/thumbnail.jpg" image/jpeg
    ready() {
        local doc
        doc=$(curl -sS "$GATEWAY/api/catalog/videos/$VIDEO") || return 1
        [[ $(jq -r '.media.video.ready and .media.trailer.ready and (.media.banner != null)' <<<"$doc") == true ]]
    }
    local deadline=$((SECONDS + 240))
    until ready; do
        ((SECONDS < deadline)) || die "the title was not encoded and published in time"
        sleep 1
    done
    pass "\"$TITLE\" is encoded (video and trailer) and published"
}

journeys() {
    if (cd "$ROOT/tests/e2e/browser" && env GATEWAY_URL="$GATEWAY" TITLE="$TITLE" TYPO="$TYPO" \
        SCREENSHOT_DIR="$SHOTS" timeout 600 node journeys.mjs); then
        pass "the viewer journeys passed in Chromium"
    else
        fail "the viewer journeys"
    fi
}

setup
start_stack
make_title
journeys
if ((FAILED)); then
    echo "--- last lines of the services' logs"
    tail -n 8 "$WORK"/var/log/*.log 2>/dev/null || true
    echo "web e2e: FAILED"
    exit 1
fi
echo "web e2e: all checks passed (screenshots in $SHOTS)"
