// catalog-api's copy of subscriptions follows the subscription service's events: the newest
// version wins, past due keeps playing within the grace, malformed events are parked.

#include <codeflix/messaging/broker.hpp>
#include <functional>

#include "playback_fixture.hpp"

using namespace codeflix::catalog_api::testing;
using namespace std::chrono_literals;

namespace {

class EntitlementEvents : public PlaybackWithTitleTest {
  protected:
    Reply entitlement(const std::string& user) {
        return call("GET", "/api/catalog/me/entitlement", {}, as(user));
    }
};

TEST_P(EntitlementEvents, ACanceledSubscriptionEndsPlaybackAndOlderNewsIsIgnored) {
    auto active = subscribe({.user = "ana", .max_streams = 3, .max_quality = "720p"});
    std::string id(active.at("id").as_string());
    auto shown = entitlement("ana");
    EXPECT_EQ(shown.json.at("entitled"), true);
    EXPECT_EQ(shown.json.at("max_streams"), 3);
    EXPECT_EQ(shown.text("max_quality"), "720p");
    EXPECT_EQ(shown.text("plan_name"), "Standard");
    EXPECT_TRUE(shown.json.at("reason").is_null());
    auto playing = start("ana", video_);
    ASSERT_EQ(playing.status, 201);
    std::string session = playing.text("session_id");

    publish_subscription(
        "canceled",
        subscription_data(
            {.id = id, .version = 3, .user = "ana", .status = "canceled", .ended = true}));
    ASSERT_TRUE(entitlement_status_is("ana", "canceled"));
    auto refused = start("ana", video_);
    expect_problem(refused, 403);
    EXPECT_EQ(refused.text("reason"), "subscription_ended");
    EXPECT_NE(refused.text("detail").find("has ended"), std::string::npos) << refused.body;
    // The session already playing ends at its next heartbeat; its position is still saved.
    auto beat = heartbeat("ana", video_, session, R"({"position_seconds": 40})");
    expect_problem(beat, 403);
    EXPECT_EQ(beat.text("reason"), "subscription_ended");
    expect_problem(heartbeat("ana", video_, session, R"({"position_seconds": 41})"), 410);
    auto progress = continue_watching("ana");
    ASSERT_EQ(progress.json.at("data").as_array().size(), 1u) << progress.body;
    EXPECT_EQ(progress.json.at("data").at(0).at("position_seconds").to_number<double>(), 40);

    double before = processed();
    publish_subscription("renewed", subscription_data({.id = id, .version = 2, .user = "ana"}));
    ASSERT_TRUE(eventually([&] { return processed() == before + 1; }));
    EXPECT_EQ(entitlement("ana").text("status"), "canceled") << "version 2 came after version 3";
    expect_problem(start("ana", video_), 403);

    // A new subscription of the same user entitles again, beside the old row.
    subscribe({.user = "ana", .max_streams = 2, .max_quality = "480p"});
    auto again = start("ana", video_);
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.text("max_quality"), "480p");
}

TEST_P(EntitlementEvents, PastDuePlaysWithinTheGraceOnly) {
    subscribe({.user = "bia", .status = "past_due", .past_due_for = std::chrono::hours(24)});
    EXPECT_EQ(start("bia", video_).status, 201) << "one day into a three-day grace";

    subscribe({.user = "caio", .status = "past_due", .past_due_for = std::chrono::hours(96)});
    auto refused = start("caio", video_);
    expect_problem(refused, 403);
    EXPECT_EQ(refused.text("reason"), "payment_overdue");
    auto shown = entitlement("caio");
    EXPECT_EQ(shown.json.at("entitled"), false);
    EXPECT_EQ(shown.text("reason"), "payment_overdue");
    EXPECT_EQ(shown.text("status"), "past_due");
    EXPECT_TRUE(shown.json.at("max_streams").is_null());
}

TEST_P(EntitlementEvents, APeriodThatEndedUnrenewedOrCancelledAtItsEndStopsPlayback) {
    subscribe({.user = "duda", .period_end_in = -30min});
    EXPECT_EQ(start("duda", video_).status, 201) << "within the hour of renewal leeway";
    subscribe({.user = "eva", .period_end_in = -30min, .cancel_at_period_end = true});
    auto refused = start("eva", video_);
    expect_problem(refused, 403);
    EXPECT_EQ(refused.text("reason"), "subscription_ended");
    subscribe({.user = "fabi", .period_end_in = -2h});
    expect_problem(start("fabi", video_), 403);
}

TEST_P(EntitlementEvents, MalformedEventsAreParkedAndTheConsumerKeepsGoing) {
    const std::string queue = "catalog-api.subscriptions.dlq";
    auto broken = [](const std::function<void(boost::json::object&)>& change) {
        auto data = subscription_data({.user = "gil"});
        change(data);
        return data;
    };
    std::vector<boost::json::object> bad = {
        broken([](auto& d) { d.erase("user_id"); }),
        broken([](auto& d) { d["user_id"] = std::string(256, 'u'); }),
        broken([](auto& d) { d["max_streams"] = 11; }),
        broken([](auto& d) { d["max_quality"] = "4k"; }),
        broken([](auto& d) { d["status"] = "paused"; }),
        broken([](auto& d) { d["version"] = 0; }),
        broken([](auto& d) { d["current_period_end"] = "tomorrow"; }),
        broken([](auto& d) { d["past_due_since"] = 5; }),
        broken([](auto& d) { d["plan_id"] = "premium"; }),
        broken([](auto& d) {
            d["status"] = "past_due";
            d["past_due_since"] = nullptr;
        }),
    };
    for (const auto& data : bad) publish_subscription("updated", data);
    // The subject must name the subscription in the data.
    auto mismatched = subscription_data({.user = "gil"});
    auto event = codeflix::messaging::make_event(
        "/subscription", "codeflix.subscription.subscription.updated.v1", new_id(), mismatched);
    publish_raw(event.type, codeflix::messaging::to_json(event));
    publish_raw("codeflix.subscription.subscription.updated.v1", "{\"not\": \"an event\"}");
    auto expected = static_cast<std::int64_t>(bad.size()) + 2;
    EXPECT_TRUE(eventually([&] { return probe_->ready(queue) == expected; }))
        << probe_->ready(queue) << " parked\n"
        << service_->log();

    subscribe({.user = "gil"});
    EXPECT_EQ(start("gil", video_).status, 201) << "good events still apply";
    std::string reasons;
    for (std::int64_t i = 0; i < expected; ++i) {
        auto parked = probe_->take(queue, std::chrono::seconds(5));
        ASSERT_TRUE(parked);
        reasons += parked->headers[codeflix::messaging::kDeadReasonHeader] + "\n";
    }
    for (const char* reason :
         {"data.user_id is not a string", "data.user_id must be 1 to 255 characters",
          "data.max_streams is not an integer from 1 to 10", "data.max_quality is not one of",
          "data.status is not one of", "data.version is not an integer",
          "data.current_period_end is not an RFC 3339 time", "data.past_due_since is not",
          "data.plan_id", "data.past_due_since is required", "data.id is not the subject",
          "unparseable"}) {
        EXPECT_NE(reasons.find(reason), std::string::npos) << reason << " in\n" << reasons;
    }
}

CODEFLIX_DIALECTS(EntitlementEvents);

}  // namespace
