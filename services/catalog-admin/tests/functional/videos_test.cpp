#include <chrono>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;

namespace {

constexpr const char* kVideos = "/api/admin/videos";
constexpr const char* kMissing = "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";

int this_year() {
    auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return int(std::chrono::year_month_day{days}.year());
}

class Videos : public CatalogAdminTest {
  protected:
    void SetUp() override {
        CatalogAdminTest::SetUp();
        drama = create_category("Drama");
        comedy = create_category("Comédia");
        tragedy = create_genre("Tragedy", {drama});
        farce = create_genre("Farce", {comedy});
        dramedy = create_genre("Dramedy", {drama, comedy});
        actor = create_cast_member("Fernanda Montenegro", "actor");
        director = create_cast_member("Walter Salles", "director");
    }

    std::string body(std::string_view title, const std::vector<std::string>& categories,
                     const std::vector<std::string>& genres, std::string_view extra = "") {
        return R"({"title":")" + std::string(title) +
               R"(","description":"A story","year_launched":1998,)"
               R"("opened":false,"rating":"12","duration":113,"categories_id":)" +
               ids(categories) + R"(,"genres_id":)" + ids(genres) + R"(,"cast_members_id":)" +
               ids({actor, director}) + std::string(extra) + "}";
    }

    std::string drama, comedy, tragedy, farce, dramedy, actor, director;
};

}  // namespace

