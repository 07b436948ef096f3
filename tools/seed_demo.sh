#!/usr/bin/env bash
# Seeds the demo catalog (categories, genres, cast members, published videos) through the admin API.
# ./codeflix up runs it once, through the gateway, and records that in var/.seeded.
# Usage: tools/seed_demo.sh BASE_URL   e.g. http://127.0.0.1:8080 (gateway) or a catalog-admin copy
# SEED_TOKEN, when set, is sent as the bearer token (catalog-admin requires the catalog-admin role
# once CODEFLIX_OIDC_ISSUER is set).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/lib.sh
source "$ROOT/tools/lib.sh" # die, require_cmds
readonly BASE_URL="${1:?usage: seed_demo.sh BASE_URL}"

# idempotency_key KIND NAME: a deterministic Idempotency-Key for the record NAME of KIND, e.g.
# "seed-genre-acao-<sha1 of NAME>". The readable slug keeps ASCII letters and digits (common
# Latin accents are dropped first, byte-wise under LC_ALL=C so the key never depends on the
# locale) and the SHA-1 keeps names that fold to the same slug apart. 1-255 visible ASCII.
idempotency_key() {
    local slug hash
    slug=$(printf '%s' "$2" | LC_ALL=C sed -e 's/[[:upper:]]/\L&/g' \
        -e 's/\xc3[\xa0-\xa5\x80-\x85]/a/g; s/\xc3[\xa7\x87]/c/g' \
        -e 's/\xc3[\xa8-\xab\x88-\x8b]/e/g; s/\xc3[\xac-\xaf\x8c-\x8f]/i/g' \
        -e 's/\xc3[\xb2-\xb6\x92-\x96]/o/g; s/\xc3[\xb9-\xbc\x99-\x9c]/u/g; s/\xc3[\xb1\x91]/n/g' \
        -e 's/[^a-z0-9]\{1,\}/-/g; s/^-//; s/-$//' | LC_ALL=C cut -c1-64)
    hash=$(printf '%s' "$2" | sha1sum | cut -c1-40)
    printf 'seed-%s-%s%s\n' "$1" "${slug:+$slug-}" "$hash"
}

