#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <codeflix/db/database.hpp>
#include <codeflix/db/testing.hpp>
#include <memory>
#include <mutex>
#include <string>

#include "src/app/billing_run.hpp"
#include "src/app/payments.hpp"
#include "src/app/subscriptions.hpp"

namespace codeflix::subscription::testing {

/// A clock the test moves.
class TestClock {
  public:
    explicit TestClock(core::TimePoint start) : now_(start) {}
    core::TimePoint now() const {
        std::lock_guard lock(mutex_);
        return now_;
    }
    void advance(std::chrono::seconds by) {
        std::lock_guard lock(mutex_);
        now_ += by;
    }
    void set(core::TimePoint to) {
        std::lock_guard lock(mutex_);
        now_ = to;
    }

  private:
    mutable std::mutex mutex_;
    core::TimePoint now_;
};

inline constexpr const char* kGoodCard = "4242424242424242";
inline constexpr const char* kDeclinedCard = "4000000000000002";
inline constexpr const char* kFailsOnRenewalCard = "4000000000000341";

/// The subscription service's use cases on a database of each dialect with the sandbox
/// provider and a clock the test drives (no HTTP: the billing scheduler's rules).
class BillingTest : public ::testing::TestWithParam<db::Dialect> {
  protected:
    void SetUp() override;
    void TearDown() override;

    domain::Plan make_plan(const std::string& name, std::int64_t price,
                           const std::string& interval = "month", int trial_days = 0,
                           int max_streams = 2, const std::string& quality = "1080p");
    std::string card(const std::string& user, const std::string& number);
    /// Subscribes through the same three steps as the HTTP route; the created subscription or
    /// the error (a declined card is an unprocessable error with the provider's message).
    core::Result<domain::Subscription> subscribe(const std::string& user, const domain::Plan& plan,
                                                 const std::string& number = kGoodCard);
    core::Result<domain::Subscription> change_plan(const domain::Subscription& s,
                                                   const domain::Plan& plan);
    domain::Subscription reload(const std::string& id);
    std::vector<domain::Invoice> invoices(const std::string& subscription_id);
    /// Event types written for a subscription, in order (short names: "activated", ...).
    std::vector<std::string> events(const std::string& subscription_id);
    /// Successful charges of money (not verifications) the sandbox made.
    std::int64_t charges();
    std::int64_t declines();
    app::BillingReport run() { return billing_->run(); }

    std::unique_ptr<db::testing::TestDatabase> test_database_;
    std::unique_ptr<db::Database> database_;
    TestClock clock_{*core::parse_rfc3339("2026-04-01T12:00:00.000Z")};
    std::unique_ptr<app::SandboxPaymentProvider> provider_;
    std::unique_ptr<app::Subscriptions> subscriptions_;
    std::unique_ptr<app::BillingRun> billing_;
};

}  // namespace codeflix::subscription::testing
