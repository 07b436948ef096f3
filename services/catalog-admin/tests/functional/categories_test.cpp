
#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
using codeflix::http::Headers;

namespace {

constexpr const char* kCategories = "/api/admin/categories";

class Categories : public CatalogAdminTest {};

Headers with(std::string_view name, std::string value) {
    Headers headers;
    headers.set(name, std::move(value));
    return headers;
}

}  // namespace

TEST_P(Categories, CreateGetReplacePatchAndDelete) {
    auto created = post(kCategories, R"({"name":"  Documentary  ","description":"Real stories"})");
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = created.text("id");
    EXPECT_EQ(created.header("Location"), std::string(kCategories) + "/" + id);
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    EXPECT_EQ(created.text("name"), "Documentary");
    EXPECT_EQ(created.json.at("is_active").as_bool(), true);
    EXPECT_EQ(created.json.at("version").as_int64(), 1);

    auto fetched = get(std::string(kCategories) + "/" + id);
    EXPECT_EQ(fetched.status, 200);
    EXPECT_EQ(fetched.json, created.json);

    auto replaced = put(std::string(kCategories) + "/" + id, R"({"name":"Documentaries"})");
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_TRUE(replaced.json.at("description").is_null()) << "PUT resets absent optional fields";
    EXPECT_EQ(replaced.header("ETag"), "\"2\"");

    auto patched = patch(std::string(kCategories) + "/" + id, R"({"is_active":false})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.text("name"), "Documentaries") << "PATCH keeps absent fields";
    EXPECT_FALSE(patched.json.at("is_active").as_bool());
    EXPECT_EQ(patched.json.at("version").as_int64(), 3);

    EXPECT_EQ(del(std::string(kCategories) + "/" + id).status, 204);
    expect_problem(get(std::string(kCategories) + "/" + id), 404);
    expect_problem(del(std::string(kCategories) + "/" + id), 404);
    EXPECT_EQ(total(kCategories), 0);
}

TEST_P(Categories, UnicodeNamesRoundTripUnchanged) {
    for (std::string name : {"Ação e Aventura", "映画 ドラマ", "Comédia 🎬😂", "Ελληνικά", "Кино"}) {
        auto created = post(kCategories, R"({"name":")" + name + R"("})");
        ASSERT_EQ(created.status, 201) << created.body;
        EXPECT_EQ(created.text("name"), name);
        EXPECT_EQ(get(std::string(kCategories) + "/" + created.text("id")).text("name"), name);
    }
}

TEST_P(Categories, NamesAreUniqueAmongLiveCategoriesIgnoringCase) {
    std::string id = create_category("Ação");
    auto duplicate = post(kCategories, R"({"name":"AÇÃO"})");
    EXPECT_EQ(expect_problem(duplicate, 409), std::vector<std::string>{"name"});
    std::string other = create_category("Drama");
    expect_problem(patch(std::string(kCategories) + "/" + other, R"({"name":"ação"})"), 409);
    EXPECT_EQ(patch(std::string(kCategories) + "/" + id, R"({"name":"AÇÃO"})").status, 200)
        << "renaming itself is fine";
    EXPECT_EQ(del(std::string(kCategories) + "/" + id).status, 204);
    EXPECT_EQ(post(kCategories, R"({"name":"Ação"})").status, 201)
        << "a deleted name can be reused";
    EXPECT_EQ(total(kCategories), 2);
}

TEST_P(Categories, CannotDeleteWhileALiveGenreUsesIt) {
    std::string category = create_category("Horror");
    std::string genre = create_genre("Slasher", {category});
    expect_problem(del(std::string(kCategories) + "/" + category), 409);
    EXPECT_EQ(get(std::string(kCategories) + "/" + category).status, 200);
    EXPECT_EQ(del("/api/admin/genres/" + genre).status, 204);
    EXPECT_EQ(del(std::string(kCategories) + "/" + category).status, 204);
}

TEST_P(Categories, StaleIfMatchIs412AndChangesNothing) {
    std::string id = create_category("Anime");
    std::string path = std::string(kCategories) + "/" + id;
    expect_problem(put(path, R"({"name":"Animation"})", with("If-Match", "\"7\"")), 412);
    expect_problem(patch(path, R"({"name":"Animation"})", with("If-Match", "garbage")), 412);
    expect_problem(del(path, with("If-Match", "\"2\"")), 412);
    EXPECT_EQ(get(path).text("name"), "Anime");
    auto ok = patch(path, R"({"name":"Animation"})", with("If-Match", "\"1\""));
    EXPECT_EQ(ok.status, 200);
    expect_problem(patch(path, R"({"name":"Anime again"})", with("If-Match", "\"1\"")), 412);
    EXPECT_EQ(patch(path, R"({"is_active":false})", with("If-Match", "*")).status, 200);
    EXPECT_EQ(del(path, with("If-Match", "\"3\"")).status, 204);
}

TEST_P(Categories, IdempotencyKeyReplaysTheFirstAnswer) {
    auto key = with("Idempotency-Key", "create-kids-1");
    auto first = post(kCategories, R"({"name":"Kids"})", key);
    ASSERT_EQ(first.status, 201);
    auto again = post(kCategories, R"({"name":"Kids"})", key);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.text("id"), first.text("id"));
    EXPECT_EQ(again.header("Location"), first.header("Location"));
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    expect_problem(post(kCategories, R"({"name":"Teens"})", key), 422);
    expect_problem(post(kCategories, R"({"name":"Teens"})", with("Idempotency-Key", "bad key\x01")),
                   400);
    EXPECT_EQ(total(kCategories), 1);
    auto failed = post(kCategories, R"({"name":""})", with("Idempotency-Key", "k2"));
    expect_problem(failed, 400);
    EXPECT_EQ(post(kCategories, R"({"name":"Teens"})", with("Idempotency-Key", "k2")).status, 201)
        << "failed attempts are not remembered";
}

