#include "genre_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

#include "relations.hpp"

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kSelectGenre =
    "SELECT t.id, t.name, t.is_active, t.version, t.created_at, t.updated_at FROM genres t";
constexpr const char* kCountGenres = "SELECT COUNT(*) FROM genres t";
constexpr const char* kFindGenre =
    "SELECT t.id, t.name, t.is_active, t.version, t.created_at, t.updated_at FROM genres t "
    "WHERE t.id = :id AND t.deleted_at IS NULL";
constexpr const char* kInsertGenre =
    "INSERT INTO genres (id, name, name_key, search_key, is_active, version, created_at, "
    "updated_at) "
    "VALUES (:id, :name, :name_key, :search_key, :is_active, :version, :created_at, :updated_at)";
constexpr const char* kUpdateGenre =
    "UPDATE genres SET name = :name, name_key = :name_key, search_key = :search_key, is_active = "
    ":is_active, "
    "version = :version, updated_at = :updated_at WHERE id = :id AND version = :expected AND "
    "deleted_at IS NULL";
constexpr const char* kGenreInCategory =
    "EXISTS (SELECT 1 FROM genre_categories gc WHERE gc.genre_id = t.id AND gc.category_id = "
    ":category_id)";

domain::Genre from_row(const soci::row& row) {
    domain::Genre g;
    g.meta.id = db::get_text(row, 0);
    g.name = db::get_text(row, 1);
    g.is_active = db::get_int64(row, 2) != 0;
    g.meta.version = db::get_int64(row, 3);
    g.meta.created_at = db::get_text(row, 4);
    g.meta.updated_at = db::get_text(row, 5);
    return g;
}

db::Params write_params(const domain::Genre& g) {
    db::Params p;
    p.set("id", g.meta.id)
        .set("name", g.name)
        .set("name_key", core::casefold(g.name))
        .set("search_key", core::search_fold(g.name))
        .set("is_active", g.is_active)
        .set("version", g.meta.version)
        .set("updated_at", g.meta.updated_at);
    return p;
}

void attach_categories(soci::session& session, std::vector<domain::Genre>& genres) {
    std::vector<std::string> ids;
    ids.reserve(genres.size());
    for (const auto& g : genres) ids.push_back(g.meta.id);
    auto links = load_links(session, {kGenreCategories}, ids).front();
    for (auto& g : genres) g.categories_id = links[g.meta.id];
}

void write_genre_links(soci::session& session, const domain::Genre& genre) {
    replace_links(session, kGenreCategories, genre.meta.id, genre.categories_id);
}

}  // namespace

const ListSpec& GenreRepository::list_spec() {
    static const ListSpec spec{
        kSelectGenre,
        kCountGenres,
        "t.search_key",
        "t.created_at",
        {{"name", "t.search_key"}, {"created_at", "t.created_at"}, {"updated_at", "t.updated_at"}},
        {{"is_active", FilterKind::boolean, "t.is_active = :is_active"},
         {"category_id", FilterKind::uuid, kGenreInCategory}},
    };
    return spec;
}

namespace {
const TableMapping<domain::Genre> kMapping{GenreRepository::kTable,
                                           kFindGenre,
                                           kInsertGenre,
                                           kUpdateGenre,
                                           &GenreRepository::list_spec,
                                           from_row,
                                           write_params,
                                           attach_categories,
                                           write_genre_links};
}  // namespace

GenreRepository::GenreRepository() : TableRepository(kMapping) {}

std::optional<std::string> GenreRepository::find_id_by_name(soci::session& session,
                                                            const std::string& name,
                                                            const std::string& except_id) const {
    return find_live_id_by_name(session, "genres", name, except_id);
}

bool GenreRepository::in_use(soci::session& session, const std::string& id) const {
    return has_live_owner(session, kVideoGenres, "videos", id);
}

std::map<std::string, std::vector<std::string>> GenreRepository::categories_of(
    soci::session& session, const std::vector<std::string>& genre_ids) const {
    return load_links(session, {kGenreCategories}, genre_ids, true).front();
}

}  // namespace codeflix::catalog_admin::repositories
