#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::identity::repositories {

struct UserRecord {
    std::string id;
    std::string email;
    std::string email_key;
    std::string display_name;
    std::string search_key;
    std::string password_hash;
    bool enabled = true;
    std::int64_t failed_logins = 0;
    std::int64_t locked_until = 0;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
    std::vector<std::string> roles;
};

struct UserFilter {
    std::string search_key;  ///< accent- and case-folded text the email or name must contain
    std::string role;
    std::optional<bool> enabled;
    std::string sort = "created_at";  ///< created_at | email | display_name (whitelisted)
    bool descending = false;
    std::int64_t limit = 15;
    std::int64_t offset = 0;
};

struct UserRepository {
    /// false when the email is taken (unique violation).
    static bool insert(soci::session& session, const UserRecord& user);
    /// `for_update` locks the row on PostgreSQL (lockout counters, admin changes).
    static std::optional<UserRecord> find_by_id(soci::session& session, const std::string& id,
                                                bool for_update = false);
    static std::optional<UserRecord> find_by_email_key(soci::session& session,
                                                       const std::string& email_key,
                                                       bool for_update = false);
    static std::vector<UserRecord> list(soci::session& session, const UserFilter& filter);
    static std::int64_t count(soci::session& session, const UserFilter& filter);

    static void set_login_state(soci::session& session, const std::string& id,
                                std::int64_t failed_logins, std::int64_t locked_until);
    static void set_password_hash(soci::session& session, const std::string& id,
                                  const std::string& hash);
    /// Enables or disables, bumping version and updated_at.
    static void set_enabled(soci::session& session, const std::string& id, bool enabled,
                            const std::string& now);
    static void add_role(soci::session& session, const std::string& id, const std::string& role);
    static void remove_role(soci::session& session, const std::string& id, const std::string& role);
    static void touch(soci::session& session, const std::string& id, const std::string& now);
};

}  // namespace codeflix::identity::repositories
