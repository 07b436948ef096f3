# shellcheck shell=bash
# The checks of tests/e2e/media_test.sh, which sources this file (it is not a program): each
# check_* function prints PASS or FAIL lines and uses the helpers and variables defined there.

check_upload_guards() {
    local v size
    v=$(new_video "Guardas de upload")
    ticket "$v" thumbnail "$WORK/clips/poster.jpg" image/jpeg $((6 * 1024 * 1024))
    [[ $STATUS == 400 && $(jq -r '.errors[0].field' <<<"$BODY") == size ]] &&
        pass "an upload above the kind's cap is refused (400, field size)" ||
        fail "thumbnail of 6 MB: $STATUS $BODY"
    ticket "$v" video "$WORK/clips/good.mp4" text/plain
    [[ $STATUS == 400 ]] && pass "a wrong content type is refused (400)" || fail "text/plain: $STATUS"
    ticket "$v" poster "$WORK/clips/good.mp4" video/mp4
    [[ $STATUS == 404 ]] && pass "an unknown media kind is 404" || fail "kind poster: $STATUS"
    ticket 01900000-0000-7000-8000-000000000000 video "$WORK/clips/good.mp4" video/mp4
    [[ $STATUS == 404 ]] && pass "an unknown video is 404" || fail "unknown video: $STATUS"

    ticket "$v" video "$WORK/clips/good.mp4" video/mp4
    expect_status 201 "upload URL"
    [[ $URL =~ ^/uploads/[A-Za-z0-9_-]{22}/[0-9]+/$v/video/$UPLOAD$ ]] &&
        pass "the upload URL is a signed gateway path for exactly that object" || fail "URL $URL"
    complete "$v" video "$UPLOAD"
    [[ $STATUS == 409 && $(slot "$v" video | jq -r .status) == none ]] &&
        pass "complete before the PUT is 409 and changes nothing" || fail "early complete: $STATUS $BODY"
    local token=${URL#/uploads/}
    token=${token%%/*}
    # The first character: the last one of 22 carries only 2 of its 6 bits.
    local tampered="${URL/$token/$([[ ${token:0:1} == A ]] && echo B || echo A)${token:1}}"
    size=$(put_file "$tampered" "$WORK/clips/good.mp4" video/mp4)
    [[ $size == 403 ]] && pass "a tampered upload URL is 403" || fail "tampered URL: $size"
    size=$(put_file "$URL" "$WORK/clips/small.mp4" video/mp4)
    [[ $size == 403 ]] && pass "a body of another size than signed is 403" || fail "other size: $size"
    local expires=$(($(date +%s) - 5)) key="$v/video/$UPLOAD" bytes
    bytes=$(stat -c %s "$WORK/clips/good.mp4")
    size=$(put_file "/uploads/$(b64url_md5 "$expires/uploads/$key $bytes $SECRET")/$expires/$key" \
        "$WORK/clips/good.mp4" video/mp4)
    [[ $size == 410 ]] && pass "an expired upload URL is 410" || fail "expired URL: $size"
    head -c $((6 * 1024 * 1024)) /dev/zero >"$WORK/clips/six-mb.jpg"
    expires=$(($(date +%s) + 600)) key="$v/thumbnail/$UPLOAD"
    size=$(put_file "/uploads/$(b64url_md5 "$expires/uploads/$key $((6 * 1024 * 1024)) $SECRET")/$expires/$key" \
        "$WORK/clips/six-mb.jpg" image/jpeg)
    [[ $size == 413 ]] && pass "a body above the size class is 413 at the gateway" || fail "oversize: $size"
    size=$(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY$URL")
    [[ $size == 403 ]] && pass "upload URLs take PUT only" || fail "GET of an upload URL: $size"
    [[ -z $(find "$WORK/storage/uploads" -type f) ]] && pass "no refused PUT left a file" ||
        fail "files left: $(find "$WORK/storage/uploads" -type f)"
}

check_images() {
    local v json url
    v=$(new_video "Imagens")
    upload "$v" thumbnail "$WORK/clips/poster.jpg" image/jpeg
    json=$(jq -c .media.thumbnail <<<"$BODY")
    url=$(jq -r .current.url <<<"$json")
    if [[ $STATUS == 200 && $(jq -r .status <<<"$json") == completed && $(jq .current.width <<<"$json") == 640 ]]; then
        pass "a JPEG thumbnail is checked and published ($url)"
    else
        fail "thumbnail: $STATUS $BODY"
    fi
    [[ $(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "$GATEWAY$url") == "200 image/jpeg" ]] &&
        pass "the gateway serves it at /images/" || fail "GET $url"
    upload "$v" thumbnail "$WORK/clips/poster.jpg" image/png
    json=$(slot "$v" thumbnail)
    if [[ $STATUS == 422 && $(jq -r .status <<<"$json") == failed && $(jq -r .current.url <<<"$json") == "$url" ]]; then
        pass "an image of another type than declared is refused (422: $(jq -r .detail <<<"$BODY")); the live one stays"
    else
        fail "mislabelled image: $STATUS $BODY / $json"
    fi
    upload "$v" banner "$WORK/clips/huge.png" image/png
    [[ $STATUS == 422 && $(jq -r .detail <<<"$BODY") == *4096* ]] &&
        pass "an image above 4096x4096 is refused (422)" || fail "huge image: $STATUS $BODY"
}

check_refused_sources() {
    local v
    v=$(new_video "Recusados")
    upload "$v" video "$WORK/clips/noise.mp4" video/mp4
    [[ $STATUS == 422 && $(slot "$v" video | jq -r .status) == failed ]] &&
        pass "a file that is not a video is refused: $(jq -r .detail <<<"$BODY")" ||
        fail "noise: $STATUS $BODY"
    upload "$v" video "$WORK/clips/tone.m4a" video/mp4
    [[ $STATUS == 422 && $(jq -r .detail <<<"$BODY") == *"no video stream"* ]] &&
        pass "audio only is refused: $(jq -r .detail <<<"$BODY")" || fail "audio only: $STATUS $BODY"
}

# keyframe_times FOLDER PLAYLIST: the key frame times of a rendition, one per line (its init
# segment and media segments concatenated, in playlist order, read as one file).
keyframe_times() {
    local init
    init=$(sed -n 's/^#EXT-X-MAP:URI="\(.*\)"/\1/p' "$1/$2")
    (cd "$1" && cat "$init" $(grep -v '^#' "$2")) >"$WORK/rendition.mp4"
    ffprobe -v error -select_streams v:0 -skip_frame nokey -show_entries frame=pts_time \
        -of csv=p=0 "$WORK/rendition.mp4" | awk -F, '$1 != "" {printf "%.2f\n", $1}'
}

# check_outputs FOLDER EXPECTED_RUNGS AUDIO(yes|no): ffprobe checks of an encoding.
check_outputs() {
    local dir=$1 rungs=$2 audio=$3 playlists reference="" times
    [[ -s $dir/manifest.mpd && -s $dir/master.m3u8 ]] || { fail "manifests missing in $dir"; return; }
    mapfile -t playlists < <(grep -v '^#' "$dir/master.m3u8" | grep -E '\.m3u8$' | sort -u)
    local video_count
    video_count=$(grep -c 'RESOLUTION=' "$dir/master.m3u8" || true)
    [[ $video_count == "$rungs" ]] && pass "$rungs video rungs in master.m3u8" ||
        fail "expected $rungs rungs, master.m3u8 has $video_count: $(cat "$dir/master.m3u8")"
    [[ $(grep -c '<Representation' "$dir/manifest.mpd") -ge $rungs ]] &&
        pass "manifest.mpd describes the same rungs" || fail "manifest.mpd: $(cat "$dir/manifest.mpd")"
    local streams
    streams=$(ffprobe -v error -show_entries stream=codec_type,codec_name,profile -of csv=p=0 "$dir/master.m3u8" | sort -u)
    grep -q '^h264,High,video' <<<"$streams" && pass "H.264 High" || fail "video codec: $streams"
    if [[ $audio == yes ]]; then
        grep -q '^aac,LC,audio' <<<"$streams" && pass "AAC-LC audio" || fail "audio codec: $streams"
    else
        grep -q audio <<<"$streams" && fail "audio in a silent source's output" || pass "no audio track for a silent source"
    fi
    local playlist aligned=yes spaced=yes
    for playlist in "${playlists[@]}"; do
        grep -q 'EXT-X-MAP' "$dir/$playlist" || continue
        times=$(keyframe_times "$dir" "$playlist")
        [[ -n $times ]] || continue # the audio rendition
        [[ -z $reference ]] && reference=$times
        [[ $times == "$reference" ]] || aligned=no
    done
    awk 'NR > 1 && ($1 - prev < 1.95 || $1 - prev > 2.05) {bad = 1} {prev = $1} END {exit bad}' \
        <<<"$reference" || spaced=no
    [[ $aligned == yes && -n $reference ]] && pass "key frames at the same times in every rung" ||
        fail "key frames differ between rungs"
    [[ $spaced == yes ]] && pass "a key frame every 2 s" || fail "GOP not 2 s: $(tr '\n' ' ' <<<"$reference")"
    local durations
    durations=$(grep -h '^#EXTINF' "$dir/${playlists[0]}" | sed 's/#EXTINF:\([0-9.]*\),.*/\1/')
    awk 'NR > 1 && prev != "" && (prev < 3.95 || prev > 4.05) {bad = 1} {prev = $1} END {exit bad}' \
        <<<"$durations" && pass "4 s segments (the last may be shorter)" ||
        fail "segment durations: $(tr '\n' ' ' <<<"$durations")"
}

check_full_path() {
    local v json folder dir doc
    v=$(new_video "Caminho completo")
    upload "$v" video "$WORK/clips/good.mp4" video/mp4
    [[ $STATUS == 200 && $(jq -r .media.video.status <<<"$BODY") == pending ]] &&
        pass "a good video is accepted: pending, media_uploaded emitted" || fail "complete: $STATUS $BODY"
    json=$(wait_slot "$v" video completed 180) || { fail "not completed: $json"; return; }
    pass "the encoder completed it (catalog-admin consumed the event)"
    folder=$(jq -r .current.folder <<<"$json")
    dir="$WORK/storage/$folder"
    [[ $(jq -c '[.current.renditions[].height]' <<<"$json") == "[240,360]" ]] &&
        pass "ladder of a 360p source: 360p and 240p" || fail "renditions: $json"
    check_outputs "$dir" 2 yes
    [[ $(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$dir/poster.jpg") == mjpeg ]] &&
        pass "poster.jpg" || fail "no poster"
    if head -n 1 "$dir/trickplay/index.vtt" | grep -q WEBVTT &&
        grep -Eq '^sprite_001.jpg#xywh=[0-9]+,[0-9]+,320,180$' "$dir/trickplay/index.vtt" && [[ -s $dir/trickplay/sprite_001.jpg ]]; then
        pass "trick-play sprites with a WebVTT index"
    else
        fail "trick-play: $(ls "$dir/trickplay" 2>&1) $(head -n 5 "$dir/trickplay/index.vtt" 2>&1)"
    fi
    check_preview "$v" "$folder"
    local deadline=$((SECONDS + 30))
    until doc=$(curl -fsS "$GATEWAY/api/catalog/videos/$v" 2>/dev/null) &&
        [[ $(jq -r .media.video.ready <<<"$doc") == true ]]; do
        ((SECONDS < deadline)) || break
        sleep 0.3
    done
    if [[ $(jq -r .media.video.ready <<<"$doc") == true && $(jq -c .media.video.heights <<<"$doc") == "[240,360]" ]] &&
        ! grep -q manifest <<<"$doc"; then
        pass "catalog-api shows the video ready with its poster and rungs, no manifest paths"
    else
        fail "catalog-api document: $doc"
    fi
    local poster
    poster=$(jq -r .media.video.poster_url <<<"$doc")
    [[ $(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY$poster") == 200 ]] &&
        pass "the poster is public at $poster" || fail "poster $poster"
    local expires=$(($(date +%s) + 600)) token rest
    token=$(b64url_md5 "$expires/$v $SECRET")
    rest=${folder#media/"$v"/}
    [[ $(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/$token/$expires/$v/${rest}master.m3u8") == 200 ]] &&
        pass "/media/ serves the title's folder with a valid token" || fail "signed media GET"
    [[ $(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY/media/AAAAAAAAAAAAAAAAAAAAAA/$expires/$v/${rest}master.m3u8") == 403 ]] &&
        pass "/media/ with a wrong token is 403" || fail "wrong media token"
    MEDIA_BASE="$GATEWAY/media/$token/$expires/$v/$rest"
    local mode out
    for mode in hls dash; do
        local manifest=master.m3u8
        [[ $mode == dash ]] && manifest=manifest.mpd
        if out=$(cd "$BROWSER_DIR" && timeout 120 node play.mjs "$mode" "$MEDIA_BASE$manifest" --seconds 3 2>&1); then
            pass "$mode plays in Chromium: $(tail -n 1 <<<"$out")"
        else
            fail "$mode playback: $out"
        fi
    done
}

# check_preview VIDEO FOLDER: catalog-admin's signed preview of the encoded video plays through
# the gateway's token check; slots without an encoding, other kinds and unknown videos do not.
check_preview() {
    local v=$1 folder=$2 hls dash
    api GET "/api/admin/videos/$v/media/video/preview"
    hls=$(jq -r .hls_url <<<"$BODY" 2>/dev/null)
    dash=$(jq -r .dash_url <<<"$BODY" 2>/dev/null)
    [[ $STATUS == 200 && $hls =~ ^/media/[A-Za-z0-9_-]{22}/[0-9]+/$v/${folder#media/"$v"/}master.m3u8$ ]] &&
        pass "the admin preview signs the encoded video's folder" || fail "preview: $STATUS $BODY"
    [[ $(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY$hls") == 200 &&
        $(curl -sS -o /dev/null -w '%{http_code}' "$GATEWAY$dash") == 200 ]] &&
        pass "the preview's HLS and DASH manifests pass nginx's token check" || fail "preview manifests: $hls $dash"
    api GET "/api/admin/videos/$v/media/trailer/preview"
    [[ $STATUS == 409 ]] && pass "no preview of a trailer never encoded (409)" || fail "trailer preview: $STATUS $BODY"
    api GET "/api/admin/videos/$v/media/banner/preview"
    [[ $STATUS == 404 ]] && pass "no preview of an image slot (404)" || fail "banner preview: $STATUS $BODY"
    api GET "/api/admin/videos/00000000-0000-7000-8000-000000000000/media/video/preview"
    [[ $STATUS == 404 ]] && pass "no preview of an unknown video (404)" || fail "unknown video preview: $STATUS"
    api GET "/api/admin/videos/not-a-uuid/media/video/preview"
    [[ $STATUS == 400 ]] && pass "a malformed video id is 400" || fail "bad id preview: $STATUS"
}

# wait_for SECONDS COMMAND...: retries COMMAND every 0.3 s until it succeeds or time runs out.
wait_for() {
    local deadline=$((SECONDS + $1))
    until "${@:2}"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.3
    done
}

count_entries() { find "$1" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }

only_one_encoding_and_source() {
    [[ $(count_entries "$WORK/storage/media/$1/video") == 1 &&
        $(count_entries "$WORK/storage/sources/$1/video") == 1 ]]
}

check_replacement() {
    local v json old
    v=$(new_video "Substituido")
    upload "$v" video "$WORK/clips/small.mp4" video/mp4
    json=$(wait_slot "$v" video completed 120) || { fail "first encoding: $json"; return; }
    old=$(jq -r .current.encoding_id <<<"$json")
    upload "$v" video "$WORK/clips/good.mp4" video/mp4
    [[ $(jq -r .media.video.current.encoding_id <<<"$BODY") == "$old" ]] &&
        pass "while the replacement is pending, the old encoding stays live" ||
        fail "replacement pending: $BODY"
    json=$(wait_slot "$v" video completed 120) || { fail "replacement: $json"; return; }
    [[ $(jq -r .current.encoding_id <<<"$json") != "$old" ]] || fail "the replacement did not go live"
    if wait_for 20 only_one_encoding_and_source "$v" && [[ ! -e $WORK/storage/media/$v/video/$old ]]; then
        pass "the replaced encoding and its source are deleted (grace 0 s in this test)"
    else
        fail "left in storage: $(find "$WORK/storage/media/$v" "$WORK/storage/sources/$v" -maxdepth 2)"
    fi
}

# A completed event that catalog-admin must refuse: its poster points at a source file.
check_forged_encoder_event() {
    local v upload source forged before after
    v=$(new_video "Forjado")
    upload "$v" video "$WORK/clips/good.mp4" video/mp4
    wait_slot "$v" video completed 120 >/dev/null || { fail "forged: first encoding"; return; }
    upload=$(slot "$v" video | jq -r .upload_id)
    source="sources/$v/video/$upload"
    forged=$(jq -nc --arg v "$v" --arg u "$upload" --arg s "$source" '{
        specversion: "1.0", id: "01900000-0000-7000-8000-0000000000ff", source: "/encoder",
        type: "codeflix.encoder.media.completed.v1", time: "2026-01-01T00:00:00.000Z",
        subject: $v, datacontenttype: "application/json",
        data: {video_id: $v, kind: "video", upload_id: $u,
               encoding_id: "01900000-0000-7000-8000-0000000000ee",
               folder: "media/\($v)/video/01900000-0000-7000-8000-0000000000ee/", poster: $s}}')
    before=$(find "$WORK/storage/images" -type f | wc -l)
    curl -fsS -u guest:guest -H 'Content-Type: application/json' \
        --data "$(jq -nc --arg p "$forged" '{properties: {delivery_mode: 2, content_type: "application/json"},
            routing_key: "codeflix.encoder.media.completed.v1", payload: $p, payload_encoding: "string"}')" \
        "$RABBIT_API/exchanges/$VHOST/codeflix.events/publish" >/dev/null
    local dlq=0 deadline=$((SECONDS + 20))
    while ((SECONDS < deadline)); do
        dlq=$(curl -fsS -u guest:guest "$RABBIT_API/queues/$VHOST/catalog-admin.encoder-results.dlq" | jq -r '.messages // 0')
        ((dlq > 0)) && break
        sleep 0.5
    done
    after=$(find "$WORK/storage/images" -type f | wc -l)
    if ((dlq > 0)) && [[ $after == "$before" && $(slot "$v" video | jq -r .current.encoding_id) != 01900000-0000-7000-8000-0000000000ee ]]; then
        pass "a forged encoder event pointing outside its folder is parked; nothing is published"
    else
        fail "forged event: dlq $dlq, images $before -> $after, slot $(slot "$v" video)"
    fi
}

check_sources_that_encode() {
    local silent small uhd vfr rotated json
    silent=$(new_video "Sem som")
    upload "$silent" video "$WORK/clips/silent.mp4" video/mp4
    small=$(new_video "Pequeno")
    upload "$small" video "$WORK/clips/small.mp4" video/mp4
    uhd=$(new_video "Ultra HD")
    upload "$uhd" video "$WORK/clips/uhd.mp4" video/mp4
    vfr=$(new_video "Quadros variaveis")
    upload "$vfr" video "$WORK/clips/vfr.mkv" video/x-matroska
    rotated=$(new_video "Celular")
    upload "$rotated" video "$WORK/clips/rotated.mp4" video/mp4
    [[ $(jq -r .media.video.status <<<"$BODY") == pending ]] || fail "rotated upload: $STATUS $BODY"

    if json=$(wait_slot "$silent" video completed 180); then
        [[ $(jq -r .current.has_audio <<<"$json") == false ]] && pass "a video without audio encodes (video only)" ||
            fail "silent: $json"
        check_outputs "$WORK/storage/$(jq -r .current.folder <<<"$json")" 2 no
    else
        fail "silent source: $json"
    fi
    if json=$(wait_slot "$small" video completed 180); then
        [[ $(jq -c '[.current.renditions[].height]' <<<"$json") == "[240]" ]] &&
            pass "a 240p source gets one rung" || fail "240p: $json"
    else
        fail "240p source: $json"
    fi
    if json=$(wait_slot "$uhd" video completed 300); then
        [[ $(jq -c '[.current.renditions[].height] | max, length' <<<"$json" | paste -sd ' ') == "1080 5" ]] &&
            pass "a 4K source: five rungs, the top one 1080p" || fail "4K: $json"
    else
        fail "4K source: $json"
    fi
    if json=$(wait_slot "$vfr" video completed 180); then
        pass "a variable frame rate source encodes"
        check_outputs "$WORK/storage/$(jq -r .current.folder <<<"$json")" 2 no
    else
        fail "VFR source: $json"
    fi
    if json=$(wait_slot "$rotated" video completed 180); then
        [[ $(jq -r '"\(.current.width)x\(.current.height) \(.current.renditions[0].width < .current.renditions[0].height)"' <<<"$json") == "360x640 true" ]] &&
            pass "a 90°-rotated phone video is encoded upright (portrait rungs)" || fail "rotated: $json"
    else
        fail "rotated source: $json"
    fi
}

check_truncated() {
    local v json
    v=$(new_video "Truncado")
    upload "$v" video "$WORK/clips/truncated.mp4" video/mp4
    if [[ $STATUS == 422 ]]; then
        pass "a truncated MP4 is refused at complete: $(jq -r .detail <<<"$BODY")"
        return
    fi
    if json=$(wait_slot "$v" video failed 120); then
        pass "a truncated MP4 fails with a reason: $(jq -r .error <<<"$json")"
        wait_for 20 test ! -e "$WORK/storage/sources/$v/video" &&
            pass "the failed upload's source is deleted" ||
            fail "source of a failed upload left: $(find "$WORK/storage/sources/$v")"
        grep '"msg":"encoding failed"' "$WORK/encoder.log" | grep -q '"attempt":1' &&
            pass "it failed at once, without retries" || fail "truncated source was retried"
    else
        fail "truncated source: $json"
    fi
}

# A long clip, encoding long enough to interrupt: waits until progress shows.
start_long_job() {
    local v
    v=$(new_video "$1")
    upload "$v" video "$WORK/clips/long.mp4" video/mp4
    expect_status 200 "upload of the long clip"
    wait_slot "$v" video processing 120 >/dev/null || die "the long clip never showed progress"
    echo "$v"
}

check_encoder_killed() {
    local v json folders
    v=$(start_long_job "Encoder interrompido")
    pass "progress reached catalog-admin: $(slot "$v" video | jq -c '{status, progress}')"
    kill -9 "${PID_OF[encoder]}"
    wait "${PID_OF[encoder]}" 2>/dev/null || true
    sleep 0.5
    pgrep -f "$WORK/scratch" >/dev/null && fail "ffmpeg outlived the killed encoder" ||
        pass "ffmpeg died with the killed encoder"
    start_encoder
    json=$(wait_slot "$v" video completed 240) || { fail "job not re-run to completion: $json"; return; }
    folders=$(find "$WORK/storage/media/$v/video" -mindepth 1 -maxdepth 1 -type d | wc -l)
    local segments
    segments=$(find "$WORK/storage/$(jq -r .current.folder <<<"$json")" -name '*.m4s' | wc -l)
    [[ $folders == 1 ]] && pass "the job was re-run into one encoding folder ($segments segments)" ||
        fail "$folders encoding folders for one upload"
    [[ $(find "$WORK/scratch" -mindepth 2 -maxdepth 2 | wc -l) == 0 ]] &&
        pass "scratch space cleaned" || fail "scratch left: $(find "$WORK/scratch" -mindepth 1)"
}

check_broker_cut() {
    local v json
    v=$(start_long_job "Corte do broker")
    kill "${PID_OF[proxy]}"
    wait "${PID_OF[proxy]}" 2>/dev/null || true
    sleep 3
    start_proxy
    json=$(wait_slot "$v" video completed 240) || { fail "job did not complete after the cut: $json"; return; }
    pass "a job survives the broker connection cut mid-job; completed arrives after reconnecting"
}
