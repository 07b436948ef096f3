#include "video.hpp"

#include <algorithm>
#include <set>

namespace codeflix::catalog_admin::domain {

bool is_rating(std::string_view text) {
    return std::find(kRatings.begin(), kRatings.end(), text) != kRatings.end();
}

core::Result<VideoInput> parse_video(const boost::json::object& body, WriteMode mode,
                                     int current_year) {
    core::ObjectReader reader(
        body, {"title", "description", "year_launched", "opened", "rating", "duration", "published",
               "categories_id", "genres_id", "cast_members_id"});
    VideoInput input;
    input.title = reader.string("title", 1, kNameMaxChars);
    input.description = reader.string("description", 1, kDescriptionMaxChars, true);
    input.year_launched =
        reader.integer("year_launched", kFirstFilmYear, current_year + kYearsAhead);
    input.opened = reader.boolean("opened");
    if (auto rating = reader.string("rating", 1, 16)) {
        if (is_rating(*rating))
            input.rating = *rating;
        else
            reader.add_error("rating", "must be one of L, 10, 12, 14, 16, 18");
    }
    input.duration = reader.integer("duration", 1, kMaxDurationMinutes);
    input.published = reader.boolean("published");
    input.categories_id = reader.uuid_array("categories_id", 1, kMaxIdsPerList);
    input.genres_id = reader.uuid_array("genres_id", 1, kMaxIdsPerList);
    input.cast_members_id = reader.uuid_array("cast_members_id", 0, kMaxIdsPerList);
    if (auto done = finish(reader, mode,
                           {"title", "description", "year_launched", "rating", "duration",
                            "categories_id", "genres_id"});
        !done) {
        return done.error();
    }
    return input;
}

Video apply(Video base, const VideoInput& input, WriteMode mode) {
    if (mode == WriteMode::replace) {
        base.opened = false;
        base.published = false;
        base.cast_members_id.clear();
    }
    if (input.title) base.title = *input.title;
    if (input.description) base.description = *input.description;
    if (input.year_launched) base.year_launched = static_cast<int>(*input.year_launched);
    if (input.opened) base.opened = *input.opened;
    if (input.rating) base.rating = *input.rating;
    if (input.duration) base.duration = static_cast<int>(*input.duration);
    if (input.published) base.published = *input.published;
    if (input.categories_id) base.categories_id = *input.categories_id;
    if (input.genres_id) base.genres_id = *input.genres_id;
    if (input.cast_members_id) base.cast_members_id = *input.cast_members_id;
    return base;
}

std::vector<core::FieldError> check_genres_cover_categories(
    const std::vector<std::string>& categories_id, const std::vector<std::string>& genres_id,
    const std::map<std::string, std::vector<std::string>>& genre_categories) {
    std::vector<core::FieldError> errors;
    std::set<std::string> wanted(categories_id.begin(), categories_id.end());
    std::set<std::string> covered;
    for (std::size_t i = 0; i < genres_id.size(); ++i) {
        auto it = genre_categories.find(genres_id[i]);
        bool belongs = false;
        if (it != genre_categories.end()) {
            for (const auto& category : it->second) {
                if (wanted.contains(category)) {
                    belongs = true;
                    covered.insert(category);
                }
            }
        }
        if (!belongs) {
            errors.push_back({"genres_id[" + std::to_string(i) + "]",
                              "the genre belongs to none of the given categories"});
        }
    }
    for (std::size_t i = 0; i < categories_id.size(); ++i) {
        if (!covered.contains(categories_id[i])) {
            errors.push_back({"categories_id[" + std::to_string(i) + "]",
                              "none of the given genres belongs to this category"});
        }
    }
    return errors;
}

}  // namespace codeflix::catalog_admin::domain
