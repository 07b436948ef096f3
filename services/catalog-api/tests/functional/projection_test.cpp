// catalog-api builds its read model from catalog events: resolved documents, relations kept in
// step, the newest version winning whatever the delivery order.

#include <codeflix/messaging/broker.hpp>

#include "catalog_api_fixture.hpp"

using namespace codeflix::catalog_api::testing;
using codeflix::http::Headers;

namespace {

class Projection : public CatalogApiTest {
  protected:
    std::string video_path(const std::string& id) { return "/api/catalog/videos/" + id; }
};

TEST_P(Projection, APublishedVideoIsServedWithItsRelationsResolved) {
    std::string category = new_id(), genre = new_id(), actor = new_id(), video = new_id();
    publish("category", "created", category_data(category, 1, "Nacional"));
    publish("genre", "created", genre_data(genre, 1, "Drama"));
    publish("cast_member", "created", cast_member_data(actor, 1, "Fernanda Montenegro"));
    publish("video", "created",
            video_data(video, 1,
                       {.title = "Central do Brasil",
                        .year = 1998,
                        .categories = {category},
                        .genres = {genre},
                        .cast = {actor}}));
    ASSERT_TRUE(answers(video_path(video), 200));
    auto reply = get(video_path(video));
    EXPECT_EQ(reply.text("title"), "Central do Brasil");
    EXPECT_EQ(reply.json.at("categories").at(0).at("name"), "Nacional");
    EXPECT_EQ(reply.json.at("genres").at(0).at("name"), "Drama");
    EXPECT_EQ(reply.json.at("cast_members").at(0).at("name"), "Fernanda Montenegro");
    EXPECT_EQ(reply.json.at("cast_members").at(0).at("type"), "actor");
    EXPECT_EQ(reply.json.at("version"), 1);
    EXPECT_FALSE(reply.header("ETag").empty());
    EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=30");

    EXPECT_EQ(total("/api/catalog/categories"), 1);
    EXPECT_EQ(total("/api/catalog/genres"), 1);
    EXPECT_EQ(total("/api/catalog/cast-members"), 1);
    auto browse = get("/api/catalog/browse");
    ASSERT_EQ(browse.status, 200) << browse.body;
    const auto& rows = browse.json.at("rows").as_array();
    ASSERT_EQ(rows.size(), 2u) << browse.body;
    EXPECT_EQ(rows[0].at("id"), "new");
    EXPECT_EQ(rows[1].at("title"), "Nacional");
    EXPECT_EQ(rows[1].at("videos").at(0).at("id"), video.c_str());
}

TEST_P(Projection, UnpublishedOrDeletedVideosAreNowhere) {
    std::string draft = new_id(), gone = new_id();
    publish("video", "created", video_data(draft, 1, {.title = "Rascunho", .published = false}));
    publish("video", "created", video_data(gone, 1, {.title = "Sumido"}));
    ASSERT_TRUE(answers(video_path(gone), 200));
    EXPECT_EQ(get(video_path(draft)).status, 404);
    auto deleted = video_data(gone, 2, {.title = "Sumido"});
    deleted["deleted_at"] = deleted.at("updated_at");
    publish("video", "deleted", deleted);
    ASSERT_TRUE(answers(video_path(gone), 404));
    expect_problem(get(video_path(gone)), 404);
    EXPECT_EQ(total("/api/catalog/videos"), 0);
    EXPECT_EQ(get("/api/catalog/search?q=sumido").json.at("meta").at("total"), 0);
    // Publishing later makes it appear.
    publish("video", "updated", video_data(draft, 2, {.title = "Rascunho"}));
    EXPECT_TRUE(answers(video_path(draft), 200));
}

TEST_P(Projection, ARenamedOrDeactivatedCategoryReachesEveryVideoThatUsesIt) {
    std::string category = new_id();
    std::vector<std::string> videos = {new_id(), new_id()};
    publish("category", "created", category_data(category, 1, "Clássicos"));
    for (const auto& id : videos)
        publish("video", "created",
                video_data(id, 1, {.title = "Filme " + id.substr(30), .categories = {category}}));
    ASSERT_TRUE(answers(video_path(videos[1]), 200));

    publish("category", "updated", category_data(category, 2, "Cult"));
    for (const auto& id : videos) {
        EXPECT_TRUE(eventually([&] {
            return get(video_path(id)).json.at("categories").at(0).at("name") == "Cult";
        })) << get(video_path(id)).body;
    }
    EXPECT_EQ(get("/api/catalog/search?q=cult").json.at("meta").at("total"), 2)
        << "the search index follows the rename";
    EXPECT_EQ(get("/api/catalog/search?q=classicos").json.at("meta").at("total"), 0);

    publish("category", "updated", category_data(category, 3, "Cult", false));
    for (const auto& id : videos) {
        EXPECT_TRUE(eventually(
            [&] { return get(video_path(id)).json.at("categories").as_array().empty(); }));
    }
    EXPECT_EQ(total("/api/catalog/categories"), 0);
    EXPECT_EQ(get("/api/catalog/browse").json.at("rows").as_array().size(), 1u);
    EXPECT_EQ(get("/api/catalog/search?q=cult").json.at("meta").at("total"), 0);
    EXPECT_EQ(total("/api/catalog/videos?category=" + category), 2) << "the videos themselves stay";
}

TEST_P(Projection, TheNewestVersionWinsWhateverTheDeliveryOrder) {
    std::string video = new_id();
    publish("video", "updated", video_data(video, 3, {.title = "Terceira"}));
    publish("video", "created", video_data(video, 1, {.title = "Primeira"}));
    publish("video", "updated", video_data(video, 2, {.title = "Segunda"}));
    auto again = video_data(video, 3, {.title = "Terceira"});
    publish("video", "updated", again);
    publish("video", "updated", again);
    ASSERT_TRUE(answers(video_path(video), 200));
    ASSERT_TRUE(eventually([&] { return processed() == 5; }));
    auto reply = get(video_path(video));
    EXPECT_EQ(reply.text("title"), "Terceira");
    EXPECT_EQ(reply.json.at("version"), 3);

    auto deleted = video_data(video, 4, {.title = "Terceira"});
    deleted["deleted_at"] = deleted.at("updated_at");
    publish("video", "deleted", deleted);
    publish("video", "updated", video_data(video, 3, {.title = "Zumbi"}));
    ASSERT_TRUE(eventually([&] { return processed() == 7; }));
    EXPECT_EQ(get(video_path(video)).status, 404) << "a stale update does not revive it";
}

TEST_P(Projection, TheSameEventDeliveredTwiceIsAppliedOnce) {
    std::string category = new_id();
    auto data = category_data(category, 1, "Terror");
    auto event = codeflix::messaging::make_event(
        "/catalog-admin", "codeflix.catalog.category.created.v1", category, data);
    for (int i = 0; i < 3; ++i) publish_raw(event.type, codeflix::messaging::to_json(event));
    ASSERT_TRUE(eventually([&] { return processed() == 3; }));
    EXPECT_EQ(metric("codeflix_events_consumed_total"), 3);
    EXPECT_EQ(metric("codeflix_events_handled_total"), 1);
    EXPECT_EQ(metric("codeflix_events_duplicates_total"), 2);
    EXPECT_EQ(total("/api/catalog/categories"), 1);
}

TEST_P(Projection, WhatCannotBeAppliedIsParkedAndTheConsumerKeepsGoing) {
    publish_raw("codeflix.catalog.video.updated.v1", "{\"not\": \"a cloud event\"");
    auto broken = video_data(new_id(), 1, {.title = "Sem título"});
    broken.erase("title");
    publish("video", "updated", broken);
    publish("video", "updated", video_data(new_id(), 1, {.title = "Futuro"}), 2);
    std::string good = new_id();
    publish("video", "created", video_data(good, 1, {.title = "Bom"}));
    EXPECT_TRUE(answers(video_path(good), 200));
    ASSERT_TRUE(eventually([&] { return metric("codeflix_events_dead_lettered_total") == 3; }))
        << get("/metrics").body << service_->log();
    std::vector<std::string> reasons;
    for (int i = 0; i < 3; ++i) {
        auto parked = probe_->take("catalog-api.catalog.dlq", std::chrono::seconds(5));
        ASSERT_TRUE(parked);
        reasons.push_back(parked->headers[codeflix::messaging::kDeadReasonHeader]);
    }
    std::sort(reasons.begin(), reasons.end());
    EXPECT_EQ(reasons[0], "rejected: data.title is not a string");
    EXPECT_NE(reasons[1].find("unknown version 2 of codeflix.catalog.video.updated"),
              std::string::npos)
        << reasons[1];
    EXPECT_NE(reasons[2].find("unparseable"), std::string::npos) << reasons[2];
}

TEST_P(Projection, ResponsesRevalidateWithTheirEntityTag) {
    std::string video = new_id();
    publish("video", "created", video_data(video, 1, {.title = "Cache"}));
    ASSERT_TRUE(answers(video_path(video), 200));
    for (const std::string& path :
         {video_path(video), std::string("/api/catalog/videos"),
          std::string("/api/catalog/search?q=cache"), std::string("/api/catalog/browse")}) {
        auto first = get(path);
        ASSERT_EQ(first.status, 200) << path;
        Headers headers;
        headers.set("If-None-Match", first.header("ETag"));
        auto again = call("GET", path, {}, headers);
        EXPECT_EQ(again.status, 304) << path;
        EXPECT_TRUE(again.body.empty());
        EXPECT_EQ(again.header("ETag"), first.header("ETag"));
    }
}

CODEFLIX_DIALECTS(Projection);

}  // namespace
