#include <openssl/evp.h>

#include <codeflix/core/clock.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/db/query.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/service/idempotency.hpp>
#include <optional>
#include <string>

namespace codeflix::service {
namespace {

constexpr std::size_t kMaxIdempotencyKey = 255;

constexpr const char* kFindAnswer =
    "SELECT request_hash, status, location, etag, body FROM idempotency_keys "
    "WHERE scope = :scope AND idempotency_key = :idempotency_key";
constexpr const char* kInsertAnswer =
    "INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status, location, etag, "
    "body, created_at) "
    "VALUES (:scope, :idempotency_key, :request_hash, :status, :location, :etag, :body, "
    ":created_at)";
constexpr const char* kPruneAnswers = "DELETE FROM idempotency_keys WHERE created_at < :before";

/// The first answer given to a POST with an Idempotency-Key.
struct StoredAnswer {
    std::string request_hash;
    int status = 0;
    std::optional<std::string> location;
    std::optional<std::string> etag;
    std::string body;
};

std::optional<StoredAnswer> find_answer(soci::session& session, const std::string& scope,
                                        const std::string& key) {
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

void insert_answer(soci::session& session, const std::string& scope, const std::string& key,
                   const StoredAnswer& answer) {
    db::Params params;
    params.set("scope", scope)
        .set("idempotency_key", key)
        .set("request_hash", answer.request_hash)
        .set("status", answer.status)
        .set("location", answer.location)
        .set("etag", answer.etag)
        .set("body", answer.body)
        .set("created_at", core::to_rfc3339(core::now()));
    db::execute(session, kInsertAnswer, std::move(params));
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

bool valid_idempotency_key(std::string_view key) {
    if (key.empty() || key.size() > kMaxIdempotencyKey) return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7E) return false;
    }
    return true;
}

/// Keys are scoped to the caller and the operation.
std::string scope_of(const http::Request& request) {
    std::string caller = request.principal ? request.principal->subject : std::string();
    return caller + " " + request.method + " " + request.path;
}

http::Response replay(const StoredAnswer& answer) {
    http::Response response = http::Response::json(answer.status, answer.body);
    if (answer.location) response.headers.set("Location", *answer.location);
    if (answer.etag) response.headers.set("ETag", *answer.etag);
    response.headers.set("Idempotent-Replayed", "true");
    return response;
}

http::Response run_transaction(
    db::Database& database,
    const std::function<core::Result<http::Response>(soci::session&)>& write) {
    try {
        auto result = database.transaction(write);
        return result ? std::move(*result) : http::problem(result.error());
    } catch (const soci::soci_error& e) {
        if (!db::is_unique_violation(e)) throw;
        return http::problem(
            409, "A conflicting record was written at the same time; reload and try again");
    }
}

}  // namespace

http::Response run_write(db::Database& database, const http::Request& request,
                         const std::function<core::Result<http::Response>(soci::session&)>& write) {
    auto key = request.header("Idempotency-Key");
    if (!key || request.method != "POST") return run_transaction(database, write);
    if (!valid_idempotency_key(*key)) {
        return http::problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters",
                             {{"Idempotency-Key", "is malformed"}});
    }
    std::string scope = scope_of(request);
    std::string key_text(*key);
    std::string hash = sha256_hex(request.body);
    auto answer_for_existing = [&](const StoredAnswer& stored) {
        if (stored.request_hash != hash) {
            return http::problem(422,
                                 "This Idempotency-Key was used with a different request body");
        }
        return replay(stored);
    };
    http::Response response =
        run_transaction(database, [&](soci::session& session) -> core::Result<http::Response> {
            if (auto stored = find_answer(session, scope, key_text))
                return answer_for_existing(*stored);
            auto result = write(session);
            if (!result) return result.error();
            if (result->status >= 200 && result->status < 300) {
                auto header = [&](std::string_view name) -> std::optional<std::string> {
                    if (auto value = result->headers.get(name)) return std::string(*value);
                    return std::nullopt;
                };
                insert_answer(
                    session, scope, key_text,
                    {hash, result->status, header("Location"), header("ETag"), result->body});
            }
            return result;
        });
    if (response.status == 409) {
        // Another request with the same key may have committed first (PostgreSQL); answer as it
        // did.
        auto stored = database.with_session(
            [&](soci::session& session) { return find_answer(session, scope, key_text); });
        if (stored) return answer_for_existing(*stored);
    }
    return response;
}

std::optional<http::Response> stored_answer(db::Database& database, const http::Request& request) {
    auto key = request.header("Idempotency-Key");
    if (!key || request.method != "POST") return std::nullopt;
    if (!valid_idempotency_key(*key)) {
        return http::problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters",
                             {{"Idempotency-Key", "is malformed"}});
    }
    auto stored = database.with_session([&](soci::session& session) {
        return find_answer(session, scope_of(request), std::string(*key));
    });
    if (!stored) return std::nullopt;
    if (stored->request_hash != sha256_hex(request.body))
        return http::problem(422, "This Idempotency-Key was used with a different request body");
    return replay(*stored);
}

std::string idempotency_fingerprint(const http::Request& request) {
    auto key = request.header("Idempotency-Key");
    if (!key) return core::new_uuid_v7();
    return sha256_hex(scope_of(request) + "\n" + std::string(*key) + "\n" + request.body);
}

std::int64_t prune_idempotency_keys(db::Database& database, const std::string& before) {
    return database.with_session([&](soci::session& session) {
        return db::execute(session, kPruneAnswers, db::Params().set("before", before));
    });
}

}  // namespace codeflix::service
