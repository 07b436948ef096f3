#!/usr/bin/env bash
# bench/web: the web apps' budgets (issue 7), each figure next to its budget and an anchor
# measured in the same run.
#   1. JavaScript and CSS every visitor loads (the entry script, its modulepreloads and styles
#      of dist/index.html), gzip -9, for the viewer and the admin app, next to the budget
#      (viewer ≤ 200 KB) and to the chunks loaded on demand (the player's hls.js and dash.js).
#   2. Lighthouse (npm lighthouse, Chromium, its default mobile profile with simulated
#      throttling): performance and accessibility of the viewer's home and title pages (budgets
#      ≥ 90 and ≥ 95) next to identity's sign-in page (server-rendered HTML, no script) on the
#      same gateway.
#   3. Play to first frame: from pressing Play on the title page to the first presented frame
#      (requestVideoFrameCallback), median and spread of RUNS, next to the same stream (session
#      POST, then hls.js) in a bare page with only hls.js, same browser, same run.
# 2 and 3 run against a stack of ./codeflix up in a temporary folder (tools/stack.sh) with a
# vhost of its own on the broker of ./codeflix up.
# Usage: bench/web/web.sh [BUILD_DIR]   (./codeflix bench runs it)
#   BENCH_RUNS (10), BENCH_AMQP_URL (amqp://guest:guest@127.0.0.1:5672/),
#   BENCH_RABBIT_API (http://127.0.0.1:15672/api)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../../tools/lib.sh
source "$ROOT/tools/lib.sh"
# shellcheck source=SCRIPTDIR/../../tools/stack.sh
source "$ROOT/tools/stack.sh"
readonly DIE_PREFIX="bench: "
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
readonly BUILD
readonly HERE="$ROOT/bench/web"
readonly RUNS="${BENCH_RUNS:-10}"
readonly ADMIN_PASSWORD="bench-web-Admin-Pass-5521"
readonly BUDGET_KB=200

trap stack_down EXIT

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
gz() { gzip -9 -c "$1" | wc -c; }

# The files dist/index.html loads at once: its module script, modulepreloads and stylesheets.
initial_files() {
    grep -oE '(src|href)="[^"]+\.(js|css)"' "$1/index.html" | sed -E 's/^(src|href)="//; s/"$//' |
        sed -E 's#^/admin/##; s#^/##'
}

bundle_sizes() {
    local app=$1 dist="$ROOT/web/$1/dist" file js=0 css=0 size
    while read -r file; do
        size=$(gz "$dist/$file")
        if [[ $file == *.js ]]; then js=$((js + size)); else css=$((css + size)); fi
    done < <(initial_files "$dist")
    printf '%-8s initial JavaScript %7s KB gz   CSS %5s KB gz' "$app" "$(kb "$js")" "$(kb "$css")"
    if [[ $app == viewer ]]; then
        printf '   budget %s KB: %s' "$BUDGET_KB" "$( ((js <= BUDGET_KB * 1024)) && echo met || echo MISSED)"
    fi
    echo
    for file in "$dist"/assets/{hls,dash}*.js; do
        [[ -e $file ]] && printf '         on demand: %-28s %7s KB gz\n' "${file##*/}" "$(kb "$(gz "$file")")"
    done
    return 0
}

# lighthouse_scores URL: "performance accessibility" (0-100).
lighthouse_scores() {
    local out="$STACK_WORK/lighthouse.json"
    (cd "$HERE" && CHROME_PATH=/usr/bin/chromium npx --no-install lighthouse "$1" --quiet \
        --only-categories=performance,accessibility --output=json --output-path="$out" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu") >/dev/null 2>"$STACK_WORK/lighthouse.err" ||
        { tail -n 5 "$STACK_WORK/lighthouse.err" >&2; die "lighthouse failed on $1"; }
    jq -r '[.categories.performance.score, .categories.accessibility.score] | map(. * 100 | round) | join(" ")' "$out"
}

stats() { # JSON array -> "median min max"
    jq -r 'sort as $s | ($s | length) as $n | [($s[($n - 1) / 2 | floor] + $s[$n / 2 | floor]) / 2, $s[0], $s[-1]] | map(round) | join(" ")' <<<"$1"
}

require_cmds node npm jq curl ffmpeg gzip
[[ -d $ROOT/web/node_modules && -d $HERE/node_modules/lighthouse ]] ||
    die "npm packages missing: run 'npm ci' in web and bench/web (./codeflix bench does it)"

amqp="${BENCH_AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/}"
stack_new bench-web "$BUILD" "$ADMIN_PASSWORD" "$amqp" "${BENCH_RABBIT_API:-http://127.0.0.1:15672/api}"
log "starting a stack on $GATEWAY (./codeflix up builds the web apps)"
stack_up
echo "== 1. what a visitor's browser loads first (gzip -9)"
bundle_sizes viewer
bundle_sizes admin
make_title_media "$STACK_WORK/media"
log "a published title and a subscribed viewer, then play to first frame"
measured=$(cd "$HERE" && env GATEWAY_URL="$GATEWAY" ADMIN_EMAIL=admin@codeflix.local ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    VIDEO_FILE="$STACK_WORK/media/video.mp4" HLS_JS="$ROOT/web/node_modules/hls.js/dist/hls.min.js" RUNS="$RUNS" \
    node measure.mjs)
video=$(jq -r .video_id <<<"$measured")

echo "== 2. Lighthouse (mobile profile, simulated throttling): performance / accessibility"
read -r home_perf home_a11y <<<"$(lighthouse_scores "$GATEWAY/")"
read -r title_perf title_a11y <<<"$(lighthouse_scores "$GATEWAY/title/$video")"
read -r anchor_perf anchor_a11y <<<"$(lighthouse_scores "$GATEWAY/realms/codeflix/protocol/openid-connect/auth?client_id=codeflix-viewer&response_type=code&scope=openid&redirect_uri=$GATEWAY/callback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")"
verdict() { ((home_perf >= 90 && title_perf >= 90 && home_a11y >= 95 && title_a11y >= 95)) && echo met || echo MISSED; }
printf '   viewer home      %3s / %3s\n' "$home_perf" "$home_a11y"
printf '   viewer title     %3s / %3s\n' "$title_perf" "$title_a11y"
printf '   anchor: identity sign-in page (no script)    %3s / %3s\n' "$anchor_perf" "$anchor_a11y"
printf '   budgets performance >= 90, accessibility >= 95: %s\n' "$(verdict)"

echo "== 3. play to first frame, $RUNS runs (ms: median, fastest, slowest)"
read -r app_median app_min app_max <<<"$(stats "$(jq -c .app_ms <<<"$measured")")"
read -r bare_median bare_min bare_max <<<"$(stats "$(jq -c .bare_ms <<<"$measured")")"
printf '   viewer app (press Play -> first frame)        median %5s   %5s .. %5s   first run %s\n' \
    "$app_median" "$app_min" "$app_max" "$(jq -r '.app_ms[0] | round' <<<"$measured")"
printf '   anchor: bare hls.js page (session + hls.js)   median %5s   %5s .. %5s\n' "$bare_median" "$bare_min" "$bare_max"
printf '   app minus bare page, medians: %s ms\n' "$((app_median - bare_median))"
