#include <algorithm>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/db/migrations.hpp>

namespace codeflix::db {
namespace {

// A fixed key for pg_advisory_xact_lock: copies of a service migrate one at a time.
constexpr long long kMigrationLock = 0x636f6465666c6978LL;

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr const char* kSelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char* kInsertVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, "
    ":applied_at)";

void lock_for_migration(Database& database, soci::session& session) {
    if (database.dialect() == Dialect::postgresql) {
        session << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")";
    }
}

int current_version(soci::session& session) {
    long long version = 0;
    session << kSelectVersion, soci::into(version);
    return static_cast<int>(version);
}

}  // namespace

std::vector<std::string> split_statements(std::string_view sql) {
    std::vector<std::string> statements;
    std::string current;
    std::size_t pos = 0;
    while (pos < sql.size()) {
        std::size_t end = sql.find('\n', pos);
        if (end == std::string_view::npos) end = sql.size();
        std::string_view line = sql.substr(pos, end - pos);
        pos = end + 1;
        std::string_view trimmed = line;
        while (!trimmed.empty() &&
               (trimmed.back() == ' ' || trimmed.back() == '\r' || trimmed.back() == '\t'))
            trimmed.remove_suffix(1);
        std::size_t first = trimmed.find_first_not_of(" \t");
        if (first == std::string_view::npos || trimmed.substr(first).starts_with("--")) continue;
        current.append(trimmed);
        current += '\n';
        if (trimmed.ends_with(';')) {
            current.erase(current.size() - 2);  // the semicolon and newline
            statements.push_back(std::move(current));
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\n") != std::string::npos) statements.push_back(current);
    return statements;
}

int migrate(Database& database, const std::vector<Migration>& all) {
    std::vector<Migration> migrations;
    std::copy_if(all.begin(), all.end(), std::back_inserter(migrations),
                 [&](const Migration& m) { return m.dialect == database.dialect(); });
    std::sort(migrations.begin(), migrations.end(),
              [](const auto& a, const auto& b) { return a.version < b.version; });
    int newest_known = migrations.empty() ? 0 : migrations.back().version;

    database.transaction([&](soci::session& session) {
        lock_for_migration(database, session);
        session << kCreateTable;
        return 0;
    });
    int applied =
        database.with_session([](soci::session& session) { return current_version(session); });
    if (applied > newest_known) {
        throw MigrationError("the database schema is at version " + std::to_string(applied) +
                             ", newer than this build knows (" + std::to_string(newest_known) +
                             "); refusing to start");
    }
    for (const auto& migration : migrations) {
        database.transaction([&](soci::session& session) {
            lock_for_migration(database, session);
            if (current_version(session) >= migration.version) return 0;  // another copy did it
            for (const auto& statement : split_statements(migration.sql)) session << statement;
            std::string name = migration.name;
            std::string now = core::to_rfc3339(core::now());
            session << kInsertVersion, soci::use(migration.version), soci::use(name),
                soci::use(now);
            log::info("migration applied", {{"version", migration.version}, {"name", name}});
            return 0;
        });
    }
    return database.with_session([](soci::session& session) { return current_version(session); });
}

}  // namespace codeflix::db
