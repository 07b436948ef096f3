#pragma once

#include <codeflix/db/database.hpp>
#include <codeflix/http/router.hpp>
#include <functional>

#include "../app/billing_run.hpp"
#include "../app/payments.hpp"
#include "../app/subscriptions.hpp"

namespace codeflix::subscription::http_api {

/// What the routes use; outlives the router.
struct Api {
    db::Database& database;
    app::Subscriptions& subscriptions;
    app::SandboxPaymentProvider& sandbox;
    app::BillingRun& billing;
    /// Wakes the outbox relay after a committed write.
    std::function<void()> written;
    /// The sandbox's test clock (Stripe's "test clocks"): moves the service's time forward by
    /// the given seconds and returns the new time. Empty unless CODEFLIX_SUBSCRIPTION_TEST_CLOCK
    /// is on.
    std::function<core::TimePoint(std::int64_t)> advance_clock;
};

/// The customer's routes and the public plan list (/api/subscription/...).
void add_customer_routes(http::Router& router, Api& api);
/// The subscription-admin's routes (/api/subscription/admin/...).
void add_admin_routes(http::Router& router, Api& api);

}  // namespace codeflix::subscription::http_api
