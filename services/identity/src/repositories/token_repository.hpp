#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace codeflix::identity::repositories {

/// A browser login (the SSO session behind the session cookie, whose hash is stored).
struct SessionRecord {
    std::string id;
    std::string token_hash;
    std::string user_id;
    std::int64_t auth_time = 0;
    std::int64_t expires_at = 0;
};

struct CodeRecord {
    std::string code_hash;
    std::string client_id;
    std::string user_id;
    std::string session_id;
    std::string redirect_uri;
    std::optional<std::string> code_challenge;
    std::string scope;
    std::optional<std::string> nonce;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
    std::optional<std::string> family_id;
};

struct RefreshRecord {
    std::string id;
    std::string family_id;
    std::string user_id;
    std::string client_id;
    std::string session_id;
    std::string scope;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
    std::optional<std::int64_t> revoked_at;
};

struct SessionRepository {
    static void insert(soci::session& session, const SessionRecord& record);
    /// The live session (not ended, not expired) with this cookie hash.
    static std::optional<SessionRecord> find_live(soci::session& session,
                                                  const std::string& token_hash, std::int64_t now);
    static std::optional<SessionRecord> find_live_by_id(soci::session& session,
                                                        const std::string& id, std::int64_t now);
    static void end(soci::session& session, const std::string& id, std::int64_t now);
    static void end_all_of_user(soci::session& session, const std::string& user_id,
                                std::int64_t now);
};

struct CodeRepository {
    static void insert(soci::session& session, const CodeRecord& record);
    static std::optional<CodeRecord> find(soci::session& session, const std::string& code_hash,
                                          bool for_update);
    /// Marks the code used and remembers the refresh-token family it started; false when it was
    /// used already (a concurrent exchange won).
    static bool consume(soci::session& session, const std::string& code_hash,
                        const std::string& family_id, std::int64_t now);
    static void prune(soci::session& session, std::int64_t cutoff);
};

struct RefreshRepository {
    static void insert(soci::session& session, const RefreshRecord& record);
    static std::optional<RefreshRecord> find(soci::session& session, const std::string& id,
                                             bool for_update);
    /// Marks a live token used (rotated); false when it was used or revoked already.
    static bool consume(soci::session& session, const std::string& id, std::int64_t now);
    static void revoke_family(soci::session& session, const std::string& family_id,
                              std::int64_t now);
    static void revoke_session(soci::session& session, const std::string& session_id,
                               std::int64_t now);
    static void revoke_user(soci::session& session, const std::string& user_id, std::int64_t now);
    static void prune(soci::session& session, std::int64_t cutoff);
};

/// Failed logins per source address (brute-force protection across accounts).
struct AddressRecord {
    std::string address;
    std::int64_t failures = 0;
    std::int64_t window_started_at = 0;
    std::int64_t blocked_until = 0;
};

struct AddressRepository {
    static std::optional<AddressRecord> find(soci::session& session, const std::string& address,
                                             bool for_update);
    /// Creates the address's row (no failures) unless it exists; safe under concurrency.
    static void ensure(soci::session& session, const std::string& address, std::int64_t now);
    static void save(soci::session& session, const AddressRecord& record);
    static void remove(soci::session& session, const std::string& address);
};

}  // namespace codeflix::identity::repositories
