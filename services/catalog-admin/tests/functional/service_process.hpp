#pragma once

#include <codeflix/service/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::catalog_admin::testing {

using service::testing::Call;
using service::testing::expect_problem;
using service::testing::Reply;
using service::testing::ServiceProcess;

/// Base of catalog-admin's functional suites: the service on a database of each dialect.
class CatalogAdminTest : public service::testing::ServiceTest {
  protected:
    std::string binary() const override { return CATALOG_ADMIN_BINARY; }

    /// Creates through the API and returns the new id (asserting 201).
    std::string create(std::string_view path, std::string_view body);
    std::string create_category(std::string_view name);
    std::string create_genre(std::string_view name, const std::vector<std::string>& categories);
    std::string create_cast_member(std::string_view name, std::string_view type = "actor");
};

/// A JSON array literal of ids: ["a","b"].
std::string ids(const std::vector<std::string>& values);

}  // namespace codeflix::catalog_admin::testing
