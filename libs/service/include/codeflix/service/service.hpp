#pragma once

#include <chrono>
#include <codeflix/auth/bearer.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/migrations.hpp>
#include <codeflix/http/middleware.hpp>
#include <codeflix/http/router.hpp>
#include <codeflix/messaging/consumer.hpp>
#include <codeflix/messaging/outbox.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::service {

/// Everything a CODEFLIX service shares: configuration, JSON logging, its database (migrated at
/// start), the HTTP server with the standard middleware chain, `/healthz`, `/readyz`,
/// `/metrics`, and a graceful drain on SIGTERM or SIGINT.
///
/// Settings (service-specific `CODEFLIX_<SERVICE>_<KEY>` first, then `CODEFLIX_<KEY>`):
/// HTTP_HOST, HTTP_PORT, HTTP_WORKERS, HTTP_IO_THREADS, HTTP_QUEUE_LIMIT, HTTP_BODY_LIMIT,
/// LOG_LEVEL, DB_URL, DB_POOL_SIZE, CORS_ORIGINS (comma separated), PORT_FILE (write the bound
/// port there: tests start services on port 0). HTTP_WORKERS and DB_POOL_SIZE default to twice
/// the number of cores.
class Service {
  public:
    Service(std::string name, std::uint16_t default_port);
    ~Service();

    const core::Config& config() const { return config_; }
    http::Router& router() { return router_; }

    /// Opens the database named by DB_URL (default `sqlite:var/db/<name>.db`) and migrates it.
    db::Database& open_database(const std::vector<db::Migration>& migrations);

    /// A check that /readyz runs and reports; the service is ready when every `required` one
    /// passes.
    void add_readiness_check(std::string name, std::function<bool()> check, bool required = true);

    /// Publishes what the service writes to its outbox table (messaging::enqueue) to RabbitMQ,
    /// from start until the drain. Call after open_database. Settings: AMQP_URL
    /// (amqp://guest:guest@127.0.0.1:5672/), OUTBOX_POLL_MS (250), OUTBOX_RETENTION_HOURS (168).
    /// The broker shows in /readyz without deciding readiness: while it is away, writes wait in
    /// the outbox and the service keeps serving.
    messaging::OutboxRelay& publish_outbox();

    /// A consumer of the durable queue `<service>.<purpose>` bound to `bindings` on
    /// codeflix.events; register its handlers with on() before run(). Call after open_database.
    /// Settings: AMQP_URL, CONSUMER_PREFETCH (64), RETRY_FIRST_DELAY_MS (1000), RETRY_MAX (5).
    messaging::Consumer& consume(const std::string& purpose, std::vector<std::string> bindings);

    /// Verifies bearer tokens locally against the issuer's JWKS (cached) on every route but the
    /// public ones, with role rules (`auth::bearer`). Settings: OIDC_ISSUER (e.g.
    /// http://localhost:8080/realms/codeflix), OIDC_AUDIENCE (default: the service name) and
    /// OIDC_JWKS_MIN_REFRESH_SECONDS (10: how often an unknown kid may refetch the JWKS).
    /// Without OIDC_ISSUER the routes stay open and the service says so in its log: identity
    /// is not part of the platform yet.
    void require_bearer(auth::BearerOptions options);
    /// The same with keys the service holds itself (the identity provider verifies its own
    /// tokens without fetching its JWKS over HTTP); always active.
    void require_bearer(auth::BearerOptions options,
                        std::shared_ptr<const auth::TokenVerifier> verifier);

    /// Background work of the service: `start` runs once the server listens, `stop` at the drain,
    /// after the server stopped and before the consumers and the outbox relay stop (so what the
    /// work writes to the outbox is still published).
    void add_worker(std::function<void()> start, std::function<void()> stop);

    /// Runs `task` every `interval` on a thread of its own, from start until the drain; an
    /// exception is logged with `name` and the task runs again at the next interval.
    void every(std::chrono::milliseconds interval, std::string name, std::function<void()> task);

    /// Adds origins the CORS middleware allows besides CORS_ORIGINS.
    void allow_origins(const std::vector<std::string>& origins);

    /// Paths that take bodies other than JSON (e.g. HTML form posts).
    void exempt_from_json_content_type(std::string prefix);

    /// Serves until SIGTERM or SIGINT, then drains. Returns the process exit code.
    int run();

  private:
    struct Impl;
    std::string name_;
    core::Config config_;
    http::Router router_;
    std::unique_ptr<Impl> impl_;
};

/// Runs `wire` and then the service, turning configuration and start-up errors into one clear
/// line on stderr and exit code 2. For a service's main().
int run_main(std::string_view name, std::uint16_t default_port,
             const std::function<void(Service&)>& wire);

}  // namespace codeflix::service
