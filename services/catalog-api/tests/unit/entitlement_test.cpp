#include "src/domain/entitlement.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace codeflix::catalog_api::domain {
namespace {

using namespace std::chrono_literals;

const core::TimePoint kNow = *core::parse_rfc3339("2026-05-10T12:00:00.000Z");
const EntitlementPolicy kPolicy{3600s, 259200s};

Subscription subscription(SubscriptionStatus status, core::TimePoint period_end) {
    Subscription s;
    s.id = "01900000-0000-7000-8000-000000000001";
    s.version = 1;
    s.user_id = "user-1";
    s.plan_id = "01900000-0000-7000-8000-0000000000a1";
    s.plan_name = "Standard";
    s.status = status;
    s.max_streams = 2;
    s.max_quality = Quality::p720;
    s.current_period_start = period_end - 24h * 30;
    s.current_period_end = period_end;
    return s;
}

TEST(Entitlement, TrialingAndActiveLastUntilThePeriodEndPlusTheRenewalLeeway) {
    for (auto status : {SubscriptionStatus::trialing, SubscriptionStatus::active}) {
        EXPECT_TRUE(is_entitled(subscription(status, kNow + 10min), kNow, kPolicy));
        EXPECT_TRUE(is_entitled(subscription(status, kNow - 59min), kNow, kPolicy));
        EXPECT_FALSE(is_entitled(subscription(status, kNow - 60min), kNow, kPolicy));
        EXPECT_FALSE(is_entitled(subscription(status, kNow - 24h), kNow, kPolicy));
    }
    EXPECT_FALSE(
        is_entitled(subscription(SubscriptionStatus::active, kNow - 1s), kNow, {0s, 259200s}))
        << "without leeway the period end is the end";
}

TEST(Entitlement, CancelledAtThePeriodEndGetsNoLeeway) {
    auto s = subscription(SubscriptionStatus::active, kNow + 1s);
    s.cancel_at_period_end = true;
    EXPECT_TRUE(is_entitled(s, kNow, kPolicy));
    s.current_period_end = kNow;
    EXPECT_FALSE(is_entitled(s, kNow, kPolicy));
    s.current_period_end = kNow - 1min;
    EXPECT_FALSE(is_entitled(s, kNow, kPolicy));
}

TEST(Entitlement, PastDueLastsForTheGraceAfterItBegan) {
    auto s = subscription(SubscriptionStatus::past_due, kNow - 24h);
    s.past_due_since = kNow - 24h;
    EXPECT_TRUE(is_entitled(s, kNow, kPolicy));
    s.past_due_since = kNow - 72h + 1s;
    EXPECT_TRUE(is_entitled(s, kNow, kPolicy));
    s.past_due_since = kNow - 72h;
    EXPECT_FALSE(is_entitled(s, kNow, kPolicy));
    EXPECT_TRUE(is_entitled(s, kNow, {3600s, 96h})) << "a longer grace setting";
}

TEST(Entitlement, CanceledAndExpiredNeverAre) {
    for (auto status : {SubscriptionStatus::canceled, SubscriptionStatus::expired})
        EXPECT_FALSE(is_entitled(subscription(status, kNow + 24h), kNow, kPolicy));
}

TEST(Entitlement, TheBestEntitledSubscriptionDecides) {
    auto old = subscription(SubscriptionStatus::expired, kNow - 24h * 60);
    auto basic = subscription(SubscriptionStatus::active, kNow + 24h);
    basic.max_quality = Quality::p480;
    basic.max_streams = 4;
    auto standard = subscription(SubscriptionStatus::trialing, kNow + 24h);
    standard.id = "01900000-0000-7000-8000-000000000002";
    auto wider = standard;
    wider.id = "01900000-0000-7000-8000-000000000003";
    wider.max_streams = 3;
    auto decision = decide({old, basic, standard, wider}, kNow, kPolicy);
    ASSERT_TRUE(decision.entitled);
    EXPECT_FALSE(decision.denial);
    EXPECT_EQ(decision.subscription->id, wider.id) << "720p first, then the most streams";
}

TEST(Entitlement, TheDenialSaysWhy) {
    auto none = decide({}, kNow, kPolicy);
    EXPECT_FALSE(none.entitled);
    EXPECT_EQ(none.denial, Denial::not_subscribed);
    EXPECT_FALSE(none.subscription);

    auto ended = decide({subscription(SubscriptionStatus::expired, kNow - 24h),
                         subscription(SubscriptionStatus::canceled, kNow + 24h)},
                        kNow, kPolicy);
    EXPECT_EQ(ended.denial, Denial::subscription_ended);
    EXPECT_EQ(ended.subscription->status, SubscriptionStatus::canceled) << "the latest period";

    auto overdue = subscription(SubscriptionStatus::past_due, kNow - 24h * 5);
    overdue.past_due_since = kNow - 24h * 5;
    auto decision = decide({subscription(SubscriptionStatus::expired, kNow - 24h * 40), overdue},
                           kNow, kPolicy);
    EXPECT_EQ(decision.denial, Denial::payment_overdue);
    EXPECT_EQ(reason_code(*decision.denial), "payment_overdue");
    EXPECT_NE(explanation(*decision.denial).find("overdue"), std::string::npos);
}

boost::json::object valid_data() {
    return boost::json::parse(R"({
        "id": "01900000-0000-7000-8000-000000000001", "version": 7, "user_id": "auth0|abc",
        "plan_id": "01900000-0000-7000-8000-0000000000A1", "plan_name": "Premium",
        "status": "past_due", "max_streams": 4, "max_quality": "1080p",
        "current_period_start": "2026-04-10T12:00:00.000Z",
        "current_period_end": "2026-05-10T12:00:00Z", "cancel_at_period_end": false,
        "past_due_since": "2026-05-10T12:00:00.000Z", "ended_at": null})")
        .as_object();
}