# api_create RESOURCE KEY JSON: POSTs JSON to BASE_URL/api/admin/RESOURCE with Idempotency-Key KEY
# and prints the new id. A second run with the same KEY and JSON gets the first answer again
# (201, same id), so a seed that stopped halfway can simply be run again.
api_create() {
    local reply status
    # The answer stays in memory (no temporary file to leave behind when the seed is interrupted):
    # the body, a line feed, then the status.
    local -a auth=()
    [[ -n ${SEED_TOKEN:-} ]] && auth=(-H "Authorization: Bearer $SEED_TOKEN")
    reply=$(curl -sS -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' "${auth[@]}" \
        -H "Idempotency-Key: $2" --data-binary "$3" "$BASE_URL/api/admin/$1" </dev/null)
    status=${reply##*$'\n'}
    reply=${reply%$'\n'*}
    if [[ $status != 201 ]]; then
        echo "codeflix: seeding failed: POST /api/admin/$1 (Idempotency-Key $2)" \
            "returned $status: $reply" >&2
        return 1
    fi
    jq -er .id <<<"$reply"
}

# ids MAP "a,b": the JSON array of the ids that MAP (an associative array) holds for a and b.
ids() {
    local -n id_of=$1
    local name names=() out=()
    IFS=, read -r -a names <<<"$2"
    for name in "${names[@]}"; do
        [[ -n ${id_of[$name]:-} ]] || die "demo data refers to unknown '$name'"
        out+=("${id_of[$name]}")
    done
    jq -nc '$ARGS.positional' --args "${out[@]}"
}

# Ids of the demo data by name, filled as it is created.
declare -A CATEGORY_ID=() GENRE_ID=() PERSON_ID=()

seed_categories() {
    local name description
    # shellcheck disable=SC2034 # the id maps are read through the nameref in ids()
    while IFS='|' read -r name description; do
        CATEGORY_ID[$name]=$(api_create categories "$(idempotency_key category "$name")" \
            "$(jq -nc --arg n "$name" --arg d "$description" \
                '{name: $n, description: $d, is_active: true}')")
    done <<'EOF'
Filmes|Longas-metragens de ficção
Séries|Temporadas e episódios
Documentários|Histórias reais contadas por quem as viveu
EOF
}

seed_genres() {
    local name categories
    # shellcheck disable=SC2034
    while IFS='|' read -r name categories; do
        GENRE_ID[$name]=$(api_create genres "$(idempotency_key genre "$name")" \
            "$(jq -nc --arg n "$name" --argjson c "$(ids CATEGORY_ID "$categories")" \
                '{name: $n, is_active: true, categories_id: $c}')")
    done <<'EOF'
Ação|Filmes,Séries
Drama|Filmes,Séries
Comédia|Filmes,Séries
Ficção Científica|Filmes,Séries
Terror|Filmes
Natureza|Documentários
História|Documentários
EOF
}

seed_cast_members() {
    local name type
    # shellcheck disable=SC2034
    while IFS='|' read -r name type; do
        PERSON_ID[$name]=$(api_create cast-members "$(idempotency_key cast "$name")" \
            "$(jq -nc --arg n "$name" --arg t "$type" '{name: $n, type: $t}')")
    done <<'EOF'
Fritz Lang|director
F. W. Murnau|director
Buster Keaton|director
Helena Tavares|director
Brigitte Helm|actor
Max Schreck|actor
Marion Mack|actor
Rafael Conceição|actor
Luísa Andrade|actor
EOF
}

seed_videos() {
    local title year rating minutes opened categories genres cast description
    while IFS='|' read -r title year rating minutes opened categories genres cast description; do
        api_create videos "$(idempotency_key video "$title")" \
            "$(jq -nc --arg t "$title" --arg d "$description" --arg r "$rating" \
            --argjson y "$year" --argjson m "$minutes" --argjson o "$opened" \
            --argjson c "$(ids CATEGORY_ID "$categories")" --argjson g "$(ids GENRE_ID "$genres")" \
            --argjson p "$(ids PERSON_ID "$cast")" \
            '{title: $t, description: $d, year_launched: $y, opened: $o, rating: $r, duration: $m,
              published: true, categories_id: $c, genres_id: $g, cast_members_id: $p}')" >/dev/null
    done <<'EOF'
Metropolis|1927|12|153|true|Filmes|Ficção Científica,Drama|Fritz Lang,Brigitte Helm|Numa cidade do futuro dividida entre patrões e operários, uma jovem prega a reconciliação.
Nosferatu|1922|14|94|true|Filmes|Terror|F. W. Murnau,Max Schreck|Um corretor de imóveis viaja à Transilvânia e desperta o conde Orlok.
A General|1926|L|78|true|Filmes|Comédia,Ação|Buster Keaton,Marion Mack|Um maquinista persegue sozinho a locomotiva roubada durante a Guerra Civil.
Ação em Alto-Mar|2024|14|52|false|Séries|Ação,Drama|Helena Tavares,Rafael Conceição|Uma patrulha da guarda costeira enfrenta contrabandistas no litoral do Nordeste.
Coração do Cerrado|2022|L|88|false|Documentários|Natureza|Helena Tavares,Luísa Andrade|Um ano de seca e chuva na vida secreta do cerrado brasileiro.
Memórias da Estação|2019|10|95|false|Documentários|História|Helena Tavares,Rafael Conceição|A ferrovia que fez e desfez uma cidade do interior paulista, contada por seus moradores.
EOF
}

main() {
    require_cmds curl jq sed sha1sum
    seed_categories
    seed_genres
    seed_cast_members
    seed_videos
}

main
