#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"

namespace codeflix::catalog_admin::domain {

struct Genre {
    Meta meta;
    std::string name;
    bool is_active = true;
    std::vector<std::string> categories_id;
};

struct GenreInput {
    std::optional<std::string> name;
    std::optional<bool> is_active;
    std::optional<std::vector<std::string>> categories_id;
};

core::Result<GenreInput> parse_genre(const boost::json::object& body, WriteMode mode);
Genre apply(Genre base, const GenreInput& input, WriteMode mode);

}  // namespace codeflix::catalog_admin::domain
