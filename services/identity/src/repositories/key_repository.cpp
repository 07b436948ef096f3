#include "key_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::identity::repositories {
namespace {

constexpr const char* kSelectAll =
    "SELECT kid, private_key_pem, created_at, retired_at FROM signing_keys ORDER BY created_at, "
    "kid";
constexpr const char* kInsert =
    "INSERT INTO signing_keys (kid, private_key_pem, created_at, retired_at) "
    "VALUES (:kid, :pem, :created_at, NULL)";
constexpr const char* kRetireOthers =
    "UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL AND kid <> :kid";
constexpr const char* kPrune =
    "DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < :cutoff";
constexpr const char* kAdvisoryLock =
    "SELECT 1 FROM (SELECT pg_advisory_xact_lock(4807001)) AS locked";

}  // namespace

std::vector<StoredKey> KeyRepository::all(soci::session& session) {
    std::vector<StoredKey> keys;
    db::for_each_row(session, kSelectAll, {}, [&](const soci::row& row) {
        StoredKey key;
        key.kid = db::get_text(row, 0);
        key.private_key_pem = db::get_text(row, 1);
        key.created_at = db::get_int64(row, 2);
        if (row.get_indicator(3) != soci::i_null) key.retired_at = db::get_int64(row, 3);
        keys.push_back(std::move(key));
    });
    return keys;
}

void KeyRepository::insert(soci::session& session, const StoredKey& key) {
    db::execute(session, kInsert,
                db::Params()
                    .set("kid", key.kid)
                    .set("pem", key.private_key_pem)
                    .set("created_at", key.created_at));
}

void KeyRepository::retire_others(soci::session& session, const std::string& kid,
                                  std::int64_t now) {
    db::execute(session, kRetireOthers, db::Params().set("now", now).set("kid", kid));
}

void KeyRepository::prune(soci::session& session, std::int64_t cutoff) {
    db::execute(session, kPrune, db::Params().set("cutoff", cutoff));
}

void KeyRepository::lock(soci::session& session) {
    if (db::dialect_of(session) != db::Dialect::postgresql) return;
    db::query_int(session, kAdvisoryLock);
}

}  // namespace codeflix::identity::repositories
