#include "genre.hpp"

namespace codeflix::catalog_admin::domain {

core::Result<GenreInput> parse_genre(const boost::json::object& body, WriteMode mode) {
    core::ObjectReader reader(body, {"name", "is_active", "categories_id"});
    GenreInput input;
    input.name = reader.string("name", 1, kNameMaxChars);
    input.is_active = reader.boolean("is_active");
    input.categories_id = reader.uuid_array("categories_id", 1, kMaxIdsPerList);
    if (auto done = finish(reader, mode, {"name", "categories_id"}); !done) return done.error();
    return input;
}

Genre apply(Genre base, const GenreInput& input, WriteMode mode) {
    if (mode == WriteMode::replace) base.is_active = true;
    if (input.name) base.name = *input.name;
    if (input.is_active) base.is_active = *input.is_active;
    if (input.categories_id) base.categories_id = *input.categories_id;
    return base;
}

}  // namespace codeflix::catalog_admin::domain
