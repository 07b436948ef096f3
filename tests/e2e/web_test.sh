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

# The title's media: a 60 s video with sound, an 8 s trailer, a banner and a thumbnail.
make_media() {
    MEDIA="$WORK/media"
    mkdir -p "$MEDIA"
    local font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
    ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=640x360:rate=10:duration=60" -f lavfi \
        -i "sine=frequency=330:duration=60" -c:v libx264 -preset ultrafast -c:a aac -shortest "$MEDIA/video.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "testsrc=size=640x360:rate=10:duration=8" -f lavfi \
        -i "sine=frequency=550:duration=8" -c:v libx264 -preset ultrafast -c:a aac -shortest "$MEDIA/trailer.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x1d3557:size=1920x640" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=120:x=80:y=(h-text_h)/2" \
        "$MEDIA/banner.jpg"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x457b9d:size=640x360" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=48:x=30:y=(h-text_h)/2" \
        "$MEDIA/thumbnail.jpg"
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
make_media
start_stack
journeys
if ((FAILED)); then
    echo "--- last lines of the services' logs"
    tail -n 8 "$WORK"/var/log/*.log 2>/dev/null || true
    echo "web e2e: FAILED"
    exit 1
fi
echo "web e2e: all checks passed (screenshots in $SHOTS)"