TEST_P(Videos, CreateReadUpdateDelete) {
    auto created = post(kVideos, body("Central do Brasil", {drama}, {tragedy}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto& v = created.json.as_object();
    EXPECT_EQ(v.at("title").as_string(), "Central do Brasil");
    EXPECT_EQ(v.at("year_launched").as_int64(), 1998);
    EXPECT_EQ(v.at("rating").as_string(), "12");
    EXPECT_EQ(v.at("duration").as_int64(), 113);
    EXPECT_FALSE(v.at("published").as_bool());
    EXPECT_EQ(v.at("cast_members_id").as_array().size(), 2u);
    for (auto kind : {"video", "trailer", "thumbnail", "thumbnail_half", "banner"}) {
        EXPECT_EQ(v.at("media").at(kind).at("status").as_string(), "none") << kind;
    }
    std::string path = std::string(kVideos) + "/" + created.text("id");
    auto patched = patch(path, R"({"published":true,"cast_members_id":[]})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_TRUE(patched.json.at("published").as_bool());
    EXPECT_EQ(patched.json.at("cast_members_id").as_array().size(), 0u);
    EXPECT_EQ(patched.json.at("genres_id").as_array().size(), 1u);
    auto replaced = put(path, body("Central do Brasil (1998)", {drama, comedy}, {dramedy}));
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_FALSE(replaced.json.at("published").as_bool()) << "PUT resets absent optional fields";
    EXPECT_EQ(replaced.json.at("version").as_int64(), 3);
    EXPECT_EQ(del(path).status, 204);
    expect_problem(get(path), 404);
}

TEST_P(Videos, GenresMustBelongToAndCoverTheCategories) {
    EXPECT_EQ(expect_problem(post(kVideos, body("T", {drama}, {farce})), 422),
              (std::vector<std::string>{"genres_id[0]", "categories_id[0]"}));
    EXPECT_EQ(expect_problem(post(kVideos, body("T", {drama, comedy}, {tragedy})), 422),
              std::vector<std::string>{"categories_id[1]"});
    EXPECT_EQ(post(kVideos, body("T", {drama, comedy}, {tragedy, farce})).status, 201);
    EXPECT_EQ(post(kVideos, body("T2", {drama, comedy}, {dramedy})).status, 201);
    EXPECT_EQ(total(kVideos), 2);
}

TEST_P(Videos, ReferencesMustExistAndBeLive) {
    std::string gone = create_genre("Gone", {drama});
    ASSERT_EQ(del("/api/admin/genres/" + gone).status, 204);
    EXPECT_EQ(expect_problem(post(kVideos, body("T", {drama}, {gone})), 422),
              std::vector<std::string>{"genres_id[0]"});
    EXPECT_EQ(expect_problem(post(kVideos, body("T", {drama, kMissing}, {tragedy})), 422),
              std::vector<std::string>{"categories_id[1]"});
    auto bad_cast =
        R"({"title":"T","description":"D","year_launched":2000,"rating":"L","duration":9,"categories_id":)" +
        ids({drama}) + R"(,"genres_id":)" + ids({tragedy}) + R"(,"cast_members_id":)" +
        ids({kMissing}) + "}";
    EXPECT_EQ(expect_problem(post(kVideos, bad_cast), 422),
              std::vector<std::string>{"cast_members_id[0]"});
    EXPECT_EQ(total(kVideos), 0);
}

TEST_P(Videos, FieldRulesAreEnforced) {
    std::string base = R"("description":"D","rating":"L","duration":90,"categories_id":)" +
                       ids({drama}) + R"(,"genres_id":)" + ids({tragedy});
    auto with = [&](std::string fields) { return "{" + fields + "," + base + "}"; };
    int max_year = this_year() + 5;
    struct Case {
        std::string body;
        std::vector<std::string> fields;
    };
    std::vector<Case> cases = {
        {with(R"("title":"T","year_launched":1887)"), {"year_launched"}},
        {with(R"("title":"T","year_launched":)" + std::to_string(max_year + 1)), {"year_launched"}},
        {with(R"("title":"T","year_launched":"1999")"), {"year_launched"}},
        {with(R"("title":"T","year_launched":1999.5)"), {"year_launched"}},
        {with(R"("title":"","year_launched":1999)"), {"title"}},
        {with(R"("title":")" + std::string(256, 't') + R"(","year_launched":1999)"), {"title"}},
        {with(R"("title":"T","year_launched":1999,"opened":"no")"), {"opened"}},
        {with(R"("title":"T","year_launched":1999,"cast_members_id":[1])"), {"cast_members_id[0]"}},
        {R"({"title":"T","year_launched":1999,"description":"","rating":"L","duration":90,"categories_id":)" +
             ids({drama}) + R"(,"genres_id":)" + ids({tragedy}) + "}",
         {"description"}},
        {R"({"title":"T","year_launched":1999,"description":"D","rating":"PG","duration":90,"categories_id":)" +
             ids({drama}) + R"(,"genres_id":)" + ids({tragedy}) + "}",
         {"rating"}},
        {R"({"title":"T","year_launched":1999,"description":"D","rating":"L","duration":0,"categories_id":)" +
             ids({drama}) + R"(,"genres_id":)" + ids({tragedy}) + "}",
         {"duration"}},
        {R"({"title":"T","year_launched":1999,"description":"D","rating":"L","duration":9,"categories_id":[],"genres_id":[]})",
         {"categories_id", "genres_id"}},
        {R"({"title":"T"})",
         {"description", "year_launched", "rating", "duration", "categories_id", "genres_id"}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(expect_problem(post(kVideos, c.body), 400), c.fields) << c.body;
    EXPECT_EQ(
        post(kVideos, with(R"("title":"T","year_launched":)" + std::to_string(max_year))).status,
        201);
    EXPECT_EQ(post(kVideos, with(R"("title":"T","year_launched":1888)")).status, 201);
    EXPECT_EQ(total(kVideos), 2);
}

TEST_P(Videos, ListFiltersAndSorts) {
    std::string a =
        create(kVideos, body("Abril Despedaçado", {drama}, {tragedy}, R"(,"published":true)"));
    std::string b = create(kVideos, body("O Auto da Compadecida", {comedy}, {farce}));
    std::string c = create(kVideos, body("Cidade de Deus", {drama, comedy}, {dramedy}));
    ASSERT_EQ(patch(std::string(kVideos) + "/" + c,
                    R"({"year_launched":2002,"rating":"16","cast_members_id":[]})")
                  .status,
              200);
    EXPECT_EQ(total(std::string(kVideos) + "?category_id=" + drama), 2);
    EXPECT_EQ(total(std::string(kVideos) + "?genre_id=" + farce), 1);
    EXPECT_EQ(total(std::string(kVideos) + "?cast_member_id=" + actor), 2);
    EXPECT_EQ(total(std::string(kVideos) + "?rating=16"), 1);
    EXPECT_EQ(total(std::string(kVideos) + "?year=2002"), 1);
    EXPECT_EQ(total(std::string(kVideos) + "?published=true"), 1);
    EXPECT_EQ(total(std::string(kVideos) + "?published=false&category_id=" + comedy), 2);
    EXPECT_EQ(total(std::string(kVideos) + "?q=despedacado"), 1);
    auto sorted = get(std::string(kVideos) + "?sort=title");
    const auto& data = sorted.json.at("data").as_array();
    ASSERT_EQ(data.size(), 3u);
    EXPECT_EQ(data[0].at("id").as_string(), a);
    EXPECT_EQ(data[1].at("id").as_string(), c);
    EXPECT_EQ(data[2].at("id").as_string(), b);
    auto by_year = get(std::string(kVideos) + "?sort=year_launched&dir=desc");
    EXPECT_EQ(by_year.json.at("data").as_array()[0].at("id").as_string(), c);
    for (std::string q : {"rating=PG", "year=abc", "published=yes", "genre_id=1", "sort=secret"}) {
        expect_problem(get(std::string(kVideos) + "?" + q), 400);
    }
}

CODEFLIX_DIALECTS(Videos);

TEST_P(Videos, WritesHonourIfMatchIdempotencyAndUnicode) {
    codeflix::http::Headers key;
    key.set("Idempotency-Key", "video-once");
    std::string title = "映画 Ação 🎬";
    auto first = post(kVideos, body(title, {drama}, {tragedy}), key);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.text("title"), title);
    EXPECT_EQ(post(kVideos, body(title, {drama}, {tragedy}), key).text("id"), first.text("id"));
    expect_problem(post(kVideos, body("Other", {drama}, {tragedy}), key), 422);
    std::string path = std::string(kVideos) + "/" + first.text("id");
    codeflix::http::Headers stale;
    stale.set("If-Match", "\"5\"");
    expect_problem(patch(path, R"({"duration":10})", stale), 412);
    expect_problem(put(path, body("X", {drama}, {tragedy}), stale), 412);
    expect_problem(del(path, stale), 412);
    EXPECT_EQ(expect_problem(patch(path, R"({"genres_id":)" + ids({tragedy, tragedy}) + "}"), 400),
              std::vector<std::string>{"genres_id[1]"});
    EXPECT_EQ(expect_problem(patch(path, R"({"duration":"long","colour":true})"), 400),
              (std::vector<std::string>{"colour", "duration"}));
    expect_problem(patch(path, "{not json"), 400);
    EXPECT_EQ(get(path).json.at("version").as_int64(), 1);
    EXPECT_EQ(total(kVideos), 1);
}
