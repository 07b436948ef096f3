#!/usr/bin/env bash
# Renders gateway/nginx.conf.template to stdout. Used by ./codeflix and by tests/e2e.
#   GATEWAY_PREFIX   runtime folder of nginx (pid, temp files)            required
#   GATEWAY_LOG_DIR  folder of gateway-access.log and gateway-error.log   required
#   GATEWAY_HOST     listen address                                       default 127.0.0.1
#   GATEWAY_PORT     listen port                                          default 8080
#   WEB_ROOT         folder served at / and /admin/                     default gateway/www
#   STORAGE_ROOT     the object store's folder (uploads/, media/, images/) required
#   STORAGE_URL_SECRET  secret of signed upload and media URLs (>= 16 chars) required
#   CATALOG_ADMIN_ADDRS  space-separated host:port of every catalog-admin copy
#   CATALOG_API_ADDRS    space-separated host:port of every catalog-api copy
#   SUBSCRIPTION_ADDRS   space-separated host:port of every subscription copy
#   IDENTITY_ADDRS       space-separated host:port of every identity copy
set -euo pipefail

template="$(dirname "${BASH_SOURCE[0]}")/nginx.conf.template"

# One upstream line per copy. nginx refuses an empty upstream block, so a service with no copy
# gets a server marked down: its routes answer 502 (problem+json) instead of breaking the gateway.
upstream_servers() {
    local addr lines=""
    for addr in "$@"; do
        lines+="server ${addr} max_fails=1 fail_timeout=10s; "
    done
    printf '%s' "${lines:-server 127.0.0.1:1 down; }"
}

# Escapes a value for the replacement side of a sed s||| expression.
sed_escape() {
    printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

render() {
    local -a catalog_admin catalog_api subscription identity
    read -r -a catalog_admin <<<"${CATALOG_ADMIN_ADDRS:-}"
    read -r -a catalog_api <<<"${CATALOG_API_ADDRS:-}"
    read -r -a subscription <<<"${SUBSCRIPTION_ADDRS:-}"
    read -r -a identity <<<"${IDENTITY_ADDRS:-}"
    local web_root secret=${STORAGE_URL_SECRET:?STORAGE_URL_SECRET is required}
    # The secret sits inside a double-quoted nginx string: a plain token only.
    [[ $secret =~ ^[A-Za-z0-9_-]{16,128}$ ]] || { echo "render.sh: STORAGE_URL_SECRET must be 16-128 characters of [A-Za-z0-9_-]" >&2; exit 2; }
    web_root="${WEB_ROOT:-$(cd "$(dirname "$template")" && pwd)/www}"
    sed -e '/^[[:space:]]*#/b' \
        -e "s|@PREFIX@|$(sed_escape "${GATEWAY_PREFIX:?GATEWAY_PREFIX is required}")|g" \
        -e "s|@LOG_DIR@|$(sed_escape "${GATEWAY_LOG_DIR:?GATEWAY_LOG_DIR is required}")|g" \
        -e "s|@GATEWAY_HOST@|$(sed_escape "${GATEWAY_HOST:-127.0.0.1}")|g" \
        -e "s|@GATEWAY_PORT@|$(sed_escape "${GATEWAY_PORT:-8080}")|g" \
        -e "s|@WEB_ROOT@|$(sed_escape "$web_root")|g" \
        -e "s|@GATEWAY_DIR@|$(sed_escape "$(cd "$(dirname "$template")" && pwd)")|g" \
        -e "s|@STORAGE_ROOT@|$(sed_escape "${STORAGE_ROOT:?STORAGE_ROOT is required}")|g" \
        -e "s|@STORAGE_URL_SECRET@|$(sed_escape "$secret")|g" \
        -e "s|@CATALOG_ADMIN_UPSTREAMS@|$(sed_escape "$(upstream_servers "${catalog_admin[@]}")")|g" \
        -e "s|@CATALOG_API_UPSTREAMS@|$(sed_escape "$(upstream_servers "${catalog_api[@]}")")|g" \
        -e "s|@SUBSCRIPTION_UPSTREAMS@|$(sed_escape "$(upstream_servers "${subscription[@]}")")|g" \
        -e "s|@IDENTITY_UPSTREAMS@|$(sed_escape "$(upstream_servers "${identity[@]}")")|g" \
        "$template"
}

render
