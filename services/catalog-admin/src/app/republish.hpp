#pragma once

#include <codeflix/db/database.hpp>
#include <cstdint>

namespace codeflix::catalog_admin::app {

/// Writes a `codeflix.catalog.<aggregate>.updated.v1` event with the current state of every live
/// category, genre, cast member and video to the outbox, a page per transaction. Consumers apply
/// only what is newer than what they hold, so this fills an empty read model (a new consumer, a
/// catalog that predates the events) and changes nothing elsewhere. Returns the events written.
std::int64_t republish(db::Database& database);

/// `codeflix-catalog-admin republish`: opens the database (DB_URL), migrates it and runs
/// republish(); the running service publishes what it wrote. Returns the exit code.
int republish_command(const char* command);

}  // namespace codeflix::catalog_admin::app
