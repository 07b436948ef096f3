#include "subscription_fixture.hpp"

#include <boost/json/serialize.hpp>
#include <thread>

namespace codeflix::subscription::testing {

void SubscriptionTest::SetUp() {
    vhost_ = std::make_unique<messaging::testing::TestVhost>();
    probe_ = std::make_unique<messaging::testing::QueueProbe>(vhost_->url());
    probe_->watch("test.subscription-events", "codeflix.subscription.#");
    ServiceTest::SetUp();
    ASSERT_TRUE(eventually([&] {
        return get("/readyz").body.find("\"consumer subscription.customers\":\"ok\"") !=
               std::string::npos;
    })) << get("/readyz").body;
}

void SubscriptionTest::TearDown() {
    ServiceTest::TearDown();
    probe_.reset();
    vhost_.reset();
}

std::map<std::string, std::string> SubscriptionTest::extra_env() {
    auto env = issuer_.env();
    env["CODEFLIX_AMQP_URL"] = vhost_->url();
    env["CODEFLIX_RETRY_FIRST_DELAY_MS"] = "20";
    env["CODEFLIX_SUBSCRIPTION_TEST_CLOCK"] = "true";
    env["CODEFLIX_SUBSCRIPTION_BILLING_INTERVAL_MS"] = "3600000";  // the test runs billing
    return env;
}

http::Headers SubscriptionTest::viewer(const std::string& subject) {
    return issuer_.bearer({.subject = subject,
                           .roles = {"user"},
                           .audience = "subscription",
                           .email = subject + "@example.com",
                           .username = subject});
}

http::Headers SubscriptionTest::admin() {
    return issuer_.bearer({.subject = "admin-1",
                           .roles = {"user", "subscription-admin"},
                           .audience = "subscription",
                           .azp = "codeflix-admin"});
}

http::Headers SubscriptionTest::with_key(http::Headers headers, const std::string& key) {
    headers.set("Idempotency-Key", key);
    return headers;
}

std::string SubscriptionTest::create_plan(const std::string& name, std::int64_t price,
                                          int trial_days, int max_streams,
                                          const std::string& quality) {
    boost::json::object body{{"name", name},
                             {"description", name + " plan"},
                             {"price", price},
                             {"currency", "BRL"},
                             {"interval", "month"},
                             {"trial_days", trial_days},
                             {"max_streams", max_streams},
                             {"max_quality", quality}};
    auto reply = post("/api/subscription/admin/plans", boost::json::serialize(body), admin());
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.text("id");
}

std::string SubscriptionTest::card(const std::string& subject, const std::string& number) {
    boost::json::object body{
        {"card_number", number}, {"exp_month", 12}, {"exp_year", 2031}, {"cvc", "123"}};
    auto reply = post("/api/subscription/sandbox/payment-methods", boost::json::serialize(body),
                      viewer(subject));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.text("token");
}

Reply SubscriptionTest::subscribe(const std::string& subject, const std::string& plan_id,
                                  const std::string& token, const std::string& key) {
    auto headers = viewer(subject);
    if (!key.empty()) headers.set("Idempotency-Key", key);
    boost::json::object body{{"plan_id", plan_id}, {"payment_method", token}};
    return post("/api/subscription/subscriptions", boost::json::serialize(body), headers);
}

}  // namespace codeflix::subscription::testing
