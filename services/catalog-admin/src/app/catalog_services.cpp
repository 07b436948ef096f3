#include "catalog_services.hpp"

#include <algorithm>
#include <codeflix/core/clock.hpp>

#include "../repositories/relations.hpp"

namespace codeflix::catalog_admin::app {
namespace {

/// Field errors for ids of `field` that name no live row of `table`.
std::vector<core::FieldError> missing_references(soci::session& session, std::string_view table,
                                                 std::string_view field,
                                                 const std::vector<std::string>& ids) {
    std::vector<core::FieldError> errors;
    auto live = repositories::live_ids(session, table, ids);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!live.contains(ids[i])) {
            errors.push_back({std::string(field) + "[" + std::to_string(i) + "]",
                              "does not exist or was deleted"});
        }
    }
    return errors;
}

core::Result<void> unprocessable_if_any(std::vector<core::FieldError> errors,
                                        std::string_view what) {
    if (errors.empty()) return {};
    return core::Error::unprocessable(std::string(what), std::move(errors));
}

core::Result<void> unique_name(std::optional<std::string> other_id, std::string_view kind) {
    if (!other_id) return {};
    return core::Error::conflict(
        "Another " + std::string(kind) + " already has this name",
        {{"name", "is already used by " + std::string(kind) + " " + *other_id}});
}

/// A genre's categories may change only while every live video that uses the genre still meets
/// the genre/category rule afterwards.
core::Result<void> keeps_videos_valid(soci::session& session, const domain::Genre& genre) {
    auto videos = repositories::VideoRepository().using_genre(session, genre.meta.id);
    if (videos.empty()) return {};
    std::vector<std::string> genre_ids;
    for (const auto& video : videos)
        genre_ids.insert(genre_ids.end(), video.genres_id.begin(), video.genres_id.end());
    std::sort(genre_ids.begin(), genre_ids.end());
    genre_ids.erase(std::unique(genre_ids.begin(), genre_ids.end()), genre_ids.end());
    auto genre_categories = repositories::GenreRepository().categories_of(session, genre_ids);
    genre_categories[genre.meta.id] = genre.categories_id;
    for (const auto& video : videos) {
        if (!domain::check_genres_cover_categories(video.categories_id, video.genres_id,
                                                   genre_categories)
                 .empty()) {
            return core::Error::conflict(
                "Video " + video.meta.id +
                    " uses this genre and would no longer match its categories",
                {{"categories_id",
                  "would break the genre/category rule of video " + video.meta.id}});
        }
    }
    return {};
}

}  // namespace

core::Result<domain::CategoryInput> CategoryTraits::parse(const boost::json::object& body,
                                                          domain::WriteMode mode) const {
    return domain::parse_category(body, mode);
}
domain::Category CategoryTraits::apply(Entity base, const Input& input,
                                       domain::WriteMode mode) const {
    return domain::apply(std::move(base), input, mode);
}
core::Result<void> CategoryTraits::validate(soci::session& session, const Entity& category) const {
    return unique_name(Repository().find_id_by_name(session, category.name, category.meta.id),
                       kName);
}
bool CategoryTraits::in_use(soci::session& session, const std::string& id) const {
    return Repository().in_use(session, id);
}

core::Result<domain::GenreInput> GenreTraits::parse(const boost::json::object& body,
                                                    domain::WriteMode mode) const {
    return domain::parse_genre(body, mode);
}
domain::Genre GenreTraits::apply(Entity base, const Input& input, domain::WriteMode mode) const {
    return domain::apply(std::move(base), input, mode);
}
core::Result<void> GenreTraits::validate(soci::session& session, const Entity& genre) const {
    if (auto unique =
            unique_name(Repository().find_id_by_name(session, genre.name, genre.meta.id), kName);
        !unique) {
        return unique;
    }
    auto missing = unprocessable_if_any(
        missing_references(session, "categories", "categories_id", genre.categories_id),
        "Some referenced categories do not exist");
    if (!missing) return missing;
    return keeps_videos_valid(session, genre);
}
bool GenreTraits::in_use(soci::session& session, const std::string& id) const {
    return Repository().in_use(session, id);
}

core::Result<domain::CastMemberInput> CastMemberTraits::parse(const boost::json::object& body,
                                                              domain::WriteMode mode) const {
    return domain::parse_cast_member(body, mode);
}
domain::CastMember CastMemberTraits::apply(Entity base, const Input& input,
                                           domain::WriteMode mode) const {
    return domain::apply(std::move(base), input, mode);
}
core::Result<void> CastMemberTraits::validate(soci::session& /*session*/,
                                              const Entity& /*member*/) const {
    return {};
}
bool CastMemberTraits::in_use(soci::session& session, const std::string& id) const {
    return Repository().in_use(session, id);
}

core::Result<domain::VideoInput> VideoTraits::parse(const boost::json::object& body,
                                                    domain::WriteMode mode) const {
    return domain::parse_video(body, mode,
                               current_year ? current_year() : core::year_of(core::now()));
}
domain::Video VideoTraits::apply(Entity base, const Input& input, domain::WriteMode mode) const {
    return domain::apply(std::move(base), input, mode);
}
core::Result<void> VideoTraits::validate(soci::session& session, const Entity& video) const {
    auto errors = missing_references(session, "categories", "categories_id", video.categories_id);
    auto genres = missing_references(session, "genres", "genres_id", video.genres_id);
    auto cast =
        missing_references(session, "cast_members", "cast_members_id", video.cast_members_id);
    errors.insert(errors.end(), genres.begin(), genres.end());
    errors.insert(errors.end(), cast.begin(), cast.end());
    if (!errors.empty())
        return unprocessable_if_any(std::move(errors), "Some referenced records do not exist");
    auto genre_categories = repositories::GenreRepository().categories_of(session, video.genres_id);
    return unprocessable_if_any(domain::check_genres_cover_categories(
                                    video.categories_id, video.genres_id, genre_categories),
                                "Every genre must belong to one of the given categories, and the "
                                "genres must cover every category");
}
bool VideoTraits::in_use(soci::session& /*session*/, const std::string& /*id*/) const {
    return false;
}

}  // namespace codeflix::catalog_admin::app
