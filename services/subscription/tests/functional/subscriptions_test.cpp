#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/messaging/event.hpp>

#include "subscription_fixture.hpp"

using namespace codeflix;
using namespace codeflix::subscription::testing;

namespace {

std::string someone() { return "viewer-" + core::new_uuid_v7(); }

}  // namespace

TEST_P(SubscriptionTest, PlansArePublicAndOnlyAdminsChangeThem) {
    auto id = create_plan("Standard", 2990);
    auto plans = get("/api/subscription/plans");
    ASSERT_EQ(plans.status, 200);
    ASSERT_EQ(plans.json.at("data").as_array().size(), 1u);
    EXPECT_EQ(plans.json.at("data").at(0).at("price").as_int64(), 2990);
    expect_problem(post("/api/subscription/admin/plans", "{}", viewer("u1")), 403);
    expect_problem(post("/api/subscription/admin/plans", "{}"), 401);
    auto bad = post("/api/subscription/admin/plans",
                    R"({"name":"","price":-5,"currency":"brl","interval":"week","max_streams":0,)"
                    R"("max_quality":"8k"})",
                    admin());
    auto fields = expect_problem(bad, 400);
    EXPECT_EQ(fields.size(), 6u);
    expect_problem(post("/api/subscription/admin/plans", "[1,2", admin()), 400);
    auto same_name = post("/api/subscription/admin/plans",
                          R"({"name":"STANDARD","price":100,"currency":"BRL","interval":"month",)"
                          R"("max_streams":1,"max_quality":"480p"})",
                          admin());
    EXPECT_EQ(expect_problem(same_name, 409), std::vector<std::string>{"name"});
    auto headers = admin();
    headers.set("If-Match", "\"7\"");
    expect_problem(patch("/api/subscription/admin/plans/" + id, R"({"price":3990})", headers), 412);
    headers.set("If-Match", "\"1\"");
    auto changed = patch("/api/subscription/admin/plans/" + id, R"({"active":false})", headers);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(get("/api/subscription/plans").json.at("data").as_array().size(), 0u);
    expect_problem(get("/api/subscription/admin/plans/not-a-uuid"), 401);
    expect_problem(call("GET", "/api/subscription/admin/plans/not-a-uuid", {}, admin()), 400);
}

TEST_P(SubscriptionTest, CardsAreTokenisedAndNeverStoredOrLogged) {
    auto user = someone();
    auto bad =
        post("/api/subscription/sandbox/payment-methods",
             R"({"card_number":"4242424242424241","exp_month":13,"exp_year":2020,"cvc":"1x"})",
             viewer(user));
    auto fields = expect_problem(bad, 400);
    EXPECT_GE(fields.size(), 3u);
    auto expired =
        post("/api/subscription/sandbox/payment-methods",
             R"({"card_number":"4242424242424242","exp_month":1,"exp_year":2020,"cvc":"123"})",
             viewer(user));
    expect_problem(expired, 400);
    auto good =
        post("/api/subscription/sandbox/payment-methods",
             R"({"card_number":"4242 4242 4242 4242","exp_month":12,"exp_year":2031,"cvc":"123"})",
             viewer(user));
    ASSERT_EQ(good.status, 201);
    EXPECT_EQ(good.text("brand"), "visa");
    EXPECT_EQ(good.text("last4"), "4242");
    EXPECT_EQ(good.body.find("4242 4242"), std::string::npos);
    EXPECT_EQ(service_->log().find("4242424242424242"), std::string::npos);
    EXPECT_EQ(service_->log().find("4242 4242"), std::string::npos);
}

