#include "src/domain/video.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/json.hpp>

using namespace codeflix::catalog_admin::domain;

namespace {
boost::json::object obj(std::string_view text) {
    return codeflix::core::parse_json(text)->as_object();
}
constexpr const char* kCat = "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";
constexpr const char* kGen = "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6c";

std::string video_json(std::string_view override_fields) {
    return std::string(
               R"({"title":"T","description":"D","year_launched":2000,"rating":"L","duration":90,)") +
           R"("categories_id":[")" + kCat + R"("],"genres_id":[")" + kGen + R"("])" +
           std::string(override_fields) + "}";
}
std::vector<std::string> fields(const codeflix::core::Result<VideoInput>& r) {
    std::vector<std::string> out;
    if (r.ok()) return out;
    for (const auto& f : r.error().fields) out.push_back(f.field);
    return out;
}
}  // namespace

TEST(Video, ValidInputParses) {
    auto input = parse_video(obj(video_json("")), WriteMode::create, 2026);
    ASSERT_TRUE(input.ok());
    EXPECT_EQ(*input->year_launched, 2000);
    EXPECT_FALSE(input->cast_members_id) << "cast is optional";
    Video blank;
    blank.meta.id = "id";
    auto video = apply(blank, *input, WriteMode::create);
    EXPECT_FALSE(video.opened);
    EXPECT_FALSE(video.published);
    EXPECT_EQ(video.media[0].status, "none");
}

TEST(Video, YearIsBetween1888AndFiveYearsAhead) {
    EXPECT_TRUE(
        parse_video(obj(video_json(R"(,"year_launched":1888)")), WriteMode::create, 2026).ok());
    EXPECT_TRUE(
        parse_video(obj(video_json(R"(,"year_launched":2031)")), WriteMode::create, 2026).ok());
    EXPECT_EQ(
        fields(parse_video(obj(video_json(R"(,"year_launched":1887)")), WriteMode::create, 2026)),
        std::vector<std::string>{"year_launched"});
    EXPECT_EQ(
        fields(parse_video(obj(video_json(R"(,"year_launched":2032)")), WriteMode::create, 2026)),
        std::vector<std::string>{"year_launched"});
}

TEST(Video, RatingDurationAndLists) {
    for (auto rating : kRatings) EXPECT_TRUE(is_rating(rating));
    EXPECT_FALSE(is_rating("PG-13"));
    EXPECT_EQ(fields(parse_video(obj(video_json(R"(,"rating":"21")")), WriteMode::create, 2026)),
              std::vector<std::string>{"rating"});
    EXPECT_EQ(fields(parse_video(obj(video_json(R"(,"duration":0)")), WriteMode::create, 2026)),
              std::vector<std::string>{"duration"});
    EXPECT_EQ(fields(parse_video(obj(video_json(R"(,"duration":-5)")), WriteMode::create, 2026)),
              std::vector<std::string>{"duration"});
    EXPECT_EQ(fields(parse_video(obj(video_json(R"(,"genres_id":[])")), WriteMode::create, 2026)),
              std::vector<std::string>{"genres_id"});
    EXPECT_TRUE(
        parse_video(obj(video_json(R"(,"cast_members_id":[])")), WriteMode::create, 2026).ok());
    EXPECT_EQ(
        fields(parse_video(obj(video_json(R"(,"description":"   ")")), WriteMode::create, 2026)),
        std::vector<std::string>{"description"});
}

TEST(Video, GenresMustBelongToAndCoverCategories) {
    std::map<std::string, std::vector<std::string>> genre_categories = {
        {"g-drama", {"c-drama"}},
        {"g-comedy", {"c-comedy"}},
        {"g-both", {"c-drama", "c-comedy"}},
        {"g-other", {"c-other"}}};
    EXPECT_TRUE(check_genres_cover_categories({"c-drama"}, {"g-drama"}, genre_categories).empty());
    EXPECT_TRUE(check_genres_cover_categories({"c-drama", "c-comedy"}, {"g-both"}, genre_categories)
                    .empty());
    EXPECT_TRUE(check_genres_cover_categories({"c-drama", "c-comedy"}, {"g-drama", "g-comedy"},
                                              genre_categories)
                    .empty());
    auto uncovered =
        check_genres_cover_categories({"c-drama", "c-comedy"}, {"g-drama"}, genre_categories);
    ASSERT_EQ(uncovered.size(), 1u);
    EXPECT_EQ(uncovered[0].field, "categories_id[1]");
    auto stray =
        check_genres_cover_categories({"c-drama"}, {"g-drama", "g-other"}, genre_categories);
    ASSERT_EQ(stray.size(), 1u);
    EXPECT_EQ(stray[0].field, "genres_id[1]");
    auto unknown = check_genres_cover_categories({"c-drama"}, {"g-unknown"}, genre_categories);
    EXPECT_EQ(unknown.size(), 2u);
}