TEST(Entitlement, SubscriptionEventDataIsReadAndChecked) {
    auto parsed = parse_subscription(valid_data());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->version, 7);
    EXPECT_EQ(parsed->user_id, "auth0|abc") << "any identity subject, not only UUIDs";
    EXPECT_EQ(parsed->plan_id, "01900000-0000-7000-8000-0000000000a1");
    EXPECT_EQ(parsed->status, SubscriptionStatus::past_due);
    EXPECT_EQ(parsed->max_quality, Quality::p1080);
    EXPECT_EQ(parsed->current_period_end, kNow);
    EXPECT_EQ(parsed->past_due_since, kNow);
    EXPECT_FALSE(parsed->ended_at);

    auto without_optional = valid_data();
    without_optional["status"] = "active";
    without_optional.erase("past_due_since");
    without_optional.erase("ended_at");
    EXPECT_TRUE(parse_subscription(without_optional).ok()) << "absent nullable times are null";

    const std::vector<std::pair<std::string, boost::json::value>> broken = {
        {"id", "x"},
        {"version", 0},
        {"version", 1.5},
        {"user_id", ""},
        {"user_id", " padded"},
        {"user_id", boost::json::value(std::string(256, 'u'))},
        {"plan_id", nullptr},
        {"plan_name", 3},
        {"status", "paused"},
        {"max_streams", 0},
        {"max_streams", 11},
        {"max_quality", "4k"},
        {"current_period_start", "2026-04-10"},
        {"current_period_end", "2026-04-01T00:00:00Z"},
        {"cancel_at_period_end", "no"},
        {"past_due_since", nullptr},
        {"ended_at", "yesterday"}};
    for (const auto& [field, value] : broken) {
        auto data = valid_data();
        data[field] = value;
        auto refused = parse_subscription(data);
        ASSERT_FALSE(refused.ok()) << field;
        EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
        EXPECT_NE(refused.error().message.find("data." + field), std::string::npos)
            << refused.error().message;
    }
    auto missing = valid_data();
    missing.erase("max_streams");
    EXPECT_FALSE(parse_subscription(missing).ok());
}

TEST(Entitlement, QualitiesReadAndCompareByTheirShortSide) {
    EXPECT_EQ(parse_quality("720p"), Quality::p720);
    EXPECT_FALSE(parse_quality("720"));
    EXPECT_EQ(to_string(Quality::p480), "480p");
    EXPECT_EQ(short_side_of(Quality::p1080), 1080);
    EXPECT_LT(Quality::p480, Quality::p720);
    EXPECT_EQ(parse_status("trialing"), SubscriptionStatus::trialing);
    EXPECT_EQ(to_string(SubscriptionStatus::past_due), "past_due");
}

}  // namespace
}  // namespace codeflix::catalog_api::domain
