#!/usr/bin/env bash
# Benchmark of the identity provider: token-endpoint grants per second (client credentials,
# refresh, password) beside Keycloak's published sizing per vCPU, RS256 verification per request
# in the bearer middleware beside `openssl speed rsa2048` measured in the same run, and the RSS
# of the identity process. Figures are for comparison within one run only.
# Usage: bench/identity.sh [BUILD_DIR]   (default build/release, or BENCH_BUILD_DIR)
#   BENCH_DURATION (default 10s), BENCH_WARMUP (2s; 0 skips it), BENCH_CONNECTIONS (8: client
#   credentials), BENCH_REFRESH_CHAINS (8), BENCH_LOGIN_CONNECTIONS (4), BENCH_WORKERS (4),
#   BENCH_VERIFY_SECONDS (3: each verification loop and each half of openssl speed)
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/../tools/lib.sh
source "$ROOT/tools/lib.sh" # die, free_ports, wait_http, stop_pids, require_cmds
readonly DIE_PREFIX="bench: "
readonly BUILD_DIR="${1:-${BENCH_BUILD_DIR:-$ROOT/build/release}}"
readonly BIN="$BUILD_DIR/services/identity/codeflix-identity"
readonly VERIFY_BIN="$BUILD_DIR/bench/identity/bench_bearer_verify"
readonly DURATION="${BENCH_DURATION:-10s}"
readonly WARMUP="${BENCH_WARMUP:-2s}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-8}"
readonly REFRESH_CHAINS="${BENCH_REFRESH_CHAINS:-8}"
readonly LOGIN_CONNECTIONS="${BENCH_LOGIN_CONNECTIONS:-4}"
readonly WORKERS="${BENCH_WORKERS:-4}"
readonly VERIFY_SECONDS="${BENCH_VERIFY_SECONDS:-3}"

# The anchors: Keycloak server guide, "Concepts for sizing CPU and memory resources" (high
# availability guide): allocate one vCPU for each 120 client credential grants per second, one
# for each 120 refresh token requests per second and one for each 15 password-based user logins
# per second; the base memory of a Pod, with caches of realm data and 10,000 sessions, is 1250 MB.
readonly KEYCLOAK_CLIENT_CREDENTIALS_PER_VCPU=120
readonly KEYCLOAK_REFRESH_PER_VCPU=120
readonly KEYCLOAK_PASSWORD_LOGINS_PER_VCPU=15
readonly KEYCLOAK_BASE_MEMORY_MB=1250

readonly CLIENT_ID=catalog-admin        # confidential, client_credentials (clients.json)
readonly PUBLIC_CLIENT_ID=codeflix-tools # public, password and refresh_token (clients.json)
readonly USER_EMAIL=bench-admin@codeflix.test

WORK=""
IDENTITY_PID=""
declare -a PIDS=() IDENTITY_ENV=()

