#!/usr/bin/env bash
# Seeds the demo subscription plans through the subscription admin API (role subscription-admin).
# ./codeflix up runs it once, through the gateway, and records that in var/.seeded-plans-v1.
# Usage: tools/seed_plans.sh BASE_URL   (SEED_TOKEN: the bearer token)
set -euo pipefail
shopt -s inherit_errexit

readonly BASE_URL="${1:?usage: seed_plans.sh BASE_URL}"
readonly PLANS=(
    '{"name":"Básico","description":"Um aparelho por vez, até 480p. Sete dias grátis.","price":1990,"currency":"BRL","interval":"month","trial_days":7,"max_streams":1,"max_quality":"480p"}'
    '{"name":"Padrão","description":"Dois aparelhos ao mesmo tempo, em HD (720p).","price":3990,"currency":"BRL","interval":"month","max_streams":2,"max_quality":"720p"}'
    '{"name":"Premium","description":"Quatro aparelhos ao mesmo tempo, em Full HD (1080p).","price":5590,"currency":"BRL","interval":"month","max_streams":4,"max_quality":"1080p"}'
    '{"name":"Premium Anual","description":"O Premium por um ano, com dois meses de desconto.","price":55900,"currency":"BRL","interval":"year","max_streams":4,"max_quality":"1080p"}'
)

for plan in "${PLANS[@]}"; do
    key="seed-plan-$(printf '%s' "$plan" | sha1sum | cut -c1-40)"
    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${SEED_TOKEN:?SEED_TOKEN is required}" -H "Idempotency-Key: $key" \
        --data-binary "$plan" "$BASE_URL/api/subscription/admin/plans" </dev/null)
    [[ $status == 201 ]] || { echo "codeflix: seeding plans failed: $status" >&2; exit 1; }
done