TEST_P(SubscriptionTest, SubscribeActivatesAndEmitsTheEntitlement) {
    auto plan = create_plan("Standard", 2990, 0, 3, "720p");
    auto user = someone();
    auto reply = subscribe(user, plan, card(user));
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.text("status"), "active");
    EXPECT_EQ(reply.json.at("payment_method").at("last4").as_string(), "4242");
    auto message = probe_->take("test.subscription-events", std::chrono::seconds(10));
    ASSERT_TRUE(message);
    EXPECT_EQ(message->routing_key, "codeflix.subscription.subscription.activated.v1");
    auto event = messaging::parse_event(message->body);
    ASSERT_TRUE(event);
    EXPECT_EQ(event->data.at("user_id").as_string(), user);
    EXPECT_EQ(event->data.at("max_streams").as_int64(), 3);
    EXPECT_EQ(event->data.at("max_quality").as_string(), "720p");
    EXPECT_EQ(event->data.at("version").as_int64(), 1);
    auto me = call("GET", "/api/subscription/me", {}, viewer(user));
    EXPECT_EQ(me.json.at("subscription").at("id").as_string(), reply.text("id"));
    EXPECT_EQ(me.json.at("upcoming").at("amount").as_int64(), 2990);
    auto invoices = call("GET", "/api/subscription/invoices", {}, viewer(user));
    EXPECT_EQ(invoices.json.at("meta").at("total").as_int64(), 1);
    expect_problem(subscribe(user, plan, card(user)), 409);
}

TEST_P(SubscriptionTest, ADeclinedCardIs402AndLeavesNothing) {
    auto plan = create_plan("Standard", 2990);
    auto user = someone();
    auto reply = subscribe(user, plan, card(user, "4000000000000002"));
    expect_problem(reply, 402);
    EXPECT_NE(reply.text("detail").find("declined"), std::string::npos);
    EXPECT_EQ(reply.text("reason"), "card_declined");
    auto me = call("GET", "/api/subscription/me", {}, viewer(user));
    EXPECT_TRUE(me.json.at("subscription").is_null());
    EXPECT_FALSE(probe_->take("test.subscription-events", std::chrono::milliseconds(500)));
}

TEST_P(SubscriptionTest, ADoubleClickedSubscribeChargesOnce) {
    auto plan = create_plan("Standard", 2990);
    auto user = someone();
    auto token = card(user);
    auto first = subscribe(user, plan, token, "click-1");
    auto second = subscribe(user, plan, token, "click-1");
    ASSERT_EQ(first.status, 201);
    ASSERT_EQ(second.status, 201);
    EXPECT_EQ(second.text("id"), first.text("id"));
    EXPECT_EQ(second.header("Idempotent-Replayed"), "true");
    boost::json::object other{{"plan_id", plan}, {"payment_method", token}, {"price", 2990}};
    expect_problem(post("/api/subscription/subscriptions", boost::json::serialize(other),
                        with_key(viewer(user), "click-1")),
                   422);
    // At the same moment, on separate connections.
    auto racer = someone();
    auto racer_token = card(racer);
    auto body = boost::json::serialize(
        boost::json::object{{"plan_id", plan}, {"payment_method", racer_token}});
    auto replies = call_in_parallel(4, [&](int) {
        return service::testing::Call{"POST", "/api/subscription/subscriptions", body,
                                      with_key(viewer(racer), "race-1")};
    });
    std::set<std::string> ids;
    for (const auto& r : replies) {
        if (r.status == 201) ids.insert(r.text("id"));
        EXPECT_TRUE(r.status == 201 || r.status == 409) << r.status << r.body;
    }
    EXPECT_EQ(ids.size(), 1u);
    auto invoices = call("GET", "/api/subscription/invoices", {}, viewer(racer));
    EXPECT_EQ(invoices.json.at("meta").at("total").as_int64(), 1) << "one charge";
}

TEST_P(SubscriptionTest, BadSubscribeRequestsChangeNothing) {
    auto plan = create_plan("Standard", 2990);
    auto user = someone();
    auto token = card(user);
    auto mine = viewer(user);
    expect_problem(post("/api/subscription/subscriptions", "{", mine), 400);
    expect_problem(
        post("/api/subscription/subscriptions", R"({"plan_id":"x","payment_method":1})", mine),
        400);
    expect_problem(
        post("/api/subscription/subscriptions",
             R"({"plan_id":")" + core::new_uuid_v7() + R"(","payment_method":")" + token + "\"}",
             mine),
        404);
    auto wrong_price = post(
        "/api/subscription/subscriptions",
        R"({"plan_id":")" + plan + R"(","payment_method":")" + token + R"(","price":990})", mine);
    expect_problem(wrong_price, 422);
    expect_problem(post("/api/subscription/subscriptions",
                        R"({"plan_id":")" + plan + R"(","payment_method":")" + token +
                            R"(","currency":"USD"})",
                        mine),
                   422);
    expect_problem(subscribe(user, plan, card(someone())), 422);  // another user's card
    expect_problem(subscribe(user, plan, "pm_forged"), 422);
    auto bad_key = mine;
    bad_key.set("Idempotency-Key", std::string(300, 'k'));
    expect_problem(post("/api/subscription/subscriptions", "{}", bad_key), 400);
    EXPECT_TRUE(call("GET", "/api/subscription/me", {}, mine).json.at("subscription").is_null());
}