cleanup() {
    stop_pids "${PIDS[@]}"
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

# identity_env: the settings of the identity process, as CODEFLIX_IDENTITY_* so that a shared
# CODEFLIX_* variable of the caller's environment cannot override them, and the built-in clients
# file whatever the caller set. Used as: env "${IDENTITY_ENV[@]}" "$BIN" (env execs the binary,
# so $! of a background start is the service itself).
identity_env() {
    IDENTITY_ENV=(
        -u CODEFLIX_IDENTITY_CLIENTS_FILE -u CODEFLIX_CLIENTS_FILE
        CODEFLIX_IDENTITY_HTTP_HOST=127.0.0.1 CODEFLIX_IDENTITY_HTTP_PORT="$PORT"
        CODEFLIX_IDENTITY_HTTP_WORKERS="$WORKERS" CODEFLIX_IDENTITY_DB_POOL_SIZE="$WORKERS"
        CODEFLIX_IDENTITY_LOG_LEVEL=warn CODEFLIX_IDENTITY_DB_URL="sqlite:$WORK/identity.db"
        CODEFLIX_IDENTITY_OIDC_ISSUER="$ISSUER" CODEFLIX_CLIENT_SECRET_CATALOG_ADMIN="$CLIENT_SECRET"
    )
}

start_identity() {
    identity_env
    env "${IDENTITY_ENV[@]}" CODEFLIX_ADMIN_PASSWORD="$USER_PASSWORD" \
        "$BIN" ensure-admin "$USER_EMAIL" >"$WORK/ensure-admin.log" 2>&1 ||
        die "ensure-admin failed: $(cat "$WORK/ensure-admin.log")"
    env "${IDENTITY_ENV[@]}" "$BIN" >"$WORK/identity.log" 2>&1 &
    IDENTITY_PID=$!
    PIDS+=("$IDENTITY_PID")
    wait_http "$BASE/readyz" "$WORK/identity.log"
}

# memory_kb FIELD: VmRSS, VmHWM... of the identity process, in kB.
memory_kb() {
    awk -v f="$1:" '$1 == f {print $2}' "/proc/$IDENTITY_PID/status"
}

# token FORM-ARGS...: POSTs to the token endpoint with curl's form arguments; prints the reply,
# dies unless it is 200.
token() {
    local status
    status=$(curl -sS -o "$WORK/reply.json" -w '%{http_code}' "$@" "$TOKEN_URL")
    [[ $status == 200 ]] || die "token endpoint returned $status for $*: $(cat "$WORK/reply.json")"
    cat "$WORK/reply.json"
}

password_grant() {
    token -d grant_type=password -d client_id="$PUBLIC_CLIENT_ID" \
        --data-urlencode "username=$USER_EMAIL" --data-urlencode "password=$USER_PASSWORD"
}

# One client-credentials grant, then one login per refresh chain, each refreshed once (so the
# refresh path is known to work); the rotated, unused tokens start the chains.
first_requests() {
    token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | jq -e .access_token >/dev/null
    local i refresh
    : >"$WORK/refresh-tokens.txt"
    for ((i = 0; i < REFRESH_CHAINS; i++)); do
        refresh=$(password_grant | jq -er .refresh_token)
        token -d grant_type=refresh_token -d client_id="$PUBLIC_CLIENT_ID" -d "refresh_token=$refresh" |
            jq -er .refresh_token >>"$WORK/refresh-tokens.txt"
    done
}

# The wrk script of all three grants. GRANT_MODE=static posts GRANT_BODY (with
# GRANT_AUTHORIZATION, if set) as it is. GRANT_MODE=refresh keeps one refresh-token chain per
# thread: refresh tokens rotate and are single-use (a reused one revokes its whole family), so
# wrk runs with -tN -cN, one connection and so at most one request in flight per chain; setup()
# hands each thread its own first token (one per line of GRANT_TOKENS) and response() keeps the
# rotated one for the next request. Any status but 200 is an error; done() prints the count.
write_wrk_script() {
    cat >"$WORK/grant.lua" <<'LUA'
local mode = os.getenv("GRANT_MODE") or "static"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local authorization = os.getenv("GRANT_AUTHORIZATION")
if authorization and authorization ~= "" then
   wrk.headers["Authorization"] = authorization
end
wrk.body = os.getenv("GRANT_BODY")

local threads = {}
local tokens = {}
if mode == "refresh" then
   for line in io.lines(os.getenv("GRANT_TOKENS")) do
      tokens[#tokens + 1] = line
   end
end

function setup(thread)
   threads[#threads + 1] = thread
   if mode == "refresh" then
      local token = tokens[#threads]
      assert(token, "fewer refresh tokens than threads")
      -- set() takes exactly two arguments: it reads the name and value from the stack top.
      thread:set("refresh_token", token)
   end
end

function init(args)
   errors = 0
end

if mode == "refresh" then
   local prefix = "grant_type=refresh_token&client_id=" .. os.getenv("GRANT_CLIENT_ID") ..
      "&refresh_token="
   function request()
      return wrk.format(nil, nil, nil, prefix .. refresh_token)
   end
end

function response(status, headers, body)
   if status ~= 200 then
      errors = errors + 1
   elseif mode == "refresh" then
      local rotated = string.match(body, '"refresh_token":"([^"]+)"')
      if rotated then
         refresh_token = rotated
      else
         errors = errors + 1
      end
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("errors")
   end
   io.write(string.format("bench_errors: %d\n", total))
end
LUA
}

# run_grant LABEL THREADS CONNECTIONS VAR=VALUE...: runs wrk with grant.lua (configured by the
# VAR=VALUE pairs) against the token endpoint and appends "label rps p99 errors" to the
# results; dies when any request failed.
run_grant() {
    local label=$1 threads=$2 connections=$3 out rps p99 errors non2xx socket
    shift 3
    out=$(env "$@" wrk -t"$threads" -c"$connections" -d"$DURATION" --timeout 10s --latency \
        -s "$WORK/grant.lua" "$TOKEN_URL")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/^bench_errors:/ {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    [[ -n $rps && -n $errors ]] || die "$label: wrk printed no rate or error count:"$'\n'"$out"
    # The script counts every status but 200; wrk's own line counts >= 400. Socket errors
    # (timeouts included) come on top.
    if ((${non2xx:-0} > errors)); then errors=$non2xx; fi
    errors=$((errors + ${socket:-0}))
    printf '%s\t%s\t%s\t%s\n' "$label" "$rps" "$p99" "$errors" >>"$WORK/results.tsv"
    echo "  $label: $rps/s, p99 $p99, $errors failed" >&2
    if ((errors > 0)); then
        echo "$out" >&2
        echo "--- tail of the identity log" >&2
        tail -n 20 "$WORK/identity.log" >&2 || true
        die "$label: $errors requests failed or timed out"
    fi
}

# The verifications per second of one thread: ours (bench_bearer_verify) and OpenSSL's own loop.
measure_verification() {
    local out ssl
    echo "RS256 verification, one thread, ${VERIFY_SECONDS}s per loop..." >&2
    out=$("$VERIFY_BIN" "$VERIFY_SECONDS") || die "$VERIFY_BIN failed"
    RS256_VERIFY=$(awk -F= '$1 == "rs256_verify_per_s" {print $2}' <<<"$out")
    TOKEN_VERIFY=$(awk -F= '$1 == "token_verify_per_s" {print $2}' <<<"$out")
    BEARER_VERIFY=$(awk -F= '$1 == "bearer_verify_per_s" {print $2}' <<<"$out")
    ssl=$(openssl speed -seconds "$VERIFY_SECONDS" rsa2048 2>/dev/null) || die "openssl speed failed"
    # OpenSSL 3: "sign verify sign/s verify/s" over "rsa 2048 bits 0.000903s 0.000027s 1108.0
    # 37487.0"; the row has three more fields (rsa 2048 bits) than the header before the numbers.
    OPENSSL_VERIFY=$(awk '
        !col { for (i = 1; i <= NF; i++) if ($i == "verify/s") col = i + 3 }
        col && $1 == "rsa" && $2 == "2048" && $3 == "bits" { printf "%.0f\n", $col; exit }' <<<"$ssl")
    [[ -n $RS256_VERIFY && -n $TOKEN_VERIFY && -n $BEARER_VERIFY ]] ||
        die "bench_bearer_verify printed no rates:"$'\n'"$out"
    [[ -n $OPENSSL_VERIFY ]] || die "no rsa 2048 verify/s in openssl speed's output:"$'\n'"$ssl"
}

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
# per_core RATE: RATE / the number of cores, with one decimal.
per_core() { awk -v a="$1" -v n="$CORES" 'BEGIN {printf "%.1f", a / n}'; }
# mb KB: kB as MB with one decimal.
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

print_table() {
    local label rps p99 errors anchor
    printf '\n%-30s %10s %10s %14s %10s %10s %7s\n' \
        "token endpoint" "total/s" "per core" "Keycloak/vCPU" "x Keycloak" p99 failed
    while IFS=$'\t' read -r label rps p99 errors; do
        case $label in
            "client_credentials grants") anchor=$KEYCLOAK_CLIENT_CREDENTIALS_PER_VCPU ;;
            "refresh_token grants") anchor=$KEYCLOAK_REFRESH_PER_VCPU ;;
            *) anchor=$KEYCLOAK_PASSWORD_LOGINS_PER_VCPU ;;
        esac
        printf '%-30s %10s %10s %14s %10s %10s %7s\n' "$label" "$rps" "$(per_core "$rps")" \
            "$anchor" "$(ratio "$(per_core "$rps")" "$anchor")" "$p99" "$errors"
    done <"$WORK/results.tsv"

    printf '\n%-48s %10s %10s\n' "RS256 verification, one thread" "per s" "x openssl"
    printf '%-48s %10s %10s\n' "openssl speed rsa2048 verify (anchor)" "$OPENSSL_VERIFY" 1.00
    printf '%-48s %10s %10s\n' "PublicKey::verify_rs256" "$RS256_VERIFY" \
        "$(ratio "$RS256_VERIFY" "$OPENSSL_VERIFY")"
    printf '%-48s %10s %10s\n' "TokenVerifier::verify (+ base64url, JSON, claims)" "$TOKEN_VERIFY" \
        "$(ratio "$TOKEN_VERIFY" "$OPENSSL_VERIFY")"
    printf '%-48s %10s %10s\n' "bearer middleware (+ header, roles, principal)" "$BEARER_VERIFY" \
        "$(ratio "$BEARER_VERIFY" "$OPENSSL_VERIFY")"

    printf '\n%-48s %10s %10s\n' "identity process memory" MB "x Keycloak"
    printf '%-48s %10s %10s\n' "RSS idle, just started" "$(mb "$RSS_STARTED")" \
        "$(ratio "$(mb "$RSS_STARTED")" "$KEYCLOAK_BASE_MEMORY_MB")"
    printf '%-48s %10s %10s\n' "RSS idle, after the first grants" "$(mb "$RSS_IDLE")" \
        "$(ratio "$(mb "$RSS_IDLE")" "$KEYCLOAK_BASE_MEMORY_MB")"
    printf '%-48s %10s %10s\n' "peak RSS (VmHWM), after the load" "$(mb "$RSS_PEAK")" \
        "$(ratio "$(mb "$RSS_PEAK")" "$KEYCLOAK_BASE_MEMORY_MB")"
    echo
    echo "per core = total / $CORES (nproc); wrk, the service and SQLite share those cores, so per core is"
    echo "understated. identity: $WORKERS HTTP workers, SQLite (WAL) in a temp dir, log level warn."
    echo "Keycloak anchors per vCPU: ${KEYCLOAK_CLIENT_CREDENTIALS_PER_VCPU} client credential or refresh grants/s,"
    echo "${KEYCLOAK_PASSWORD_LOGINS_PER_VCPU} password logins/s (its browser logins; ours: the password grant, argon2id);"
    echo "memory anchor: Keycloak's ${KEYCLOAK_BASE_MEMORY_MB} MB base memory per Pod (Keycloak server guide, \"Concepts for"
    echo "sizing CPU and memory resources\")."
    echo "wrk -d$DURATION --latency, keep-alive: client_credentials -t2 -c$CONNECTIONS (Basic auth),"
    echo "refresh_token -t$REFRESH_CHAINS -c$REFRESH_CHAINS (one rotating chain per connection),"
    echo "password -t2 -c$LOGIN_CONNECTIONS ($PUBLIC_CLIENT_ID)."
}

main() {
    [[ -x $BIN ]] || die "service binary not found: $BIN (build with: cmake --preset release && cmake --build --preset release)"
    [[ -x $VERIFY_BIN ]] || die "micro-benchmark not found: $VERIFY_BIN (build the bench_bearer_verify target)"
    require_cmds wrk curl jq openssl python3 awk base64
    ((CONNECTIONS >= 2 && LOGIN_CONNECTIONS >= 2 && REFRESH_CHAINS >= 1)) ||
        die "BENCH_CONNECTIONS and BENCH_LOGIN_CONNECTIONS must be 2 or more, BENCH_REFRESH_CHAINS 1 or more"
    CORES=$(nproc)
    WORK=$(mktemp -d)
    PORT=$(free_ports 1)
    BASE="http://127.0.0.1:$PORT"
    ISSUER="$BASE/realms/codeflix"
    TOKEN_URL="$ISSUER/protocol/openid-connect/token"
    CLIENT_SECRET=$(openssl rand -hex 24)
    USER_PASSWORD="bench-$(openssl rand -hex 12)"

    # First, while nothing else of this run is busy.
    measure_verification

    echo "starting identity on $BASE..." >&2
    start_identity
    RSS_STARTED=$(memory_kb VmRSS)
    first_requests
    sleep 1
    RSS_IDLE=$(memory_kb VmRSS)

    write_wrk_script
    local basic login_body
    basic="Basic $(printf '%s' "$CLIENT_ID:$CLIENT_SECRET" | base64 -w0)"
    login_body="grant_type=password&client_id=$PUBLIC_CLIENT_ID"
    login_body+="&username=$(jq -rn --arg v "$USER_EMAIL" '$v|@uri')"
    login_body+="&password=$(jq -rn --arg v "$USER_PASSWORD" '$v|@uri')"
    if [[ $WARMUP != 0 && $WARMUP != 0s ]]; then
        echo "warming up..." >&2
        env GRANT_MODE=static GRANT_BODY=grant_type=client_credentials GRANT_AUTHORIZATION="$basic" \
            wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/grant.lua" "$TOKEN_URL" >/dev/null
    fi
    : >"$WORK/results.tsv"
    run_grant "client_credentials grants" 2 "$CONNECTIONS" GRANT_MODE=static \
        GRANT_BODY=grant_type=client_credentials GRANT_AUTHORIZATION="$basic"
    run_grant "refresh_token grants" "$REFRESH_CHAINS" "$REFRESH_CHAINS" \
        GRANT_MODE=refresh GRANT_TOKENS="$WORK/refresh-tokens.txt" GRANT_CLIENT_ID="$PUBLIC_CLIENT_ID"
    run_grant "password logins" 2 "$LOGIN_CONNECTIONS" GRANT_MODE=static GRANT_BODY="$login_body"
    RSS_PEAK=$(memory_kb VmHWM)
    print_table
}

main
