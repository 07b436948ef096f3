# Every dependency comes from Debian 12 packages (see README and ./codeflix).
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url)
find_package(CURL REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(prometheus-cpp CONFIG REQUIRED)
find_package(GTest REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc)

# SOCI 4.0 in Debian ships neither a CMake config nor a pkg-config file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci::soci INTERFACE IMPORTED)
target_include_directories(soci::soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci::soci INTERFACE
  ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
  SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

# libsodium (argon2id password hashing, constant-time comparison) ships a pkg-config file.
find_package(PkgConfig REQUIRED)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)

# rabbitmq-c 0.11 (librabbitmq-dev) ships a CMake package: target rabbitmq::rabbitmq.
find_package(rabbitmq-c CONFIG REQUIRED)