TEST_P(SubscriptionTest, CancelResumeAndOthersSubscriptions) {
    auto plan = create_plan("Standard", 2990);
    auto user = someone();
    auto id = subscribe(user, plan, card(user)).text("id");
    auto path = "/api/subscription/subscriptions/" + id;
    auto stranger = viewer(someone());
    expect_problem(call("GET", path, {}, stranger), 404);
    expect_problem(post(path + "/cancel", "", stranger), 404);
    expect_problem(post(path + "/change-plan", R"({"plan_id":")" + plan + "\"}", stranger), 404);
    auto canceled = post(path + "/cancel", "", viewer(user));
    ASSERT_EQ(canceled.status, 200);
    EXPECT_TRUE(canceled.json.at("cancel_at_period_end").as_bool());
    expect_problem(post(path + "/cancel", "", viewer(user)), 409);
    auto resumed = post(path + "/resume", "", viewer(user));
    ASSERT_EQ(resumed.status, 200);
    EXPECT_FALSE(resumed.json.at("cancel_at_period_end").as_bool());
    expect_problem(post(path + "/resume", "", viewer(user)), 409);
    expect_problem(post("/api/subscription/subscriptions/nope/cancel", "", viewer(user)), 400);
}

TEST_P(SubscriptionTest, UpgradesAreChargedNowDowngradesAtThePeriodEnd) {
    auto basic = create_plan("Basic", 1000, 0, 1, "480p");
    auto premium = create_plan("Premium", 2000, 0, 4, "1080p");
    auto user = someone();
    auto id = subscribe(user, basic, card(user)).text("id");
    auto path = "/api/subscription/subscriptions/" + id + "/change-plan";
    auto up = post(path, R"({"plan_id":")" + premium + "\"}", with_key(viewer(user), "up-1"));
    ASSERT_EQ(up.status, 200) << up.body;
    EXPECT_EQ(up.text("plan_id"), premium);
    EXPECT_GT(up.json.at("charged").as_int64(), 900) << "almost a whole month left";
    auto down = post(path, R"({"plan_id":")" + basic + "\"}", viewer(user));
    ASSERT_EQ(down.status, 200);
    EXPECT_EQ(down.text("plan_id"), premium);
    EXPECT_EQ(down.text("pending_plan_id"), basic);
    EXPECT_EQ(down.json.at("charged").as_int64(), 0);
}

TEST_P(SubscriptionTest, ASubscriptionBeforeTheRegistrationEventStillGetsItsCustomer) {
    auto plan = create_plan("Standard", 2990);
    auto user = someone();
    ASSERT_EQ(subscribe(user, plan, card(user)).status, 201);
    auto registered =
        messaging::make_event("/identity", "codeflix.identity.user.registered.v1", user,
                              {{"id", user},
                               {"email", "late@example.com"},
                               {"display_name", "Late Comer"},
                               {"roles", boost::json::array{"user"}},
                               {"version", 1},
                               {"created_at", "2026-11-28T00:00:00.000Z"}});
    probe_->publish(registered.type, messaging::to_json(registered), registered.id);
    ASSERT_TRUE(eventually([&] {
        auto list = call("GET", "/api/subscription/admin/subscribers?q=late%20comer", {}, admin());
        return list.status == 200 && list.json.at("meta").at("total").as_int64() == 1;
    }));
    auto list = call("GET", "/api/subscription/admin/subscribers?q=late", {}, admin());
    const auto& row = list.json.at("data").at(0);
    EXPECT_EQ(row.at("registered_at").as_string(), "2026-11-28T00:00:00.000Z");
    EXPECT_EQ(row.at("subscription").at("status").as_string(), "active");
    probe_->publish("codeflix.identity.user.registered.v1", R"({"specversion":"1.0"})");
    ASSERT_TRUE(eventually([&] { return probe_->ready("subscription.customers.dlq") == 1; }));
}

CODEFLIX_DIALECTS(SubscriptionTest);