TEST_P(Categories, BadBodiesGetFieldErrorsAndChangeNothing) {
    create_category("Existing");
    std::string long_name(256, 'x');
    std::string max_name(255, 'y');
    struct Case {
        std::string body;
        std::vector<std::string> fields;
    };
    std::vector<Case> cases = {
        {R"({"name": )", {}},
        {R"(["name"])", {}},
        {R"("just a string")", {}},
        {R"({"name": 42})", {"name"}},
        {R"({"name": null})", {"name"}},
        {R"({"description": "no name"})", {"name"}},
        {R"({"name": "   "})", {"name"}},
        {R"({"name": ")" + long_name + R"("})", {"name"}},
        {R"({"name": "ok", "description": ")" + std::string(4001, 'd') + R"("})", {"description"}},
        {R"({"name": "ok", "is_active": "true"})", {"is_active"}},
        {R"({"name": "ok", "nmae": "typo", "extra": 1})", {"nmae", "extra"}},
        {R"({"name": "ok", "id": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"})", {"id"}},
        {"", {}},
    };
    for (const auto& c : cases) {
        auto reply = post(kCategories, c.body);
        EXPECT_EQ(expect_problem(reply, 400), c.fields) << c.body;
    }
    EXPECT_EQ(post(kCategories, R"({"name":")" + max_name + R"("})").status, 201);
    std::string id = create_category("Target");
    for (const auto& c : cases) {
        auto reply = put(std::string(kCategories) + "/" + id, c.body);
        EXPECT_EQ(reply.status, 400) << c.body;
    }
    EXPECT_EQ(get(std::string(kCategories) + "/" + id).json.at("version").as_int64(), 1);
    EXPECT_EQ(total(kCategories), 3);
}

TEST_P(Categories, PathIdsMustBeUuids) {
    EXPECT_EQ(expect_problem(get(std::string(kCategories) + "/not-a-uuid"), 400),
              std::vector<std::string>{"id"});
    expect_problem(get(std::string(kCategories) + "/1%27%20OR%20%271%27%3D%271"), 400);
    expect_problem(get(std::string(kCategories) + "/0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"), 404);
    expect_problem(patch(std::string(kCategories) + "/0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
                         R"({"name":"x"})"),
                   404);
}

TEST_P(Categories, ListsPageSortAndSearch) {
    for (std::string name : {"Suspense", "Ação", "Comédia", "Drama", "Romance", "Aventura"})
        create_category(name);
    auto page1 = get(std::string(kCategories) + "?page=1&per_page=4&sort=name&dir=asc");
    ASSERT_EQ(page1.status, 200) << page1.body;
    const auto& data = page1.json.at("data").as_array();
    ASSERT_EQ(data.size(), 4u);
    EXPECT_EQ(data[0].at("name").as_string(), "Ação");
    EXPECT_EQ(data[1].at("name").as_string(), "Aventura");
    EXPECT_EQ(data[2].at("name").as_string(), "Comédia");
    const auto& meta = page1.json.at("meta");
    EXPECT_EQ(meta.at("total").as_int64(), 6);
    EXPECT_EQ(meta.at("last_page").as_int64(), 2);
    auto page2 = get(std::string(kCategories) + "?page=2&per_page=4&sort=name&dir=desc");
    ASSERT_EQ(page2.json.at("data").as_array().size(), 2u);
    EXPECT_EQ(page2.json.at("data").as_array()[1].at("name").as_string(), "Ação");
    auto empty = get(std::string(kCategories) + "?page=9");
    EXPECT_EQ(empty.json.at("data").as_array().size(), 0u);

    auto search = get(std::string(kCategories) + "?q=ACAO");
    ASSERT_EQ(search.json.at("data").as_array().size(), 1u);
    EXPECT_EQ(search.json.at("data").as_array()[0].at("name").as_string(), "Ação");
    EXPECT_EQ(total(std::string(kCategories) + "?q=com%C3%A9"), 1);
    EXPECT_EQ(total(std::string(kCategories) + "?q=a&is_active=true"), 5);
}

