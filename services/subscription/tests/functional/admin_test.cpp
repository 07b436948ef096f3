#include <boost/json/serialize.hpp>
#include <codeflix/core/uuid.hpp>

#include "subscription_fixture.hpp"

using namespace codeflix;
using namespace codeflix::subscription::testing;

namespace {

std::string someone() { return "viewer-" + core::new_uuid_v7(); }

}  // namespace

using AdminTest = SubscriptionTest;

TEST_P(AdminTest, AdminsFindSubscribersSeeHistoryRefundAndCancel) {
    auto plan = create_plan("Standard", 3000);
    auto user = someone();
    auto id = subscribe(user, plan, card(user)).text("id");
    expect_problem(call("GET", "/api/subscription/admin/subscribers", {}, viewer(user)), 403);
    expect_problem(call("GET", "/api/subscription/admin/subscribers?status=zombie", {}, admin()),
                   400);
    auto found =
        call("GET", "/api/subscription/admin/subscribers?status=active&q=" + user, {}, admin());
    ASSERT_EQ(found.status, 200);
    ASSERT_EQ(found.json.at("meta").at("total").as_int64(), 1);
    auto detail = call("GET", "/api/subscription/admin/subscriptions/" + id, {}, admin());
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(detail.json.at("history").at(0).at("action").as_string(), "subscribed");
    auto invoice = std::string(detail.json.at("invoices").at(0).at("id").as_string());
    auto refund_path = "/api/subscription/admin/invoices/" + invoice + "/refund";
    auto refund = post(refund_path, R"({"amount":1000})", with_key(admin(), "refund-1"));
    ASSERT_EQ(refund.status, 200) << refund.body;
    EXPECT_EQ(refund.json.at("refunded_amount").as_int64(), 1000);
    auto again = post(refund_path, R"({"amount":1000})", with_key(admin(), "refund-1"));
    EXPECT_EQ(again.json.at("refunded_amount").as_int64(), 1000) << "replayed, not refunded twice";
    expect_problem(post(refund_path, R"({"amount":5000})", admin()), 422);
    expect_problem(post(refund_path, R"({"amount":"all"})", admin()), 400);
    expect_problem(
        post("/api/subscription/admin/invoices/" + core::new_uuid_v7() + "/refund", "{}", admin()),
        404);
    auto cancel = post("/api/subscription/admin/subscriptions/" + id + "/cancel", "", admin());
    ASSERT_EQ(cancel.status, 200);
    EXPECT_EQ(cancel.text("status"), "canceled");
    expect_problem(post("/api/subscription/admin/subscriptions/" + id + "/cancel", "", admin()),
                   409);
}

TEST_P(AdminTest, TheTestClockDrivesRenewalDunningAndTheEnd) {
    auto plan = create_plan("Standard", 3000);
    auto good = someone();
    auto failing = someone();
    auto leaving = someone();
    auto good_id = subscribe(good, plan, card(good)).text("id");
    auto failing_id = subscribe(failing, plan, card(failing, "4000000000000341")).text("id");
    auto leaving_id = subscribe(leaving, plan, card(leaving)).text("id");
    ASSERT_EQ(post("/api/subscription/subscriptions/" + leaving_id + "/cancel", "", viewer(leaving))
                  .status,
              200);
    expect_problem(post("/api/subscription/admin/test-clock/advance", R"({"seconds":-1})", admin()),
                   400);
    ASSERT_EQ(post("/api/subscription/admin/test-clock/advance", R"({"seconds":2764800})", admin())
                  .status,
              200);  // 32 days
    auto run = post("/api/subscription/admin/billing/run", "", admin());
    ASSERT_EQ(run.status, 200);
    EXPECT_EQ(run.json.at("renewed").as_int64(), 1);
    EXPECT_EQ(run.json.at("failed").as_int64(), 1);
    EXPECT_EQ(run.json.at("canceled").as_int64(), 1);
    auto status = [&](const std::string& user, const std::string& id) {
        return call("GET", "/api/subscription/subscriptions/" + id, {}, viewer(user))
            .text("status");
    };
    EXPECT_EQ(status(good, good_id), "active");
    EXPECT_EQ(status(failing, failing_id), "past_due");
    EXPECT_EQ(status(leaving, leaving_id), "canceled");
    // A new card pays the overdue invoice at once.
    auto fixed = post("/api/subscription/subscriptions/" + failing_id + "/payment-method",
                      R"({"payment_method":")" + card(failing) + "\"}", viewer(failing));
    ASSERT_EQ(fixed.status, 200) << fixed.body;
    EXPECT_EQ(fixed.text("status"), "active");
    std::set<std::string> types;
    while (auto message = probe_->take("test.subscription-events", std::chrono::seconds(2)))
        types.insert(message->routing_key);
    for (auto type : {"activated", "renewed", "past_due", "canceled", "updated"})
        EXPECT_TRUE(types.count(std::string("codeflix.subscription.subscription.") + type + ".v1"))
            << type;
}

CODEFLIX_DIALECTS(AdminTest);
