#pragma once

#include <soci/soci.h>

#include <codeflix/http/listing.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codeflix::catalog_admin::repositories {

/// A validated list request: the HTTP layer checks every name and value against a ListSpec.
struct ListRequest : http::Page {
    std::vector<std::pair<std::string, std::string>> filters;
};

enum class FilterKind { uuid, integer, boolean, choice };

struct FilterSpec {
    std::string_view name;
    FilterKind kind;
    /// SQL condition that uses the parameter :<name>.
    std::string_view condition;
    std::vector<std::string_view> choices = {};
};

/// What a resource's list allows, and the SQL behind each part.
struct ListSpec {
    std::string_view select;         ///< "SELECT <columns> FROM <table> t"
    std::string_view count;          ///< "SELECT COUNT(*) FROM <table> t"
    std::string_view search_column;  ///< folded text the q filter matches
    std::string_view default_sort;
    std::vector<std::pair<std::string_view, std::string_view>> sorts;  ///< field -> expression
    std::vector<FilterSpec> filters;
};

/// Runs one page of a list over live rows; calls `on_row` per row and returns the total count.
std::int64_t run_list(soci::session& session, const ListSpec& spec, const ListRequest& request,
                      const std::function<void(const soci::row&)>& on_row);

}  // namespace codeflix::catalog_admin::repositories
