// The faults the backbone must survive, with real processes, a real broker and both databases:
// the broker away for 30 s while catalog-admin takes writes, and catalog-api killed mid-stream.

#include <codeflix/db/testing.hpp>

#include "catalog_api_fixture.hpp"

using namespace codeflix::catalog_api::testing;
namespace messaging = codeflix::messaging;
using namespace std::chrono_literals;

namespace {

class Faults : public CatalogApiTest {
  protected:
    std::map<std::string, std::string> extra_env() override {
        auto env = CatalogApiTest::extra_env();
        if (proxy_) env["CODEFLIX_AMQP_URL"] = proxy_->url();
        return env;
    }
    /// The broker seen through a proxy the test can cut: the services lose it as they would a
    /// stopped RabbitMQ (connections dropped, new ones refused).
    void before_start() override {
        proxy_ = std::make_unique<messaging::testing::TcpProxy>(vhost_->url());
    }
    void TearDown() override {
        CatalogApiTest::TearDown();
        proxy_.reset();
    }

    std::unique_ptr<messaging::testing::TcpProxy> proxy_;
};

TEST_P(Faults, ABrokerOutageOfThirtySecondsFailsNoWriteAndLosesNothing) {
    codeflix::db::testing::TestDatabase admin_database(GetParam());
    ServiceProcess admin(CATALOG_ADMIN_BINARY, admin_database.url(),
                         {{"CODEFLIX_AMQP_URL", proxy_->url()}, {"CODEFLIX_OIDC_ISSUER", ""}});
    auto admin_call = [&](std::string_view method, const std::string& path,
                          const std::string& body) {
        return codeflix::service::testing::request(admin.base_url(), method, path, body);
    };
    auto category = admin_call("POST", "/api/admin/categories", R"({"name":"Antes"})");
    ASSERT_EQ(category.status, 201);
    std::string category_id = category.text("id");
    auto genre = admin_call("POST", "/api/admin/genres",
                            R"({"name":"Sempre","categories_id":[")" + category_id + R"("]})");
    ASSERT_EQ(genre.status, 201);
    std::string genre_id = genre.text("id");
    ASSERT_TRUE(eventually([&] { return total("/api/catalog/genres") == 1; }));

    proxy_->cut();
    std::vector<std::string> videos;
    int failed = 0;
    auto started = std::chrono::steady_clock::now();
    for (int i = 0; std::chrono::steady_clock::now() - started < 30s; ++i) {
        if (i < 40) {
            auto created = admin_call(
                "POST", "/api/admin/videos",
                R"({"title":"Durante )" + std::to_string(i) +
                    R"(","description":"Escrito sem broker.","year_launched":2020,"rating":"L",)"
                    R"("duration":10,"published":true,"categories_id":[")" +
                    category_id + R"("],"genres_id":[")" + genre_id + R"("]})");
            if (created.status == 201) {
                videos.push_back(created.text("id"));
            } else {
                ++failed;
                ADD_FAILURE() << created.status << " " << created.body;
            }
        } else if (i == 40) {
            ASSERT_EQ(videos.size(), 40u);
            failed +=
                admin_call("PATCH", "/api/admin/categories/" + category_id, R"({"name":"Depois"})")
                    .status != 200;
            failed +=
                admin_call("PATCH", "/api/admin/videos/" + videos[0], R"({"title":"Renomeado"})")
                    .status != 200;
            failed += admin_call("DELETE", "/api/admin/videos/" + videos[1], "").status != 204;
        }
        std::this_thread::sleep_for(200ms);
    }
    EXPECT_EQ(failed, 0) << "no write fails while the broker is away";
    EXPECT_EQ(total("/api/catalog/videos"), 0) << "nothing arrived during the outage";
    EXPECT_EQ(get("/readyz").status, 200) << "catalog-api keeps serving reads";

    proxy_->restore();
    // 39 visible titles alone can also be 39 of the 40 creations before the rest arrived: the
    // converged state is the count with the deletion and the rename applied.
    ASSERT_TRUE(eventually(
        [&] {
            return total("/api/catalog/videos") == 39 &&
                   get("/api/catalog/videos/" + videos[1]).status == 404 &&
                   get("/api/catalog/videos/" + videos[0]).text("title") == "Renomeado";
        },
        30s))
        << "catalog-api converges once the broker is back";
    EXPECT_EQ(get("/api/catalog/videos/" + videos[0]).text("title"), "Renomeado");
    EXPECT_EQ(get("/api/catalog/videos/" + videos[1]).status, 404);
    EXPECT_EQ(get("/api/catalog/videos/" + videos[2]).json.at("categories").at(0).at("name"),
              "Depois");
    // A category, a genre, 40 videos and 3 changes: each applied exactly once.
    EXPECT_TRUE(eventually([&] { return metric("codeflix_events_handled_total") == 45; }))
        << metric("codeflix_events_handled_total");
    EXPECT_EQ(metric("codeflix_events_dead_lettered_total"), 0);
    EXPECT_EQ(admin.stop(), 0) << admin.log();
}

TEST_P(Faults, KilledMidStreamItResumesWithoutLoss) {
    constexpr int kVideos = 300;
    std::string category = new_id();
    publish("category", "created", category_data(category, 1, "Volume"));
    for (int i = 0; i < kVideos; ++i) {
        publish("video", "created",
                video_data(new_id(), 1,
                           {.title = "Volume " + std::to_string(i), .categories = {category}}));
    }
    ASSERT_TRUE(eventually([&] { return total("/api/catalog/videos") >= 30; }));
    auto before_kill = total("/api/catalog/videos");
    service_->kill_hard();
    EXPECT_LT(before_kill, kVideos) << "killed mid-stream";
    service_ = std::make_unique<ServiceProcess>(binary(), database_->url(), extra_env());
    client_ = std::make_unique<codeflix::http::Client>(service_->base_url());
    ASSERT_TRUE(eventually([&] { return total("/api/catalog/videos") == kVideos; }, 60s))
        << total("/api/catalog/videos");
    EXPECT_EQ(total("/api/catalog/categories"), 1);
    EXPECT_EQ(get("/api/catalog/search?q=volume").json.at("meta").at("total"), kVideos)
        << "the full-text index holds each video once";
}

CODEFLIX_DIALECTS(Faults);

}  // namespace
