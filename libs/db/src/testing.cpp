#include <soci/postgresql/soci-postgresql.h>

#include <codeflix/core/uuid.hpp>
#include <codeflix/db/testing.hpp>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace codeflix::db::testing {
namespace {

std::string unique_name() {
    std::string id = core::new_uuid_v7();
    std::string name = "t_";
    for (char c : id) {
        if (c != '-') name += c;
    }
    return name;
}

}  // namespace

TestDatabase::TestDatabase(Dialect dialect) : dialect_(dialect), name_(unique_name()) {
    if (dialect == Dialect::sqlite) {
        auto dir = std::filesystem::temp_directory_path() / "codeflix-tests";
        std::filesystem::create_directories(dir);
        url_ = "sqlite:" + (dir / (name_ + ".db")).string();
        return;
    }
    const char* admin = std::getenv("CODEFLIX_TEST_PG_URL");
    if (!admin || !*admin) {
        throw std::runtime_error(
            "CODEFLIX_TEST_PG_URL is not set: PostgreSQL tests need a server (./codeflix test "
            "starts one)");
    }
    admin_url_ = admin;
    auto slash = admin_url_.rfind('/');
    if (slash == std::string::npos || slash < std::string("postgresql://").size()) {
        throw std::runtime_error(
            "CODEFLIX_TEST_PG_URL must look like postgresql://user@host:port/db");
    }
    url_ = admin_url_.substr(0, slash + 1) + name_;
    auto admin_db = Database::open(admin_url_, 1);
    soci::session session(admin_db->pool());
    session << "CREATE DATABASE " + name_;
}

TestDatabase::~TestDatabase() {
    try {
        if (dialect_ == Dialect::sqlite) {
            std::string path = url_.substr(7);
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        } else {
            auto admin_db = Database::open(admin_url_, 1);
            soci::session session(admin_db->pool());
            session << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
        }
    } catch (const std::exception&) {
        // Leftovers in a throw-away server or temp folder harm nothing.
    }
}

std::vector<Dialect> all_dialects() { return {Dialect::sqlite, Dialect::postgresql}; }

std::string dialect_name(Dialect dialect) {
    return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

}  // namespace codeflix::db::testing
