#include "user_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::identity::repositories {
namespace {

constexpr const char* kInsert =
    "INSERT INTO users (id, email, email_key, display_name, search_key, password_hash, enabled, "
    "failed_logins, locked_until, version, created_at, updated_at) VALUES (:id, :email, "
    ":email_key, :display_name, :search_key, :password_hash, :enabled, 0, 0, 1, :created_at, "
    ":updated_at)";
constexpr const char* kInsertRole = "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)";
constexpr const char* kInsertRoleIfMissing =
    "INSERT INTO user_roles (user_id, role) SELECT :id, :role WHERE NOT EXISTS "
    "(SELECT 1 FROM user_roles WHERE user_id = :id2 AND role = :role2)";
constexpr const char* kDeleteRole = "DELETE FROM user_roles WHERE user_id = :id AND role = :role";
constexpr const char* kColumns =
    "SELECT id, email, email_key, display_name, search_key, password_hash, enabled, "
    "failed_logins, locked_until, version, created_at, updated_at FROM users ";
constexpr const char* kSelectRoles =
    "SELECT role FROM user_roles WHERE user_id = :id ORDER BY role";
constexpr const char* kListTemplate =
    "SELECT id, email, email_key, display_name, search_key, password_hash, enabled, "
    "failed_logins, locked_until, version, created_at, updated_at FROM users WHERE {where} "
    "ORDER BY {order} LIMIT :limit OFFSET :offset";
constexpr const char* kCountTemplate = "SELECT COUNT(*) FROM users WHERE {where}";
constexpr const char* kSetLoginState =
    "UPDATE users SET failed_logins = :failed, locked_until = :until WHERE id = :id";
constexpr const char* kSetPasswordHash = "UPDATE users SET password_hash = :hash WHERE id = :id";
constexpr const char* kSetEnabled =
    "UPDATE users SET enabled = :enabled, failed_logins = 0, locked_until = 0, "
    "version = version + 1, updated_at = :now WHERE id = :id";
constexpr const char* kTouch =
    "UPDATE users SET version = version + 1, updated_at = :now WHERE id = :id";

UserRecord read(const soci::row& row) {
    UserRecord user;
    user.id = db::get_text(row, 0);
    user.email = db::get_text(row, 1);
    user.email_key = db::get_text(row, 2);
    user.display_name = db::get_text(row, 3);
    user.search_key = db::get_text(row, 4);
    user.password_hash = db::get_text(row, 5);
    user.enabled = db::get_int64(row, 6) != 0;
    user.failed_logins = db::get_int64(row, 7);
    user.locked_until = db::get_int64(row, 8);
    user.version = db::get_int64(row, 9);
    user.created_at = db::get_text(row, 10);
    user.updated_at = db::get_text(row, 11);
    return user;
}

void load_roles(soci::session& session, UserRecord& user) {
    db::for_each_row(session, kSelectRoles, db::Params().set("id", user.id),
                     [&](const soci::row& row) { user.roles.push_back(db::get_text(row, 0)); });
}

std::optional<UserRecord> find_one(soci::session& session, const std::string& condition,
                                   const std::string& value, bool for_update) {
    std::string sql = std::string(kColumns) + condition;
    if (for_update && db::dialect_of(session) == db::Dialect::postgresql) sql += " FOR UPDATE";
    std::optional<UserRecord> user;
    db::for_each_row(session, sql, db::Params().set("value", value),
                     [&](const soci::row& row) { user = read(row); });
    if (user) load_roles(session, *user);
    return user;
}

std::string where(const UserFilter& filter, db::Params& params) {
    std::string clause = "1 = 1";
    if (!filter.search_key.empty()) {
        clause += " AND (search_key LIKE :q ESCAPE '\\' OR email_key LIKE :q2 ESCAPE '\\')";
        std::string pattern = "%" + db::escape_like(filter.search_key) + "%";
        params.set("q", pattern).set("q2", pattern);
    }
    if (!filter.role.empty()) {
        clause += " AND id IN (SELECT user_id FROM user_roles WHERE role = :role)";
        params.set("role", filter.role);
    }
    if (filter.enabled) {
        clause += " AND enabled = :enabled";
        params.set("enabled", *filter.enabled);
    }
    return clause;
}

}  // namespace

