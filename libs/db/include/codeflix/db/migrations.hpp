#pragma once

#include <codeflix/db/database.hpp>
#include <stdexcept>
#include <vector>

namespace codeflix::db {

/// One versioned schema change for one dialect; files are migrations/<dialect>/NNN_name.sql.
struct Migration {
    Dialect dialect;
    int version;
    const char* name;
    const char* sql;
};

/// Thrown when the database cannot be brought to the code's schema.
class MigrationError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Applies every pending migration of the database's dialect, each in its own transaction, safe
/// against copies of the service migrating at the same time. Refuses (MigrationError) a database
/// whose schema is newer than the newest migration the code knows. Returns the schema version.
int migrate(Database& database, const std::vector<Migration>& migrations);

/// Splits a migration script into statements at semicolons that end a line.
std::vector<std::string> split_statements(std::string_view sql);

}  // namespace codeflix::db
