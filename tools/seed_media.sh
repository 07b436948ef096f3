#!/usr/bin/env bash
# Seeds media for a few demo titles through the real pipeline: generated clips (test patterns
# with a tone and the title burned in) are uploaded with signed PUTs through the gateway and
# completed, so catalog-admin checks them and the encoder turns them into HLS/DASH ladders.
# ./codeflix up runs it once (var/.seeded-media-v1). Clips are cached in CACHE_DIR.
# Usage: tools/seed_media.sh BASE_URL CACHE_DIR   (SEED_TOKEN: bearer token, as seed_demo.sh)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/lib.sh
source "$ROOT/tools/lib.sh" # die, require_cmds
readonly BASE_URL="${1:?usage: seed_media.sh BASE_URL CACHE_DIR}"
readonly CACHE="${2:?usage: seed_media.sh BASE_URL CACHE_DIR}"
readonly FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

AUTH=()
[[ -n ${SEED_TOKEN:-} ]] && AUTH=(-H "Authorization: Bearer $SEED_TOKEN")

# api METHOD PATH [JSON]: the reply body; dies on a status other than 200 or 201.
api() {
    local reply status
    reply=$(curl -sS -w '\n%{http_code}' -X "$1" -H 'Content-Type: application/json' "${AUTH[@]}" \
        ${3:+--data-binary "$3"} "$BASE_URL$2" </dev/null)
    status=${reply##*$'\n'}
    reply=${reply%$'\n'*}
    [[ $status == 200 || $status == 201 ]] || die "$1 $2 returned $status: $reply"
    printf '%s\n' "$reply"
}

video_id() {
    api GET "/api/admin/videos?per_page=50&q=$(jq -rn --arg t "$1" '$t|@uri')" |
        jq -er --arg t "$1" '[.data[] | select(.title == $t)][0].id'
}

# clip FILE TITLE SECONDS HUE: a 1280x720 30 fps H.264/AAC MP4 with the title burned in.
clip() {
    [[ -s $1 ]] && return 0
    nice -n 10 ffmpeg -v error -nostdin -y \
        -f lavfi -i "testsrc2=s=1280x720:r=30:d=$3,hue=h=$4" \
        -f lavfi -i "sine=f=$((220 + $4)):d=$3:sample_rate=48000" \
        -vf "drawtext=fontfile=$FONT:text='$2':fontsize=72:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=18:x=(w-text_w)/2:y=(h-text_h)/2" \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 128k -shortest \
        -movflags +faststart "$1.tmp.mp4"
    mv "$1.tmp.mp4" "$1"
}

# still FILE TITLE SIZE: a JPEG with the title on a gradient.
still() {
    [[ -s $1 ]] && return 0
    nice -n 10 ffmpeg -v error -nostdin -y -f lavfi -i "gradients=s=$3:n=3:seed=7,format=yuv420p" \
        -vf "drawtext=fontfile=$FONT:text='$2':fontsize=64:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2" \
        -frames:v 1 -q:v 3 "$1.tmp.jpg"
    mv "$1.tmp.jpg" "$1"
}

# upload VIDEO_ID KIND FILE CONTENT_TYPE: upload URL, PUT through the gateway, complete.
upload() {
    local ticket size status
    size=$(stat -c %s "$3")
    ticket=$(api POST "/api/admin/videos/$1/media/$2/uploads" \
        "$(jq -nc --arg f "${3##*/}" --argjson s "$size" --arg t "$4" \
            '{file_name: $f, size: $s, content_type: $t}')")
    status=$(curl -sS -o /dev/null -w '%{http_code}' -T "$3" -H "Content-Type: $4" \
        "$BASE_URL$(jq -er .upload_url <<<"$ticket")")
    [[ $status == 201 || $status == 204 ]] || die "PUT of $3 returned $status"
    api POST "/api/admin/videos/$1/media/$2/uploads/$(jq -er .id <<<"$ticket")/complete" >/dev/null
}

seed_title() {
    local title=$1 slug=$2 hue=$3 trailer=$4 id
    id=$(video_id "$title") || die "no demo video titled $title"
    clip "$CACHE/$slug.mp4" "$title" 24 "$hue"
    still "$CACHE/$slug-thumbnail.jpg" "$title" 640x360
    still "$CACHE/$slug-banner.jpg" "$title" 1920x640
    upload "$id" video "$CACHE/$slug.mp4" video/mp4
    upload "$id" thumbnail "$CACHE/$slug-thumbnail.jpg" image/jpeg
    upload "$id" banner "$CACHE/$slug-banner.jpg" image/jpeg
    if [[ $trailer == yes ]]; then
        clip "$CACHE/$slug-trailer.mp4" "$title - trailer" 8 "$((hue + 60))"
        upload "$id" trailer "$CACHE/$slug-trailer.mp4" video/mp4
    fi
}

main() {
    require_cmds curl jq ffmpeg
    [[ -r $FONT ]] || die "$FONT is missing (Debian package fonts-dejavu-core)"
    mkdir -p "$CACHE"
    seed_title Metropolis metropolis 0 yes
    seed_title Nosferatu nosferatu 120 no
    seed_title "A General" a-general 240 no
}

main
