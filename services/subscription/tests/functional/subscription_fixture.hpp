#pragma once

#include <codeflix/messaging/testing.hpp>
#include <codeflix/service/test_issuer.hpp>
#include <codeflix/service/testing.hpp>
#include <memory>
#include <string>

namespace codeflix::subscription::testing {

using service::testing::eventually;
using service::testing::expect_problem;
using service::testing::Reply;

/// The subscription binary on a database of each dialect, a RabbitMQ vhost of its own and a
/// test identity provider; the test clock route is on.
class SubscriptionTest : public service::testing::ServiceTest {
  protected:
    std::string binary() const override { return SUBSCRIPTION_BINARY; }
    void SetUp() override;
    void TearDown() override;
    std::map<std::string, std::string> extra_env() override;

    http::Headers viewer(const std::string& subject);
    http::Headers admin();
    /// The headers plus an Idempotency-Key.
    static http::Headers with_key(http::Headers headers, const std::string& key);

    /// Creates a plan through the admin API; returns its id.
    std::string create_plan(const std::string& name, std::int64_t price, int trial_days = 0,
                            int max_streams = 2, const std::string& quality = "1080p");
    /// Tokenises a test card for `subject`; returns the token.
    std::string card(const std::string& subject, const std::string& number = "4242424242424242");
    Reply subscribe(const std::string& subject, const std::string& plan_id,
                    const std::string& token, const std::string& key = "");

    service::testing::TestIssuer issuer_;
    std::unique_ptr<messaging::testing::TestVhost> vhost_;
    std::unique_ptr<messaging::testing::QueueProbe> probe_;
};

}  // namespace codeflix::subscription::testing
