#pragma once

#include <chrono>
#include <codeflix/core/config.hpp>

#include "billing_run.hpp"

namespace codeflix::subscription::app {

struct Settings {
    BillingSettings billing;
    /// How often the billing run looks for due renewals and retries.
    std::chrono::milliseconds billing_every{60000};
    /// The sandbox's test clock route (off in production).
    bool test_clock = false;
};

/// CODEFLIX_SUBSCRIPTION_DUNNING_DAYS ("1,3,5": rising whole days, 1–60, at most 10 of them),
/// CODEFLIX_SUBSCRIPTION_BILLING_INTERVAL_MS (60000), CODEFLIX_SUBSCRIPTION_TEST_CLOCK (false).
/// A wrong value is a core::ConfigError.
Settings read_settings(const core::Config& config);

}  // namespace codeflix::subscription::app
