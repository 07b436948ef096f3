#!/usr/bin/env bash
# Seeds the demo catalog (categories, genres, cast members, videos) through the admin API.
# ./codeflix up runs it once, through the gateway, and records that in var/.seeded.
# Usage: tools/seed_demo.sh BASE_URL   e.g. http://127.0.0.1:8080 (gateway) or a catalog-admin copy
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=SCRIPTDIR/lib.sh
source "$ROOT/tools/lib.sh" # die, require_cmds
readonly BASE_URL="${1:?usage: seed_demo.sh BASE_URL}"

# api_create RESOURCE JSON: POSTs to BASE_URL/api/admin/RESOURCE and prints the new id.
api_create() {
    local reply status
    reply=$(mktemp)
    status=$(curl -sS -o "$reply" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        --data-binary "$2" "$BASE_URL/api/admin/$1" </dev/null)
    if [[ $status != 201 ]]; then
        echo "codeflix: seeding failed: POST /api/admin/$1 returned $status: $(<"$reply")" >&2
        rm -f "$reply"
        return 1
    fi
    jq -er .id "$reply"
    rm -f "$reply"
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
        CATEGORY_ID[$name]=$(api_create categories "$(jq -nc --arg n "$name" --arg d "$description" \
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
        GENRE_ID[$name]=$(api_create genres "$(jq -nc --arg n "$name" \
            --argjson c "$(ids CATEGORY_ID "$categories")" '{name: $n, is_active: true, categories_id: $c}')")
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
        PERSON_ID[$name]=$(api_create cast-members \
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
        api_create videos "$(jq -nc --arg t "$title" --arg d "$description" --arg r "$rating" \
            --argjson y "$year" --argjson m "$minutes" --argjson o "$opened" \
            --argjson c "$(ids CATEGORY_ID "$categories")" --argjson g "$(ids GENRE_ID "$genres")" \
            --argjson p "$(ids PERSON_ID "$cast")" \
            '{title: $t, description: $d, year_launched: $y, opened: $o, rating: $r, duration: $m,
              categories_id: $c, genres_id: $g, cast_members_id: $p}')" >/dev/null
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
    require_cmds curl jq
    seed_categories
    seed_genres
    seed_cast_members
    seed_videos
}

main
