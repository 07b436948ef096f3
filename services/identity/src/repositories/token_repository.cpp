#include "token_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::identity::repositories {
namespace {

constexpr const char* kInsertSession =
    "INSERT INTO sessions (id, token_hash, user_id, auth_time, expires_at, ended_at) VALUES "
    "(:id, :token_hash, :user_id, :auth_time, :expires_at, NULL)";
constexpr const char* kFindLiveSession =
    "SELECT id, token_hash, user_id, auth_time, expires_at FROM sessions WHERE token_hash = :key "
    "AND ended_at IS NULL AND expires_at > :now";
constexpr const char* kFindLiveSessionById =
    "SELECT id, token_hash, user_id, auth_time, expires_at FROM sessions WHERE id = :key AND "
    "ended_at IS NULL AND expires_at > :now";
constexpr const char* kEndSession =
    "UPDATE sessions SET ended_at = :now WHERE id = :id AND ended_at IS NULL";
constexpr const char* kEndUserSessions =
    "UPDATE sessions SET ended_at = :now WHERE user_id = :id AND ended_at IS NULL";

constexpr const char* kInsertCode =
    "INSERT INTO authorization_codes (code_hash, client_id, user_id, session_id, redirect_uri, "
    "code_challenge, scope, nonce, expires_at, used_at, family_id) VALUES (:code_hash, "
    ":client_id, :user_id, :session_id, :redirect_uri, :code_challenge, :scope, :nonce, "
    ":expires_at, NULL, NULL)";
constexpr const char* kFindCode =
    "SELECT code_hash, client_id, user_id, session_id, redirect_uri, code_challenge, scope, "
    "nonce, expires_at, used_at, family_id FROM authorization_codes WHERE code_hash = :code_hash";
constexpr const char* kConsumeCode =
    "UPDATE authorization_codes SET used_at = :now, family_id = :family_id WHERE code_hash = "
    ":code_hash AND used_at IS NULL";
constexpr const char* kPruneCodes = "DELETE FROM authorization_codes WHERE expires_at < :cutoff";

constexpr const char* kInsertRefresh =
    "INSERT INTO refresh_tokens (id, family_id, user_id, client_id, session_id, scope, "
    "expires_at, used_at, revoked_at) VALUES (:id, :family_id, :user_id, :client_id, "
    ":session_id, :scope, :expires_at, NULL, NULL)";
constexpr const char* kFindRefresh =
    "SELECT id, family_id, user_id, client_id, session_id, scope, expires_at, used_at, "
    "revoked_at FROM refresh_tokens WHERE id = :id";
constexpr const char* kConsumeRefresh =
    "UPDATE refresh_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at "
    "IS NULL";
constexpr const char* kRevokeFamily =
    "UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :key AND revoked_at IS NULL";
constexpr const char* kRevokeSession =
    "UPDATE refresh_tokens SET revoked_at = :now WHERE session_id = :key AND revoked_at IS NULL";
constexpr const char* kRevokeUser =
    "UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :key AND revoked_at IS NULL";
constexpr const char* kPruneRefresh = "DELETE FROM refresh_tokens WHERE expires_at < :cutoff";

constexpr const char* kFindAddress =
    "SELECT address, failures, window_started_at, blocked_until FROM address_failures WHERE "
    "address = :address";
constexpr const char* kEnsureAddress =
    "INSERT INTO address_failures (address, failures, window_started_at, blocked_until) VALUES "
    "(:address, 0, :now, 0) ON CONFLICT (address) DO NOTHING";
constexpr const char* kUpdateAddress =
    "UPDATE address_failures SET failures = :failures, window_started_at = :window_started_at, "
    "blocked_until = :blocked_until WHERE address = :address";
constexpr const char* kDeleteAddress = "DELETE FROM address_failures WHERE address = :address";

std::optional<std::int64_t> optional_int(const soci::row& row, std::size_t index) {
    if (row.get_indicator(index) == soci::i_null) return std::nullopt;
    return db::get_int64(row, index);
}

std::string locking(soci::session& session, const char* sql, bool for_update) {
    std::string out(sql);
    if (for_update && db::dialect_of(session) == db::Dialect::postgresql) out += " FOR UPDATE";
    return out;
}

std::optional<SessionRecord> find_session(soci::session& session, const char* sql,
                                          const std::string& key, std::int64_t now) {
    std::optional<SessionRecord> found;
    db::for_each_row(
        session, sql, db::Params().set("key", key).set("now", now), [&](const soci::row& row) {
            found = SessionRecord{db::get_text(row, 0), db::get_text(row, 1), db::get_text(row, 2),
                                  db::get_int64(row, 3), db::get_int64(row, 4)};
        });
    return found;
}

void revoke(soci::session& session, const char* sql, const std::string& key, std::int64_t now) {
    db::execute(session, sql, db::Params().set("now", now).set("key", key));
}

}  // namespace

void SessionRepository::insert(soci::session& session, const SessionRecord& record) {
    db::execute(session, kInsertSession,
                db::Params()
                    .set("id", record.id)
                    .set("token_hash", record.token_hash)
                    .set("user_id", record.user_id)
                    .set("auth_time", record.auth_time)
                    .set("expires_at", record.expires_at));
}

std::optional<SessionRecord> SessionRepository::find_live(soci::session& session,
                                                          const std::string& token_hash,
                                                          std::int64_t now) {
    return find_session(session, kFindLiveSession, token_hash, now);
}

std::optional<SessionRecord> SessionRepository::find_live_by_id(soci::session& session,
                                                                const std::string& id,
                                                                std::int64_t now) {
    return find_session(session, kFindLiveSessionById, id, now);
}

