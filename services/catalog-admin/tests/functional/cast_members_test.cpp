#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;

namespace {

constexpr const char* kCast = "/api/admin/cast-members";

class CastMembers : public CatalogAdminTest {};

}  // namespace

TEST_P(CastMembers, CreateUpdateAndDelete) {
    auto created = post(kCast, R"({"name":"Walter Salles","type":"director"})");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.text("type"), "director");
    std::string path = std::string(kCast) + "/" + created.text("id");
    auto patched = patch(path, R"({"type":"actor"})");
    EXPECT_EQ(patched.text("type"), "actor");
    EXPECT_EQ(patched.text("name"), "Walter Salles");
    expect_problem(put(path, R"({"name":"Only name"})"), 400);
    EXPECT_EQ(put(path, R"({"name":"W. Salles","type":"director"})").status, 200);
    EXPECT_EQ(del(path).status, 204);
    EXPECT_EQ(total(kCast), 0);
}

TEST_P(CastMembers, TypeMustBeDirectorOrActor) {
    EXPECT_EQ(expect_problem(post(kCast, R"({"name":"X","type":"producer"})"), 400),
              std::vector<std::string>{"type"});
    EXPECT_EQ(expect_problem(post(kCast, R"({"name":"X","type":1})"), 400),
              std::vector<std::string>{"type"});
    EXPECT_EQ(expect_problem(post(kCast, R"({"name":"X"})"), 400),
              std::vector<std::string>{"type"});
    EXPECT_EQ(expect_problem(post(kCast, R"({"type":"actor"})"), 400),
              std::vector<std::string>{"name"});
    EXPECT_EQ(total(kCast), 0);
}

TEST_P(CastMembers, SameNameIsAllowedAndFiltersWork) {
    create_cast_member("João Silva", "actor");
    create_cast_member("João Silva", "director");
    create_cast_member("Maria Souza", "actor");
    EXPECT_EQ(total(std::string(kCast) + "?type=actor"), 2);
    EXPECT_EQ(total(std::string(kCast) + "?type=director&q=joao"), 1);
    expect_problem(get(std::string(kCast) + "?type=writer"), 400);
    auto sorted = get(std::string(kCast) + "?sort=name&dir=desc");
    EXPECT_EQ(sorted.json.at("data").as_array()[0].at("name").as_string(), "Maria Souza");
}

CODEFLIX_DIALECTS(CastMembers);
