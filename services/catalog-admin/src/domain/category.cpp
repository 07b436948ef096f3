#include "category.hpp"

namespace codeflix::catalog_admin::domain {

core::Result<CategoryInput> parse_category(const boost::json::object& body, WriteMode mode) {
    core::ObjectReader reader(body, {"name", "description", "is_active"});
    CategoryInput input;
    input.name = reader.string("name", 1, kNameMaxChars);
    input.description = reader.nullable_string("description", kDescriptionMaxChars, true);
    input.is_active = reader.boolean("is_active");
    if (auto done = finish(reader, mode, {"name"}); !done) return done.error();
    return input;
}

Category apply(Category base, const CategoryInput& input, WriteMode mode) {
    if (mode == WriteMode::replace) {
        base.description.reset();
        base.is_active = true;
    }
    if (input.name) base.name = *input.name;
    if (input.description) base.description = *input.description;
    if (input.is_active) base.is_active = *input.is_active;
    return base;
}

}  // namespace codeflix::catalog_admin::domain