bool UserRepository::insert(soci::session& session, const UserRecord& user) {
    try {
        db::execute(session, kInsert,
                    db::Params()
                        .set("id", user.id)
                        .set("email", user.email)
                        .set("email_key", user.email_key)
                        .set("display_name", user.display_name)
                        .set("search_key", user.search_key)
                        .set("password_hash", user.password_hash)
                        .set("enabled", user.enabled)
                        .set("created_at", user.created_at)
                        .set("updated_at", user.updated_at));
    } catch (const soci::soci_error& e) {
        if (db::is_unique_violation(e)) return false;
        throw;
    }
    for (const auto& role : user.roles)
        db::execute(session, kInsertRole, db::Params().set("id", user.id).set("role", role));
    return true;
}

std::optional<UserRecord> UserRepository::find_by_id(soci::session& session, const std::string& id,
                                                     bool for_update) {
    return find_one(session, "WHERE id = :value", id, for_update);
}

std::optional<UserRecord> UserRepository::find_by_email_key(soci::session& session,
                                                            const std::string& email_key,
                                                            bool for_update) {
    return find_one(session, "WHERE email_key = :value", email_key, for_update);
}

std::vector<UserRecord> UserRepository::list(soci::session& session, const UserFilter& filter) {
    db::Params params;
    std::string sql = db::fill(kListTemplate, "where", where(filter, params));
    std::string order = filter.sort == "email"          ? "email_key"
                        : filter.sort == "display_name" ? "search_key"
                                                        : "created_at";
    order += filter.descending ? " DESC, id DESC" : " ASC, id ASC";
    sql = db::fill(sql, "order", order);
    params.set("limit", filter.limit).set("offset", filter.offset);
    std::vector<UserRecord> users;
    db::for_each_row(session, sql, std::move(params),
                     [&](const soci::row& row) { users.push_back(read(row)); });
    for (auto& user : users) load_roles(session, user);
    return users;
}

std::int64_t UserRepository::count(soci::session& session, const UserFilter& filter) {
    db::Params params;
    std::string sql = db::fill(kCountTemplate, "where", where(filter, params));
    return db::query_int(session, sql, std::move(params));
}

void UserRepository::set_login_state(soci::session& session, const std::string& id,
                                     std::int64_t failed_logins, std::int64_t locked_until) {
    db::execute(session, kSetLoginState,
                db::Params().set("failed", failed_logins).set("until", locked_until).set("id", id));
}

void UserRepository::set_password_hash(soci::session& session, const std::string& id,
                                       const std::string& hash) {
    db::execute(session, kSetPasswordHash, db::Params().set("hash", hash).set("id", id));
}

void UserRepository::set_enabled(soci::session& session, const std::string& id, bool enabled,
                                 const std::string& now) {
    db::execute(session, kSetEnabled,
                db::Params().set("enabled", enabled).set("now", now).set("id", id));
}

void UserRepository::add_role(soci::session& session, const std::string& id,
                              const std::string& role) {
    db::execute(session, kInsertRoleIfMissing,
                db::Params().set("id", id).set("role", role).set("id2", id).set("role2", role));
}

void UserRepository::remove_role(soci::session& session, const std::string& id,
                                 const std::string& role) {
    db::execute(session, kDeleteRole, db::Params().set("id", id).set("role", role));
}

void UserRepository::touch(soci::session& session, const std::string& id, const std::string& now) {
    db::execute(session, kTouch, db::Params().set("now", now).set("id", id));
}

}  // namespace codeflix::identity::repositories
