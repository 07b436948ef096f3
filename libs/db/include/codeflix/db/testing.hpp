#pragma once

#include <codeflix/db/database.hpp>
#include <memory>
#include <string>
#include <vector>

namespace codeflix::db::testing {

/// A database made for one test and dropped after it: a temporary SQLite file, or a fresh
/// PostgreSQL database on the server named by CODEFLIX_TEST_PG_URL (`./codeflix test` starts one).
class TestDatabase {
  public:
    explicit TestDatabase(Dialect dialect);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }
    Dialect dialect() const { return dialect_; }

  private:
    Dialect dialect_;
    std::string url_;
    std::string admin_url_;
    std::string name_;
};

/// Both dialects: every repository test runs against each.
std::vector<Dialect> all_dialects();
std::string dialect_name(Dialect dialect);

}  // namespace codeflix::db::testing

/// Instantiates a value-parameterised suite (parameter db::Dialect) once per dialect.
#define CODEFLIX_DIALECTS(suite)                                                               \
    INSTANTIATE_TEST_SUITE_P(Dialects, suite,                                                  \
                             ::testing::ValuesIn(codeflix::db::testing::all_dialects()),       \
                             [](const auto& param_info) {                                      \
                                 return codeflix::db::testing::dialect_name(param_info.param); \
                             })
