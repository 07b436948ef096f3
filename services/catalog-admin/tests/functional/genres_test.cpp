#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;

namespace {

constexpr const char* kGenres = "/api/admin/genres";
constexpr const char* kMissing = "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";

class Genres : public CatalogAdminTest {};

}  // namespace

TEST_P(Genres, CreateWithCategoriesAndChangeThem) {
    std::string drama = create_category("Drama");
    std::string crime = create_category("Crime");
    auto created = post(kGenres, R"({"name":"Noir","categories_id":)" + ids({drama, crime}) + "}");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json.at("categories_id").as_array().size(), 2u);
    std::string path = std::string(kGenres) + "/" + created.text("id");
    auto patched = patch(path, R"({"categories_id":)" + ids({crime}) + "}");
    ASSERT_EQ(patched.status, 200) << patched.body;
    ASSERT_EQ(patched.json.at("categories_id").as_array().size(), 1u);
    EXPECT_EQ(patched.json.at("categories_id").as_array()[0].as_string(), crime);
    EXPECT_EQ(patched.text("name"), "Noir");
    auto replaced =
        put(path, R"({"name":"Neo-noir","is_active":false,"categories_id":)" + ids({drama}) + "}");
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_FALSE(replaced.json.at("is_active").as_bool());
    EXPECT_EQ(get(path).json, replaced.json);
}

TEST_P(Genres, CategoriesMustExistBeLiveAndBeDistinct) {
    std::string live = create_category("Live");
    std::string gone = create_category("Gone");
    ASSERT_EQ(del("/api/admin/categories/" + gone).status, 204);
    EXPECT_EQ(
        expect_problem(
            post(kGenres, R"({"name":"G","categories_id":)" + ids({live, kMissing}) + "}"), 422),
        std::vector<std::string>{"categories_id[1]"});
    EXPECT_EQ(
        expect_problem(post(kGenres, R"({"name":"G","categories_id":)" + ids({gone}) + "}"), 422),
        std::vector<std::string>{"categories_id[0]"});
    EXPECT_EQ(expect_problem(post(kGenres, R"({"name":"G","categories_id":[]})"), 400),
              std::vector<std::string>{"categories_id"});
    EXPECT_EQ(expect_problem(post(kGenres, R"({"name":"G"})"), 400),
              std::vector<std::string>{"categories_id"});
    EXPECT_EQ(expect_problem(
                  post(kGenres, R"({"name":"G","categories_id":)" + ids({live, live}) + "}"), 400),
              std::vector<std::string>{"categories_id[1]"});
    EXPECT_EQ(expect_problem(post(kGenres, R"({"name":"G","categories_id":["nope", 7]})"), 400),
              (std::vector<std::string>{"categories_id[0]", "categories_id[1]"}));
    EXPECT_EQ(
        expect_problem(post(kGenres, R"({"name":"G","categories_id":")" + live + R"("})"), 400),
        std::vector<std::string>{"categories_id"});
    EXPECT_EQ(total(kGenres), 0);
}

TEST_P(Genres, NamesAreUniqueAndDeletedGenresDisappear) {
    std::string category = create_category("Sci-fi");
    std::string id = create_genre("Cyberpunk", {category});
    expect_problem(post(kGenres, R"({"name":"CYBERPUNK","categories_id":)" + ids({category}) + "}"),
                   409);
    EXPECT_EQ(del(std::string(kGenres) + "/" + id).status, 204);
    EXPECT_EQ(total(kGenres), 0);
    expect_problem(get(std::string(kGenres) + "/" + id), 404);
}

TEST_P(Genres, FilterByCategory) {
    std::string a = create_category("A");
    std::string b = create_category("B");
    create_genre("Only A", {a});
    create_genre("Both", {a, b});
    create_genre("Only B", {b});
    EXPECT_EQ(total(std::string(kGenres) + "?category_id=" + a), 2);
    EXPECT_EQ(total(std::string(kGenres) + "?category_id=" + b + "&q=only"), 1);
    EXPECT_EQ(total(std::string(kGenres) + "?category_id=" + kMissing), 0);
    expect_problem(get(std::string(kGenres) + "?category_id=abc"), 400);
}

TEST_P(Genres, CannotDeleteWhileALiveVideoUsesIt) {
    std::string category = create_category("Cat");
    std::string genre = create_genre("Gen", {category});
    std::string video = create(
        "/api/admin/videos", R"({"title":"T","description":"D","year_launched":2000,"rating":"L",)"
                             R"("duration":90,"categories_id":)" +
                                 ids({category}) + R"(,"genres_id":)" + ids({genre}) + "}");
    expect_problem(del(std::string(kGenres) + "/" + genre), 409);
    EXPECT_EQ(del("/api/admin/videos/" + video).status, 204);
    EXPECT_EQ(del(std::string(kGenres) + "/" + genre).status, 204);
}

CODEFLIX_DIALECTS(Genres);

TEST_P(Genres, ChangingCategoriesMayNotBreakALiveVideo) {
    std::string drama = create_category("Drama");
    std::string comedy = create_category("Comedy");
    std::string genre = create_genre("Dramedy", {drama, comedy});
    std::string video = create(
        "/api/admin/videos", R"({"title":"T","description":"D","year_launched":2000,"rating":"L",)"
                             R"("duration":90,"categories_id":)" +
                                 ids({drama, comedy}) + R"(,"genres_id":)" + ids({genre}) + "}");
    std::string path = std::string(kGenres) + "/" + genre;
    EXPECT_EQ(expect_problem(patch(path, R"({"categories_id":)" + ids({drama}) + "}"), 409),
              std::vector<std::string>{"categories_id"});
    EXPECT_EQ(get(path).json.at("version").as_int64(), 1);
    EXPECT_EQ(patch(path, R"({"name":"Dramédia"})").status, 200) << "other changes are fine";
    ASSERT_EQ(
        patch("/api/admin/videos/" + video, R"({"categories_id":)" + ids({drama}) + "}").status,
        200);
    EXPECT_EQ(patch(path, R"({"categories_id":)" + ids({drama}) + "}").status, 200)
        << "the video (drama only) still matches";
    EXPECT_EQ(expect_problem(patch(path, R"({"categories_id":)" + ids({comedy}) + "}"), 409),
              std::vector<std::string>{"categories_id"});
    EXPECT_EQ(del("/api/admin/videos/" + video).status, 204);
    EXPECT_EQ(patch(path, R"({"categories_id":)" + ids({comedy}) + "}").status, 200);
}