void SessionRepository::end(soci::session& session, const std::string& id, std::int64_t now) {
    db::execute(session, kEndSession, db::Params().set("now", now).set("id", id));
}

void SessionRepository::end_all_of_user(soci::session& session, const std::string& user_id,
                                        std::int64_t now) {
    db::execute(session, kEndUserSessions, db::Params().set("now", now).set("id", user_id));
}

void CodeRepository::insert(soci::session& session, const CodeRecord& record) {
    db::execute(session, kInsertCode,
                db::Params()
                    .set("code_hash", record.code_hash)
                    .set("client_id", record.client_id)
                    .set("user_id", record.user_id)
                    .set("session_id", record.session_id)
                    .set("redirect_uri", record.redirect_uri)
                    .set("code_challenge", record.code_challenge)
                    .set("scope", record.scope)
                    .set("nonce", record.nonce)
                    .set("expires_at", record.expires_at));
}

std::optional<CodeRecord> CodeRepository::find(soci::session& session, const std::string& code_hash,
                                               bool for_update) {
    std::optional<CodeRecord> found;
    db::for_each_row(session, locking(session, kFindCode, for_update),
                     db::Params().set("code_hash", code_hash), [&](const soci::row& row) {
                         CodeRecord code;
                         code.code_hash = db::get_text(row, 0);
                         code.client_id = db::get_text(row, 1);
                         code.user_id = db::get_text(row, 2);
                         code.session_id = db::get_text(row, 3);
                         code.redirect_uri = db::get_text(row, 4);
                         code.code_challenge = db::get_optional_text(row, 5);
                         code.scope = db::get_text(row, 6);
                         code.nonce = db::get_optional_text(row, 7);
                         code.expires_at = db::get_int64(row, 8);
                         code.used_at = optional_int(row, 9);
                         code.family_id = db::get_optional_text(row, 10);
                         found = std::move(code);
                     });
    return found;
}

bool CodeRepository::consume(soci::session& session, const std::string& code_hash,
                             const std::string& family_id, std::int64_t now) {
    return db::execute(session, kConsumeCode,
                       db::Params()
                           .set("now", now)
                           .set("family_id", family_id)
                           .set("code_hash", code_hash)) == 1;
}

void CodeRepository::prune(soci::session& session, std::int64_t cutoff) {
    db::execute(session, kPruneCodes, db::Params().set("cutoff", cutoff));
}

void RefreshRepository::insert(soci::session& session, const RefreshRecord& record) {
    db::execute(session, kInsertRefresh,
                db::Params()
                    .set("id", record.id)
                    .set("family_id", record.family_id)
                    .set("user_id", record.user_id)
                    .set("client_id", record.client_id)
                    .set("session_id", record.session_id)
                    .set("scope", record.scope)
                    .set("expires_at", record.expires_at));
}

std::optional<RefreshRecord> RefreshRepository::find(soci::session& session, const std::string& id,
                                                     bool for_update) {
    std::optional<RefreshRecord> found;
    db::for_each_row(session, locking(session, kFindRefresh, for_update),
                     db::Params().set("id", id), [&](const soci::row& row) {
                         RefreshRecord token;
                         token.id = db::get_text(row, 0);
                         token.family_id = db::get_text(row, 1);
                         token.user_id = db::get_text(row, 2);
                         token.client_id = db::get_text(row, 3);
                         token.session_id = db::get_text(row, 4);
                         token.scope = db::get_text(row, 5);
                         token.expires_at = db::get_int64(row, 6);
                         token.used_at = optional_int(row, 7);
                         token.revoked_at = optional_int(row, 8);
                         found = std::move(token);
                     });
    return found;
}

bool RefreshRepository::consume(soci::session& session, const std::string& id, std::int64_t now) {
    return db::execute(session, kConsumeRefresh, db::Params().set("now", now).set("id", id)) == 1;
}

void RefreshRepository::revoke_family(soci::session& session, const std::string& family_id,
                                      std::int64_t now) {
    revoke(session, kRevokeFamily, family_id, now);
}

void RefreshRepository::revoke_session(soci::session& session, const std::string& session_id,
                                       std::int64_t now) {
    revoke(session, kRevokeSession, session_id, now);
}

void RefreshRepository::revoke_user(soci::session& session, const std::string& user_id,
                                    std::int64_t now) {
    revoke(session, kRevokeUser, user_id, now);
}

void RefreshRepository::prune(soci::session& session, std::int64_t cutoff) {
    db::execute(session, kPruneRefresh, db::Params().set("cutoff", cutoff));
}

std::optional<AddressRecord> AddressRepository::find(soci::session& session,
                                                     const std::string& address, bool for_update) {
    std::optional<AddressRecord> found;
    db::for_each_row(session, locking(session, kFindAddress, for_update),
                     db::Params().set("address", address), [&](const soci::row& row) {
                         found = AddressRecord{db::get_text(row, 0), db::get_int64(row, 1),
                                               db::get_int64(row, 2), db::get_int64(row, 3)};
                     });
    return found;
}

void AddressRepository::ensure(soci::session& session, const std::string& address,
                               std::int64_t now) {
    db::execute(session, kEnsureAddress, db::Params().set("address", address).set("now", now));
}

void AddressRepository::save(soci::session& session, const AddressRecord& record) {
    db::execute(session, kUpdateAddress,
                db::Params()
                    .set("address", record.address)
                    .set("failures", record.failures)
                    .set("window_started_at", record.window_started_at)
                    .set("blocked_until", record.blocked_until));
}

void AddressRepository::remove(soci::session& session, const std::string& address) {
    db::execute(session, kDeleteAddress, db::Params().set("address", address));
}

}  // namespace codeflix::identity::repositories
