#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/url/parse.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/db/database.hpp>
#include <filesystem>
#include <mutex>

namespace codeflix::db {
namespace {

std::string conninfo_value(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

/// libpq keyword/value form of a postgresql:// URL (SOCI 4.0 mangles URLs it is given directly).
std::string to_conninfo(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) throw core::ConfigError("database URL is not a valid postgresql:// URL");
    std::string info;
    auto add = [&](std::string_view key, std::string_view value) {
        if (value.empty()) return;
        if (!info.empty()) info += ' ';
        info += std::string(key) + "=" + conninfo_value(value);
    };
    add("host", parsed->host());
    add("port", parsed->port());
    add("user", parsed->user());
    add("password", parsed->password());
    std::string path = parsed->path();
    add("dbname", path.starts_with('/') ? path.substr(1) : path);
    for (auto param : parsed->params()) add(param.key, param.value);
    return info;
}

/// Process-wide SQLite settings, before the first connection: each pooled connection is used by
/// one thread at a time (multi-thread mode, no per-connection mutex), and the global memory
/// statistics, which take a global mutex on every allocation, are off.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

}  // namespace

Database::Database(Dialect dialect, std::size_t pool_size)
    : dialect_(dialect), pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(std::string_view url, std::size_t pool_size) {
    if (url.starts_with("sqlite:")) {
        std::string path(url.substr(7));
        if (path.starts_with("//")) path.erase(0, 2);
        if (path.empty() || path.find_first_of("\"'") != std::string::npos) {
            throw core::ConfigError("database URL \"" + std::string(url) +
                                    "\" has no usable file path");
        }
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        configure_sqlite_once();
        std::unique_ptr<Database> db(new Database(Dialect::sqlite, pool_size));
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& s = db->pool_->at(i);
            s.open(soci::sqlite3, "db=\"" + path + "\" timeout=10");
            s << "PRAGMA journal_mode=WAL";
            s << "PRAGMA synchronous=NORMAL";
            s << "PRAGMA foreign_keys=ON";
            s << "PRAGMA busy_timeout=10000";
            // Reads map the file instead of copying pages through read(2); temporary b-trees
            // (sorts, materialized subqueries) stay in memory.
            s << "PRAGMA mmap_size=268435456";
            s << "PRAGMA temp_store=MEMORY";
        }
        return db;
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        std::unique_ptr<Database> db(new Database(Dialect::postgresql, pool_size));
        for (std::size_t i = 0; i < pool_size; ++i) {
            db->pool_->at(i).open(soci::postgresql, to_conninfo(url));
        }
        return db;
    }
    throw core::ConfigError("database URL must start with sqlite: or postgresql:// (got \"" +
                            std::string(url.substr(0, url.find(':'))) + ":...\")");
}

void Database::begin(soci::session& session) {
    session << (dialect_ == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Database::rollback(soci::session& session) noexcept {
    try {
        session << "ROLLBACK";
    } catch (...) {
        // The connection is broken; nothing is committed either way.
    }
}

bool Database::ping() {
    try {
        soci::session session(*pool_);
        int one = 0;
        session << "SELECT 1", soci::into(one);
        return one == 1;
    } catch (const std::exception&) {
        return false;
    }
}

void Database::recover(soci::session& session, const soci::soci_error& error) noexcept {
    if (!is_unavailable(error)) return;
    try {
        session.reconnect();
    } catch (...) {
        // Still unreachable; the next request tries again.
    }
}

bool is_unavailable(const soci::soci_error& error) {
    if (error.get_error_category() == soci::soci_error::connection_error) return true;
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        std::string state = pg->sqlstate();
        return state.starts_with("08") || state.starts_with("57P") || state == "53300";
    }
    std::string_view what = error.what();
    return what.find("database is locked") != std::string_view::npos ||
           what.find("server closed the connection") != std::string_view::npos ||
           what.find("no connection to the server") != std::string_view::npos;
}

Dialect dialect_of(soci::session& session) {
    return session.get_backend_name() == "postgresql" ? Dialect::postgresql : Dialect::sqlite;
}

bool is_unique_violation(const soci::soci_error& error) {
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        return pg->sqlstate() == "23505";
    }
    return std::string_view(error.what()).find("UNIQUE constraint failed") !=
           std::string_view::npos;
}

std::string escape_like(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::int64_t get_int64(const soci::row& row, std::size_t index) {
    switch (row.get_properties(index).get_data_type()) {
        case soci::dt_integer:
            return row.get<int>(index);
        case soci::dt_long_long:
            return row.get<long long>(index);
        case soci::dt_unsigned_long_long:
            return static_cast<std::int64_t>(row.get<unsigned long long>(index));
        case soci::dt_double:
            return static_cast<std::int64_t>(row.get<double>(index));
        case soci::dt_string:
            return std::stoll(row.get<std::string>(index));
        default:
            throw soci::soci_error("column " + std::to_string(index) + " is not an integer");
    }
}

std::string get_text(const soci::row& row, std::size_t index) {
    return row.get<std::string>(index);
}

std::optional<std::string> get_optional_text(const soci::row& row, std::size_t index) {
    if (row.get_indicator(index) == soci::i_null) return std::nullopt;
    return row.get<std::string>(index);
}

}  // namespace codeflix::db
