// catalog-admin announces every change through its outbox: the events reach RabbitMQ as
// CloudEvents carrying the aggregate's whole public state and version.

#include <algorithm>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/testing.hpp>
#include <map>
#include <vector>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
namespace messaging = codeflix::messaging;
using namespace std::chrono_literals;

namespace {

class Events : public CatalogAdminTest {
  protected:
    void SetUp() override {
        CatalogAdminTest::SetUp();
        probe_ = std::make_unique<messaging::testing::QueueProbe>(messaging::testing::broker_url());
        queue_ = messaging::testing::unique_name("test.catalog-admin-events");
        probe_->watch(queue_, "codeflix.catalog.#");
    }
    void TearDown() override {
        probe_->remove_consumer_queues(queue_);
        CatalogAdminTest::TearDown();
    }

    /// The next event about `subject` (other tests share the broker), within 10 s.
    messaging::CloudEvent next_about(const std::string& subject) {
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            auto received = probe_->take(queue_, 1s);
            if (!received) continue;
            auto event = messaging::parse_event(received->body);
            EXPECT_TRUE(event) << received->body;
            if (!event || event->subject != subject) continue;
            EXPECT_EQ(received->routing_key, event->type);
            EXPECT_EQ(received->message_id, event->id);
            return *event;
        }
        ADD_FAILURE() << "no event about " << subject;
        return {};
    }

    /// The first event about each of `subjects`, in whatever order they arrive (the outbox keeps
    /// the order of one aggregate's events, not across aggregates), within 10 s.
    std::map<std::string, messaging::CloudEvent> first_about_each(
        const std::vector<std::string>& subjects) {
        std::map<std::string, messaging::CloudEvent> found;
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (found.size() < subjects.size() && std::chrono::steady_clock::now() < deadline) {
            auto received = probe_->take(queue_, 1s);
            if (!received) continue;
            auto event = messaging::parse_event(received->body);
            EXPECT_TRUE(event) << received->body;
            if (!event || std::ranges::find(subjects, event->subject) == subjects.end()) continue;
            found.try_emplace(event->subject, *event);
        }
        for (const auto& subject : subjects)
            if (!found.contains(subject)) ADD_FAILURE() << "no event about " << subject;
        return found;
    }

    std::unique_ptr<messaging::testing::QueueProbe> probe_;
    std::string queue_;
};

}  // namespace

TEST_P(Events, EveryWriteEmitsItsEventWithTheWholeStateAndVersion) {
    auto created = post("/api/admin/categories", R"({"name":"Ação","description":"Explosões"})");
    ASSERT_EQ(created.status, 201);
    std::string id = created.text("id");
    auto event = next_about(id);
    EXPECT_EQ(event.type, "codeflix.catalog.category.created.v1");
    EXPECT_EQ(event.source, "/catalog-admin");
    EXPECT_EQ(event.data.at("name"), "Ação");
    EXPECT_EQ(event.data.at("description"), "Explosões");
    EXPECT_EQ(event.data.at("is_active"), true);
    EXPECT_EQ(event.data.at("version"), 1);

    ASSERT_EQ(patch("/api/admin/categories/" + id, R"({"is_active":false})").status, 200);
    event = next_about(id);
    EXPECT_EQ(event.type, "codeflix.catalog.category.updated.v1");
    EXPECT_EQ(event.data.at("is_active"), false);
    EXPECT_EQ(event.data.at("name"), "Ação") << "updates carry the whole state";
    EXPECT_EQ(event.data.at("version"), 2);

    ASSERT_EQ(del("/api/admin/categories/" + id).status, 204);
    event = next_about(id);
    EXPECT_EQ(event.type, "codeflix.catalog.category.deleted.v1");
    EXPECT_EQ(event.data.at("version"), 3);
    EXPECT_TRUE(event.data.contains("deleted_at"));
}

TEST_P(Events, EachAggregateHasItsOwnEventTypes) {
    std::string category = create_category("Drama");
    std::string genre = create_genre("Melodrama", {category});
    std::string actor = create_cast_member("Fernanda Montenegro");
    std::string video = create(
        "/api/admin/videos", R"({"title":"Central do Brasil","description":"Dora escreve cartas.",)"
                             R"("year_launched":1998,"rating":"12","duration":113,)"
                             R"("categories_id":[")" +
                                 category + R"("],"genres_id":[")" + genre +
                                 R"("],"cast_members_id":[")" + actor + R"("]})");
    std::map<std::string, std::string> expected = {
        {category, "codeflix.catalog.category.created.v1"},
        {genre, "codeflix.catalog.genre.created.v1"},
        {actor, "codeflix.catalog.cast_member.created.v1"},
        {video, "codeflix.catalog.video.created.v1"}};
    auto events = first_about_each({category, genre, actor, video});
    for (const auto& [id, type] : expected) EXPECT_EQ(events[id].type, type);
    // The video's event names its relations by id, as the admin API does.
    ASSERT_EQ(patch("/api/admin/videos/" + video, R"({"published":true})").status, 200);
    auto event = next_about(video);
    EXPECT_EQ(event.data.at("published"), true);
    EXPECT_EQ(event.data.at("categories_id").as_array().at(0), category.c_str());
    EXPECT_EQ(event.data.at("cast_members_id").as_array().at(0), actor.c_str());
    EXPECT_EQ(event.data.at("title"), "Central do Brasil");
}

TEST_P(Events, ARefusedWriteEmitsNothing) {
    std::string id = create_category("Comédia");
    EXPECT_EQ(next_about(id).data.at("version"), 1);
    ASSERT_EQ(put("/api/admin/categories/" + id, R"({"name":""})").status, 400);
    ASSERT_EQ(patch("/api/admin/categories/" + id, R"({"name":"X"})",
                    [] {
                        codeflix::http::Headers h;
                        h.set("If-Match", "\"7\"");
                        return h;
                    }())
                  .status,
              412);
    ASSERT_EQ(patch("/api/admin/categories/" + id, R"({"description":"Risos"})").status, 200);
    EXPECT_EQ(next_about(id).data.at("version"), 2) << "the refused writes left no event behind";
}

CODEFLIX_DIALECTS(Events);
