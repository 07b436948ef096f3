#include "idempotency_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kFindAnswer =
    "SELECT request_hash, status, location, etag, body FROM idempotency_keys "
    "WHERE scope = :scope AND idempotency_key = :idempotency_key";
constexpr const char* kInsertAnswer =
    "INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status, location, etag, "
    "body, created_at) "
    "VALUES (:scope, :idempotency_key, :request_hash, :status, :location, :etag, :body, "
    ":created_at)";

}  // namespace

std::optional<StoredAnswer> IdempotencyRepository::find(soci::session& session,
                                                        const std::string& scope,
                                                        const std::string& key) const {
    std::optional<StoredAnswer> found;
    db::for_each_row(
        session, kFindAnswer, db::Params().set("scope", scope).set("idempotency_key", key),
        [&](const soci::row& row) {
            found = StoredAnswer{db::get_text(row, 0), static_cast<int>(db::get_int64(row, 1)),
                                 db::get_optional_text(row, 2), db::get_optional_text(row, 3),
                                 db::get_text(row, 4)};
        });
    return found;
}

void IdempotencyRepository::insert(soci::session& session, const std::string& scope,
                                   const std::string& key, const StoredAnswer& answer,
                                   const std::string& now) const {
    db::Params params;
    params.set("scope", scope)
        .set("idempotency_key", key)
        .set("request_hash", answer.request_hash)
        .set("status", answer.status)
        .set("location", answer.location)
        .set("etag", answer.etag)
        .set("body", answer.body)
        .set("created_at", now);
    db::execute(session, kInsertAnswer, std::move(params));
}

}  // namespace codeflix::catalog_admin::repositories
