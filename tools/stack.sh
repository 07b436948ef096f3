# shellcheck shell=bash
# A whole stack of `./codeflix up` beside any other: in a temporary folder (CODEFLIX_VAR), on
# ports of its own (CODEFLIX_PORT_OFFSET and a free gateway port), with the binaries of a build
# folder, SQLite, and a vhost of its own on an existing RabbitMQ node. Sourced after
# tools/lib.sh by tests/e2e/web_test.sh and bench/web/web.sh.
#   stack_new NAME BUILD ADMIN_PASSWORD AMQP_URL RABBIT_API   sets STACK_WORK, GATEWAY, STACK_ENV
#   stack_up                                                   ./codeflix up (log in STACK_WORK/up.log)
#   stack_down                                                 stops it, deletes the vhost and folder
#   make_title_media DIR                                       a 60 s video, a trailer, a banner, a thumbnail

STACK_WORK=""
STACK_VHOST=""
STACK_RABBIT_API=""
declare -a STACK_ENV=()

# An offset for every port of the stack (services 8081-8085) that leaves them all free.
stack_port_offset() {
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

stack_new() {
    local name=$1 build=$2 password=$3 amqp=$4
    STACK_RABBIT_API=$5
    STACK_WORK=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
    chmod 755 "$STACK_WORK"
    STACK_VHOST="$name-$$"
    rabbit_vhost "$STACK_RABBIT_API" "$STACK_VHOST" || die "cannot create the RabbitMQ vhost $STACK_VHOST"
    local port
    port=$(free_ports 1)
    # shellcheck disable=SC2034 # for the sourcing script
    GATEWAY="http://localhost:$port"
    STACK_ENV=(CODEFLIX_VAR="$STACK_WORK/var" CODEFLIX_PORT_OFFSET="$(stack_port_offset)"
        CODEFLIX_GATEWAY_PORT="$port" CODEFLIX_BUILD_DIR="$build" CODEFLIX_SKIP_BUILD=1
        CODEFLIX_DEMO_MEDIA=0 CODEFLIX_ADMIN_PASSWORD="$password" CODEFLIX_AMQP_URL="${amqp%/}/$STACK_VHOST")
}

stack_up() {
    env "${STACK_ENV[@]}" "$ROOT/codeflix" up >"$STACK_WORK/up.log" 2>&1 ||
        { cat "$STACK_WORK/up.log"; die "./codeflix up failed"; }
}

stack_down() {
    if ((${#STACK_ENV[@]})); then
        env "${STACK_ENV[@]}" "$ROOT/codeflix" down >/dev/null 2>&1 || true
    fi
    [[ -n $STACK_VHOST ]] && rabbit_vhost_delete "$STACK_RABBIT_API" "$STACK_VHOST"
    [[ -n $STACK_WORK ]] && rm -rf "$STACK_WORK"
    STACK_ENV=() STACK_VHOST="" STACK_WORK=""
}

make_title_media() {
    local dir=$1 font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
    mkdir -p "$dir"
    ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=640x360:rate=10:duration=60" -f lavfi \
        -i "sine=frequency=330:duration=60" -c:v libx264 -preset ultrafast -c:a aac -shortest "$dir/video.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "testsrc=size=640x360:rate=10:duration=8" -f lavfi \
        -i "sine=frequency=550:duration=8" -c:v libx264 -preset ultrafast -c:a aac -shortest "$dir/trailer.mp4"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x1d3557:size=1920x640" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=120:x=80:y=(h-text_h)/2" \
        "$dir/banner.jpg"
    ffmpeg -v error -nostdin -f lavfi -i "color=c=0x457b9d:size=640x360" -frames:v 1 \
        -vf "drawtext=fontfile=$font:text='Cidade Invisivel':fontcolor=white:fontsize=48:x=30:y=(h-text_h)/2" \
        "$dir/thumbnail.jpg"
}
