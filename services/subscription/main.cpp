#include <atomic>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/service/idempotency.hpp>
#include <codeflix/service/service.hpp>

#include "src/app/billing_run.hpp"
#include "src/app/customers.hpp"
#include "src/app/settings.hpp"
#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main() {
    using namespace codeflix;
    using namespace codeflix::subscription;
    std::unique_ptr<app::SandboxPaymentProvider> sandbox;
    std::unique_ptr<app::Subscriptions> subscriptions;
    std::unique_ptr<app::BillingRun> billing;
    std::unique_ptr<http_api::Api> api;
    std::atomic<std::int64_t> clock_offset{0};
    return service::run_main("subscription", 8084, [&](service::Service& service) {
        auto settings = app::read_settings(service.config());
        auto& database = service.open_database(codeflix_embedded_migrations());
        auto& outbox = service.publish_outbox();
        app::Clock clock = [&clock_offset] {
            return core::now() + std::chrono::seconds(clock_offset.load());
        };
        sandbox = std::make_unique<app::SandboxPaymentProvider>(database, clock);
        subscriptions = std::make_unique<app::Subscriptions>(database, *sandbox, clock);
        billing = std::make_unique<app::BillingRun>(database, *sandbox, clock, settings.billing);
        api = std::make_unique<http_api::Api>(http_api::Api{
            database, *subscriptions, *sandbox, *billing, [&outbox] { outbox.notify(); }, {}});
        if (settings.test_clock) {
            log::warn("the sandbox test clock is on: admins can move this service's time forward");
            api->advance_clock = [&clock_offset, clock](std::int64_t seconds) {
                clock_offset += seconds;
                return clock();
            };
        }
        http_api::add_customer_routes(service.router(), *api);
        http_api::add_admin_routes(service.router(), *api);
        app::handle_customer_events(service.consume("customers", app::customer_bindings()));
        service.every(settings.billing_every, "billing run", [&billing = *billing, &outbox] {
            app::log_report(billing.run());
            outbox.notify();
        });
        service.every(std::chrono::hours(1), "idempotency key pruning", [&database] {
            service::prune_idempotency_keys(
                database, core::to_rfc3339(core::now() - std::chrono::hours(24 * 7)));
        });
        service.require_bearer({.public_prefixes = {"/healthz", "/readyz", "/metrics",
                                                    "/api/subscription/openapi.yaml"},
                                .public_routes = {"GET /api/subscription/plans"},
                                .rules = {{"/api/subscription/admin/", {"subscription-admin"}}}});
    });
}