TEST_P(Categories, HostileQueriesAreHarmless) {
    create_category("100% Pure");
    create_category("under_score");
    ASSERT_EQ(post(kCategories, R"({"name":"O'Brien's \"Picks\""})").status, 201);
    create_category("Plain");
    EXPECT_EQ(total(std::string(kCategories) + "?q=%25"), 1) << "% matches only a literal percent";
    EXPECT_EQ(total(std::string(kCategories) + "?q=_"), 1) << "_ matches only a literal underscore";
    EXPECT_EQ(total(std::string(kCategories) + "?q=%27"), 1);
    EXPECT_EQ(total(std::string(kCategories) + "?q=%22Picks%22"), 1);
    EXPECT_EQ(total(std::string(kCategories) + "?q=%27%3B%20DROP%20TABLE%20categories%3B%20--"), 0);
    EXPECT_EQ(total(std::string(kCategories) + "?q=%27%20OR%201%3D1%20--"), 0);
    EXPECT_EQ(total(std::string(kCategories) + "?q=%5C"), 0);
    EXPECT_EQ(total(kCategories), 4);
}

TEST_P(Categories, BadListParametersAre400) {
    for (std::string query : {"per_page=0", "per_page=1000", "per_page=abc", "page=0", "page=-1",
                              "sort=password", "sort=name;DROP", "dir=up", "is_active=maybe"}) {
        auto reply = get(std::string(kCategories) + "?" + query);
        auto fields = expect_problem(reply, 400);
        EXPECT_EQ(fields.size(), 1u) << query << " " << reply.body;
    }
    EXPECT_EQ(get(std::string(kCategories) + "?per_page=100").status, 200);
}

CODEFLIX_DIALECTS(Categories);

TEST_P(Categories, TextMustBeCleanUtf8AndIsStoredInNfc) {
    EXPECT_EQ(expect_problem(post(kCategories, R"({"name":"abc\u0000def"})"), 400),
              std::vector<std::string>{"name"});
    EXPECT_EQ(expect_problem(post(kCategories, R"({"name":"line\nbreak"})"), 400),
              std::vector<std::string>{"name"});
    EXPECT_EQ(expect_problem(post(kCategories, R"({"name":"bad \ud800 surrogate"})"), 400),
              std::vector<std::string>{});
    EXPECT_EQ(expect_problem(post(kCategories, "{\"name\":\"\xff\xfe\"}"), 400),
              std::vector<std::string>{});
    EXPECT_EQ(
        post(kCategories, R"({"name":"Multi","description":"line one\nline two\ttabbed"})").status,
        201);
    for (std::string q : {"%ED%A0%80", "%F4%90%80%80", "a%00b", "%1B%5B31m"}) {
        EXPECT_EQ(expect_problem(get(std::string(kCategories) + "?q=" + q), 400),
                  std::vector<std::string>{"q"})
            << q;
    }
    auto composed = post(kCategories, R"({"name":"Ação"})");
    ASSERT_EQ(composed.status, 201);
    auto decomposed = post(kCategories, R"({"name":"Aça\u0303o"})");
    expect_problem(decomposed, 409);
    auto fullwidth = post(kCategories, R"({"name":"ＡＣＡＯ"})");
    EXPECT_EQ(fullwidth.status, 201) << "different letters, not a duplicate";
    EXPECT_EQ(total(std::string(kCategories) + "?q=a%CC%81") + 0,
              total(std::string(kCategories) + "?q=a"))
        << "a decomposed accent in q is ignored like a composed one";
    EXPECT_EQ(total(kCategories), 3);
}

TEST_P(Categories, CannotDeleteWhileOnlyALiveVideoUsesIt) {
    std::string used = create_category("Used by video");
    std::string other = create_category("Genre home");
    std::string genre = create_genre("Shared", {used, other});
    ASSERT_EQ(
        patch("/api/admin/genres/" + genre, R"({"categories_id":[")" + other + R"("]})").status,
        200);
    std::string genre2 = create_genre("For used", {used});
    std::string video = create(
        "/api/admin/videos", R"({"title":"T","description":"D","year_launched":2000,"rating":"L",)"
                             R"("duration":90,"categories_id":[")" +
                                 used + R"("],"genres_id":[")" + genre2 + R"("]})");
    ASSERT_EQ(del("/api/admin/genres/" + genre2).status, 409) << "the video still uses the genre";
    expect_problem(del(std::string(kCategories) + "/" + used), 409);
    EXPECT_EQ(del("/api/admin/videos/" + video).status, 204);
    EXPECT_EQ(del("/api/admin/genres/" + genre2).status, 204);
    EXPECT_EQ(del(std::string(kCategories) + "/" + used).status, 204);
}
