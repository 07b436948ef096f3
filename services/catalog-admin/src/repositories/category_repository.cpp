#include "category_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

#include "relations.hpp"

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kSelectCategory =
    "SELECT t.id, t.name, t.description, t.is_active, t.version, t.created_at, t.updated_at FROM "
    "categories t";
constexpr const char* kCountCategories = "SELECT COUNT(*) FROM categories t";
constexpr const char* kFindCategory =
    "SELECT t.id, t.name, t.description, t.is_active, t.version, t.created_at, t.updated_at FROM "
    "categories t "
    "WHERE t.id = :id AND t.deleted_at IS NULL";
constexpr const char* kInsertCategory =
    "INSERT INTO categories (id, name, name_key, search_key, description, is_active, version, "
    "created_at, updated_at) "
    "VALUES (:id, :name, :name_key, :search_key, :description, :is_active, :version, :created_at, "
    ":updated_at)";
constexpr const char* kUpdateCategory =
    "UPDATE categories SET name = :name, name_key = :name_key, search_key = :search_key, "
    "description = :description, "
    "is_active = :is_active, version = :version, updated_at = :updated_at "
    "WHERE id = :id AND version = :expected AND deleted_at IS NULL";

domain::Category from_row(const soci::row& row) {
    domain::Category c;
    c.meta.id = db::get_text(row, 0);
    c.name = db::get_text(row, 1);
    c.description = db::get_optional_text(row, 2);
    c.is_active = db::get_int64(row, 3) != 0;
    c.meta.version = db::get_int64(row, 4);
    c.meta.created_at = db::get_text(row, 5);
    c.meta.updated_at = db::get_text(row, 6);
    return c;
}

db::Params write_params(const domain::Category& c) {
    db::Params p;
    p.set("id", c.meta.id)
        .set("name", c.name)
        .set("name_key", core::casefold(c.name))
        .set("search_key", core::search_fold(c.name))
        .set("description", c.description)
        .set("is_active", c.is_active)
        .set("version", c.meta.version)
        .set("updated_at", c.meta.updated_at);
    return p;
}

}  // namespace

const ListSpec& CategoryRepository::list_spec() {
    static const ListSpec spec{
        kSelectCategory,
        kCountCategories,
        "t.search_key",
        "t.created_at",
        {{"name", "t.search_key"}, {"created_at", "t.created_at"}, {"updated_at", "t.updated_at"}},
        {{"is_active", FilterKind::boolean, "t.is_active = :is_active"}},
    };
    return spec;
}

namespace {
const TableMapping<domain::Category> kMapping{
    CategoryRepository::kTable,     kFindCategory, kInsertCategory, kUpdateCategory,
    &CategoryRepository::list_spec, from_row,      write_params};
}  // namespace

CategoryRepository::CategoryRepository() : TableRepository(kMapping) {}

std::optional<std::string> CategoryRepository::find_id_by_name(soci::session& session,
                                                               const std::string& name,
                                                               const std::string& except_id) const {
    return find_live_id_by_name(session, "categories", name, except_id);
}

bool CategoryRepository::in_use(soci::session& session, const std::string& id) const {
    return has_live_owner(session, kGenreCategories, "genres", id) ||
           has_live_owner(session, kVideoCategories, "videos", id);
}

}  // namespace codeflix::catalog_admin::repositories
