#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
using codeflix::http::Headers;

namespace {

/// The same contract checked on every aggregate: categories, genres, cast members and videos.
class EveryResource : public CatalogAdminTest {
  protected:
    struct Resource {
        std::string path;
        std::string name_field;
        std::function<std::string(const std::string& name)> body;
    };

    std::vector<Resource> resources() {
        std::string category = create_category("Base category");
        std::string genre = create_genre("Base genre", {category});
        return {
            {"/api/admin/categories", "name",
             [](const std::string& name) { return R"({"name":")" + name + R"("})"; }},
            {"/api/admin/genres", "name",
             [category](const std::string& name) {
                 return R"({"name":")" + name + R"(","categories_id":[")" + category + R"("]})";
             }},
            {"/api/admin/cast-members", "name",
             [](const std::string& name) {
                 return R"({"name":")" + name + R"(","type":"actor"})";
             }},
            {"/api/admin/videos", "title",
             [category, genre](const std::string& name) {
                 return R"({"title":")" + name +
                        R"(","description":"D","year_launched":2001,"rating":"L","duration":90,)"
                        R"("categories_id":[")" +
                        category + R"("],"genres_id":[")" + genre + R"("]})";
             }},
        };
    }

    static Headers header(std::string_view name, std::string value) {
        Headers headers;
        headers.set(name, std::move(value));
        return headers;
    }
};

}  // namespace

TEST_P(EveryResource, UnicodeNamesRoundTripUnchanged) {
    int n = 0;
    for (const auto& r : resources()) {
        std::string name = "映画 Ação 🎬 Ελλάδα " + std::to_string(++n);
        auto created = post(r.path, r.body(name));
        ASSERT_EQ(created.status, 201) << r.path << " " << created.body;
        EXPECT_EQ(created.text(r.name_field), name) << r.path;
        EXPECT_EQ(get(r.path + "/" + created.text("id")).text(r.name_field), name) << r.path;
    }
}

TEST_P(EveryResource, StaleIfMatchChangesNothing) {
    for (const auto& r : resources()) {
        std::string path = r.path + "/" + create(r.path, r.body("Stale " + r.path));
        expect_problem(put(path, r.body("Changed"), header("If-Match", "\"9\"")), 412);
        expect_problem(patch(path, "{}", header("If-Match", "\"9\"")), 412);
        expect_problem(del(path, header("If-Match", "\"9\"")), 412);
        auto current = get(path);
        EXPECT_EQ(current.json.at("version").as_int64(), 1) << r.path;
        EXPECT_EQ(current.text(r.name_field), "Stale " + r.path);
        EXPECT_EQ(put(path, r.body("Fresh"), header("If-Match", current.header("ETag"))).status,
                  200)
            << r.path;
    }
}

TEST_P(EveryResource, IdempotencyKeyReplaysAndRefusesAnotherBody) {
    for (const auto& r : resources()) {
        auto key = header("Idempotency-Key", "once-" + r.path);
        auto first = post(r.path, r.body("Idem"), key);
        ASSERT_EQ(first.status, 201) << r.path << " " << first.body;
        auto replay = post(r.path, r.body("Idem"), key);
        EXPECT_EQ(replay.text("id"), first.text("id")) << r.path;
        EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
        expect_problem(post(r.path, r.body("Other"), key), 422);
        EXPECT_EQ(total(r.path + "?q=idem"), 1) << r.path;
    }
}

TEST_P(EveryResource, BadPutAndPatchBodiesChangeNothing) {
    for (const auto& r : resources()) {
        std::string path = r.path + "/" + create(r.path, r.body("Kept"));
        for (std::string body :
             {std::string("{not json"), std::string("[1]"), std::string(R"({"unknown":1})"),
              R"({")" + r.name_field + R"(":42})", R"({")" + r.name_field + R"(":"   "})",
              R"({")" + r.name_field + R"(":")" + std::string(256, 'x') + R"("})"}) {
            expect_problem(patch(path, body), 400);
            expect_problem(put(path, body), 400);
        }
        expect_problem(put(path, "{}"), 400);
        auto current = get(path);
        EXPECT_EQ(current.json.at("version").as_int64(), 1) << r.path;
        EXPECT_EQ(current.text(r.name_field), "Kept") << r.path;
    }
}

CODEFLIX_DIALECTS(EveryResource);
