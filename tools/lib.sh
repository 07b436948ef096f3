# shellcheck shell=bash
# Helpers shared by ./codeflix, tools/seed_demo.sh, tests/e2e/gateway_test.sh and
# bench/catalog_admin_http.sh. Source it (source "$ROOT/tools/lib.sh"); it is not a program.

# log MESSAGE: a progress line on stderr.
log() { echo "==> $*" >&2; }

# die MESSAGE: an error line on stderr, then exit 1. The line starts with $DIE_PREFIX, by default
# "NAME: error: " where NAME is the running script's file name. A script may redefine die.
die() { echo "${DIE_PREFIX:-${0##*/}: error: }$*" >&2; exit 1; }

# End-to-end tests report PASS and FAIL lines on stdout; fail marks the run failed (FAILED=1).
pass() { echo "PASS: $*"; }
# shellcheck disable=SC2034 # FAILED is the sourcing script's
fail() { echo "FAIL: $*"; FAILED=1; }

# e2e_die MESSAGE: a FAIL line, then the tail of each of $WORK/*.log, then exit 1 (what an
# end-to-end test's die does, so that wait_http's failures show the services' last words).
e2e_die() {
    echo "FAIL: $*"
    local log
    for log in "${WORK:-/nonexistent}"/*.log; do
        [[ -f $log ]] && { echo "--- tail of $log"; tail -n 15 "$log"; }
    done
    exit 1
}

# require_cmds CMD...: dies unless every CMD is on the PATH.
require_cmds() {
    local cmd
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null || die "$cmd is required"
    done
}

# free_ports N: prints N distinct free TCP ports on 127.0.0.1.
free_ports() {
    python3 - "$1" <<'PY'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

# poll_http URL TIMEOUT_S: tries URL every 0.2 s until it answers 2xx; fails once TIMEOUT_S
# seconds have passed (after at least one try).
poll_http() {
    local url=$1 deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# wait_http URL LOG [TIMEOUT_S]: waits up to TIMEOUT_S (20) seconds for URL to answer 2xx, else
# prints the tail of LOG on stderr and dies.
wait_http() {
    local url=$1 log=$2 timeout=${3:-20}
    poll_http "$url" "$timeout" && return 0
    echo "--- tail of $log" >&2
    tail -n 30 "$log" >&2 || true
    die "$url did not answer 200 within $timeout s"
}

# stop_pids PID...: sends TERM to each background process the script started, then reaps them.
stop_pids() {
    local pid
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# rabbit_vhost API VHOST: creates VHOST through RabbitMQ's management API (e.g.
# http://127.0.0.1:15672/api) and gives guest every permission on it; fails when the API is
# unreachable. rabbit_vhost_delete API VHOST removes it (and its queues).
rabbit_vhost() {
    curl -fsS -u guest:guest -X PUT "$1/vhosts/$2" >/dev/null &&
        curl -fsS -u guest:guest -X PUT -H 'Content-Type: application/json' \
            --data '{"configure":".*","write":".*","read":".*"}' "$1/permissions/$2/guest" >/dev/null
}

rabbit_vhost_delete() {
    curl -fsS -o /dev/null -u guest:guest -X DELETE "$1/vhosts/$2" 2>/dev/null || true
}
