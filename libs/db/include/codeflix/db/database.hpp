#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace codeflix::db {

enum class Dialect { sqlite, postgresql };

template <class T>
struct IsResult : std::false_type {};

/// A pool of SOCI sessions on one database, SQLite (`sqlite:PATH`) or PostgreSQL
/// (`postgresql://...`). SQLite runs in WAL mode with a busy timeout and foreign keys on.
class Database {
  public:
    /// Throws core::ConfigError for a malformed URL, soci::soci_error when it cannot connect.
    static std::unique_ptr<Database> open(std::string_view url, std::size_t pool_size);
    ~Database();

    Dialect dialect() const { return dialect_; }
    soci::connection_pool& pool() { return *pool_; }

    /// Runs fn(session) on a session leased from the pool.
    template <class F>
    auto with_session(F&& fn) {
        soci::session session(*pool_);
        try {
            return fn(session);
        } catch (const soci::soci_error& e) {
            recover(session, e);
            throw;
        }
    }

    /// Runs fn(session) in a transaction: committed when fn returns (a Result only when ok),
    /// rolled back when it throws or returns a failed Result. SQLite transactions take the write
    /// lock up front (BEGIN IMMEDIATE), so concurrent writers wait instead of failing.
    template <class F>
    auto transaction(F&& fn) {
        soci::session session(*pool_);
        try {
            begin(session);
        } catch (const soci::soci_error& e) {
            recover(session, e);
            throw;
        }
        try {
            auto result = fn(session);
            if constexpr (requires { result.ok(); }) {
                if (!result.ok()) {
                    rollback(session);
                    return result;
                }
            }
            session << "COMMIT";
            return result;
        } catch (const soci::soci_error& e) {
            rollback(session);
            recover(session, e);
            throw;
        } catch (...) {
            rollback(session);
            throw;
        }
    }

    /// True when a trivial query answers.
    bool ping();

  private:
    Database(Dialect dialect, std::size_t pool_size);
    void begin(soci::session& session);
    static void rollback(soci::session& session) noexcept;
    /// After a lost connection, reconnects the session so the pool heals for the next request.
    static void recover(soci::session& session, const soci::soci_error& error) noexcept;

    Dialect dialect_;
    std::unique_ptr<soci::connection_pool> pool_;
};

/// The dialect a session speaks.
Dialect dialect_of(soci::session& session);

/// True when `error` is a unique-constraint violation (SQLite or PostgreSQL SQLSTATE 23505).
bool is_unique_violation(const soci::soci_error& error);

/// True when `error` means the database cannot be reached or is busy (connection lost, server
/// shutting down, SQLite lock timeout): the request may succeed later, so it is a 503.
bool is_unavailable(const soci::soci_error& error);

/// Escapes %, _ and \ for `LIKE :pattern ESCAPE '\'`.
std::string escape_like(std::string_view text);

/// Column readers that hide SOCI's backend-specific integer types (SQLite INTEGER is
/// dt_integer, PostgreSQL BIGINT dt_long_long).
std::int64_t get_int64(const soci::row& row, std::size_t index);
std::string get_text(const soci::row& row, std::size_t index);
std::optional<std::string> get_optional_text(const soci::row& row, std::size_t index);

}  // namespace codeflix::db
