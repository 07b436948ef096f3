#include <set>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;

namespace {

constexpr const char* kCategories = "/api/admin/categories";

class Concurrency : public CatalogAdminTest {
  protected:
    Call patch_category(const std::string& id, const std::string& body,
                        std::optional<std::string> if_match) {
        Call call{"PATCH", std::string(kCategories) + "/" + id, body, {}};
        if (if_match) call.headers.set("If-Match", *if_match);
        return call;
    }
};

}  // namespace

TEST_P(Concurrency, WritesWithTheSameIfMatchLetExactlyOneWin) {
    std::string id = create_category("Contended");
    auto replies = call_in_parallel(8, [&](int i) {
        return patch_category(id, R"({"name":"Writer )" + std::to_string(i) + R"("})", "\"1\"");
    });
    int won = 0;
    int stale = 0;
    for (const auto& reply : replies) {
        won += reply.status == 200;
        stale += reply.status == 412;
    }
    EXPECT_EQ(won, 1);
    EXPECT_EQ(stale, 7);
    EXPECT_EQ(get(std::string(kCategories) + "/" + id).json.at("version").as_int64(), 2);
}

TEST_P(Concurrency, WritesWithoutIfMatchAllSucceedInTurn) {
    std::string id = create_category("Busy");
    auto replies = call_in_parallel(8, [&](int i) {
        return patch_category(id, R"({"description":"edit )" + std::to_string(i) + R"("})",
                              std::nullopt);
    });
    for (const auto& reply : replies) EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(get(std::string(kCategories) + "/" + id).json.at("version").as_int64(), 9);
}

TEST_P(Concurrency, RetriesWithOneIdempotencyKeyCreateOnce) {
    auto replies = call_in_parallel(6, [](int) {
        Call call{"POST", kCategories, R"({"name":"Once"})", {}};
        call.headers.set("Idempotency-Key", "same-click");
        return call;
    });
    std::set<std::string> ids_seen;
    for (const auto& reply : replies) {
        EXPECT_EQ(reply.status, 201) << reply.body;
        ids_seen.insert(reply.text("id"));
    }
    EXPECT_EQ(ids_seen.size(), 1u);
    EXPECT_EQ(total(kCategories), 1);
}

TEST_P(Concurrency, DeletingWhileAGenreIsCreatedNeverLeavesADanglingLink) {
    for (int round = 0; round < 15; ++round) {
        std::string category = create_category("Racing " + std::to_string(round));
        auto replies = call_in_parallel(2, [&](int i) {
            if (i == 0) return Call{"DELETE", std::string(kCategories) + "/" + category, "", {}};
            return Call{"POST",
                        "/api/admin/genres",
                        R"({"name":"Genre )" + std::to_string(round) + R"(","categories_id":[")" +
                            category + R"("]})",
                        {}};
        });
        int deleted = replies[0].status;
        int created = replies[1].status;
        EXPECT_TRUE((deleted == 204 && created == 422) || (deleted == 409 && created == 201))
            << "delete " << deleted << ", create " << created;
    }
    auto genres = get("/api/admin/genres?per_page=100");
    for (const auto& genre : genres.json.at("data").as_array()) {
        EXPECT_EQ(genre.at("categories_id").as_array().size(), 1u)
            << "a live genre lost its category";
    }
}

CODEFLIX_DIALECTS(Concurrency);
