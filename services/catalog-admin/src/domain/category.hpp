#pragma once

#include <optional>
#include <string>

#include "common.hpp"

namespace codeflix::catalog_admin::domain {

struct Category {
    Meta meta;
    std::string name;
    std::optional<std::string> description;
    bool is_active = true;
};

/// The fields a write carries; absent ones are nullopt.
struct CategoryInput {
    std::optional<std::string> name;
    std::optional<std::optional<std::string>> description;
    std::optional<bool> is_active;
};

core::Result<CategoryInput> parse_category(const boost::json::object& body, WriteMode mode);

/// `base` with the input applied (replace resets absent optional fields to their defaults).
Category apply(Category base, const CategoryInput& input, WriteMode mode);

}  // namespace codeflix::catalog_admin::domain
