#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::identity::repositories {

struct StoredKey {
    std::string kid;
    std::string private_key_pem;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> retired_at;
};

/// The realm's RS256 signing keys: one active (retired_at NULL), older ones kept until the tokens
/// they signed have expired.
struct KeyRepository {
    static std::vector<StoredKey> all(soci::session& session);
    static void insert(soci::session& session, const StoredKey& key);
    /// Retires every active key but `kid`.
    static void retire_others(soci::session& session, const std::string& kid, std::int64_t now);
    /// Deletes keys retired before `cutoff`.
    static void prune(soci::session& session, std::int64_t cutoff);
    /// Serialises key creation between copies of the service (PostgreSQL advisory lock; SQLite
    /// transactions already hold the write lock).
    static void lock(soci::session& session);
};

}  // namespace codeflix::identity::repositories
