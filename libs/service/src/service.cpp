#include <pthread.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/http/problem.hpp>
#include <codeflix/http/server.hpp>
#include <codeflix/service/service.hpp>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "metrics.hpp"

namespace codeflix::service {
namespace {

/// Two handler threads per core: enough to overlap database waits, few enough that an embedded
/// SQLite is not slowed by threads fighting over two cores (measured in bench/).
std::int64_t default_workers() {
    return std::max<std::int64_t>(
        2, 2 * static_cast<std::int64_t>(std::thread::hardware_concurrency()));
}

sigset_t shutdown_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

/// A database that cannot be reached is a 503 with Retry-After, not a 500: the request may work
/// a moment later (the session has been reconnected when possible).
http::Middleware database_unavailable() {
    return [](http::Request& request, const http::Handler& next) {
        try {
            return next(request);
        } catch (const soci::soci_error& e) {
            if (!db::is_unavailable(e)) throw;
            log::warn("database unavailable", {{"route", request.route}, {"error", e.what()}});
            http::Response response =
                http::problem(503, "The database is unavailable; retry shortly");
            response.headers.set("Retry-After", "1");
            return response;
        }
    };
}

}  // namespace

struct Service::Impl {
    HttpMetrics metrics;
    std::unique_ptr<db::Database> database;
    struct Check {
        std::string name;
        std::function<bool()> check;
        bool required;
    };
    std::vector<Check> readiness;
    messaging::Metrics messaging_metrics;
    messaging::BrokerSettings broker;
    messaging::RelayOptions relay_options;
    std::unique_ptr<messaging::Publisher> publisher;
    std::unique_ptr<messaging::OutboxRelay> relay;
    std::vector<std::unique_ptr<messaging::Consumer>> consumers;
    std::uint16_t prefetch = 64;
    std::chrono::milliseconds first_retry_delay{1000};
    int max_retries = 5;
    std::vector<std::string> json_exempt;
    http::ServerOptions server_options;
    http::CorsOptions cors;
    std::string db_url;
    std::size_t db_pool_size = 1;
    std::string port_file;
    std::optional<http::Middleware> bearer;
    struct Worker {
        std::function<void()> start;
        std::function<void()> stop;
    };
    std::vector<Worker> workers;
};

Service::Service(std::string name, std::uint16_t default_port)
    : name_(std::move(name)), config_(name_), impl_(std::make_unique<Impl>()) {
    // Every thread started from here on inherits the mask; run() waits for the signals itself.
    sigset_t set = shutdown_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    log::init(name_, config_.string("LOG_LEVEL", "info"));
    // Every setting is read here, so a wrong one stops the service before it touches anything.
    http::ServerOptions& options = impl_->server_options;
    options.host = config_.string("HTTP_HOST", "127.0.0.1");
    options.port = static_cast<std::uint16_t>(config_.integer("HTTP_PORT", default_port, 0, 65535));
    options.workers =
        static_cast<std::size_t>(config_.integer("HTTP_WORKERS", default_workers(), 1, 1024));
    options.io_threads = static_cast<std::size_t>(config_.integer("HTTP_IO_THREADS", 1, 1, 64));
    options.queue_limit =
        static_cast<std::size_t>(config_.integer("HTTP_QUEUE_LIMIT", 512, 1, 1 << 20));
    options.body_limit =
        static_cast<std::size_t>(config_.integer("HTTP_BODY_LIMIT", 1 << 20, 1024, 64 << 20));
    impl_->cors.allowed_origins =
        config_.list("CORS_ORIGINS", "http://localhost:8080,http://127.0.0.1:8080");
    impl_->db_url = config_.string("DB_URL", "sqlite:var/db/" + name_ + ".db");
    impl_->db_pool_size =
        static_cast<std::size_t>(config_.integer("DB_POOL_SIZE", default_workers(), 1, 256));
    impl_->port_file = config_.string("PORT_FILE", "");
    impl_->broker.url = config_.string("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/");
    messaging::validate_amqp_url(impl_->broker.url);
    impl_->relay_options.poll =
        std::chrono::milliseconds(config_.integer("OUTBOX_POLL_MS", 250, 10, 60000));
    impl_->relay_options.retention = std::chrono::hours(
        config_.integer("OUTBOX_RETENTION_HOURS", 168, 0, std::int64_t{24} * 365));
    impl_->prefetch = static_cast<std::uint16_t>(config_.integer("CONSUMER_PREFETCH", 64, 1, 5000));
    impl_->first_retry_delay =
        std::chrono::milliseconds(config_.integer("RETRY_FIRST_DELAY_MS", 1000, 1, 3600000));
    impl_->max_retries = static_cast<int>(config_.integer("RETRY_MAX", 5, 0, 50));
}

Service::~Service() = default;

db::Database& Service::open_database(const std::vector<db::Migration>& migrations) {
    impl_->database = db::Database::open(impl_->db_url, impl_->db_pool_size);
    int version = db::migrate(*impl_->database, migrations);
    log::info(
        "database ready",
        {{"dialect", impl_->database->dialect() == db::Dialect::sqlite ? "sqlite" : "postgresql"},
         {"schema_version", version}});
    db::Database* database = impl_->database.get();
    add_readiness_check("database", [database] { return database->ping(); });
    return *impl_->database;
}

void Service::add_readiness_check(std::string name, std::function<bool()> check, bool required) {
    impl_->readiness.push_back({std::move(name), std::move(check), required});
}

messaging::OutboxRelay& Service::publish_outbox() {
    Impl& impl = *impl_;
    if (!impl.database) throw std::logic_error("publish_outbox() needs open_database() first");
    if (!impl.relay) {
        auto settings = impl.broker;
        settings.connection_name = name_ + " outbox";
        impl.publisher = std::make_unique<messaging::Publisher>(settings, impl.messaging_metrics);
        impl.relay = std::make_unique<messaging::OutboxRelay>(
            *impl.database, *impl.publisher, impl.messaging_metrics, impl.relay_options);
        messaging::Publisher* publisher = impl.publisher.get();
        add_readiness_check(
            "broker", [publisher] { return publisher->connected(); }, false);
        log::info("publishing the outbox",
                  {{"broker", messaging::redact_amqp_url(impl.broker.url)}});
    }
    return *impl.relay;
}

messaging::Consumer& Service::consume(const std::string& purpose,
                                      std::vector<std::string> bindings) {
    Impl& impl = *impl_;
    if (!impl.database) throw std::logic_error("consume() needs open_database() first");
    messaging::ConsumerOptions options{.queue = name_ + "." + purpose,
                                       .bindings = std::move(bindings),
                                       .prefetch = impl.prefetch,
                                       .max_retries = impl.max_retries,
                                       .first_retry_delay = impl.first_retry_delay};
    auto settings = impl.broker;
    settings.connection_name = name_ + " " + options.queue;
    impl.consumers.push_back(std::make_unique<messaging::Consumer>(
        *impl.database, settings, std::move(options), impl.messaging_metrics));
    messaging::Consumer* consumer = impl.consumers.back().get();
    add_readiness_check(
        "consumer " + consumer->options().queue, [consumer] { return consumer->consuming(); },
        false);
    return *consumer;
}

void Service::require_bearer(auth::BearerOptions options) {
    std::string issuer = config_.string("OIDC_ISSUER", "");
    if (issuer.empty()) {
        log::warn("authentication disabled: CODEFLIX_OIDC_ISSUER is not set, every route is open");
        return;
    }
    auto min_refresh =
        std::chrono::seconds(config_.integer("OIDC_JWKS_MIN_REFRESH_SECONDS", 10, 0, 3600));
    auto keys = std::make_shared<auth::JwksCache>(auth::fetch_issuer_jwks(issuer), min_refresh);
    auto verifier = std::make_shared<const auth::TokenVerifier>(
        auth::VerifyOptions{issuer, config_.string("OIDC_AUDIENCE", name_)}, keys);
    impl_->bearer = auth::bearer(verifier, std::move(options));
    add_readiness_check("keys", [keys] { return keys->loaded(); });
    log::info("bearer tokens required", {{"issuer", issuer}});
}

void Service::require_bearer(auth::BearerOptions options,
                             std::shared_ptr<const auth::TokenVerifier> verifier) {
    impl_->bearer = auth::bearer(std::move(verifier), std::move(options));
}

void Service::allow_origins(const std::vector<std::string>& origins) {
    for (const auto& origin : origins) {
        auto& allowed = impl_->cors.allowed_origins;
        if (std::find(allowed.begin(), allowed.end(), origin) == allowed.end())
            allowed.push_back(origin);
    }
}

void Service::exempt_from_json_content_type(std::string prefix) {
    impl_->json_exempt.push_back(std::move(prefix));
}

int Service::run() {
    Impl& impl = *impl_;
    router_.get("/healthz",
                [](http::Request&) { return http::Response::json(200, R"({"status":"ok"})"); });
    router_.get("/readyz", [&impl](http::Request&) {
        boost::json::object checks;
        bool ready = true;
        for (const auto& [check_name, check, required] : impl.readiness) {
            bool ok = check();
            if (required) ready = ready && ok;
            checks[check_name] = ok ? "ok" : (required ? "failing" : "unavailable");
        }
        boost::json::object body{{"status", ready ? "ready" : "not ready"}, {"checks", checks}};
        return http::Response::json(ready ? 200 : 503, boost::json::serialize(body));
    });
    router_.get("/metrics", [&impl](http::Request&) {
        http::Response response;
        response.headers.set("Content-Type", "text/plain; version=0.0.4");
        response.body = impl.metrics.render();
        if (impl.relay || !impl.consumers.empty()) response.body += impl.messaging_metrics.render();
        return response;
    });

    http::Router& router = router_;
    http::ServerOptions options = impl.server_options;
    std::vector<http::Middleware> middlewares = {http::request_id(),        http::access_log(),
                                                 impl.metrics.middleware(), http::exception_guard(),
                                                 database_unavailable(),    http::cors(impl.cors)};
    if (impl.bearer) middlewares.push_back(*impl.bearer);
    middlewares.push_back(http::json_content_type(impl.json_exempt));
    // Routes with a fast path (Router::fast) answer from memory on the I/O thread: the answer is
    // computed first (it reads memory only), then wrapped by the same middleware chain, which
    // may still refuse it (a missing token) and logs and counts it like any other.
    static thread_local std::optional<http::Response> fast_answer;
    auto fast_chain = http::chain(middlewares, [](http::Request&) {
        http::Response response = std::move(*fast_answer);
        fast_answer.reset();
        return response;
    });
    options.fast_path = [&router,
                         fast_chain](http::Request& request) -> std::optional<http::Response> {
        auto answer = router.dispatch_fast(request);
        if (!answer) return std::nullopt;
        fast_answer = std::move(answer);
        return fast_chain(request);
    };
    http::Server server(options,
                        http::chain(std::move(middlewares), [&router](http::Request& request) {
                            return router.dispatch(request);
                        }));
    server.start();
    const std::string& port_file = impl.port_file;
    if (!port_file.empty()) {
        std::ofstream(port_file + ".tmp") << server.port() << "\n";
        std::rename((port_file + ".tmp").c_str(), port_file.c_str());
    }
    if (impl.relay) impl.relay->start();
    for (auto& consumer : impl.consumers) consumer->start();
    for (auto& worker : impl.workers) worker.start();
    log::info("listening", {{"host", options.host},
                            {"port", static_cast<int>(server.port())},
                            {"workers", options.workers}});

    sigset_t set = shutdown_signals();
    int signal = 0;
    sigwait(&set, &signal);
    log::info("draining", {{"signal", signal}});
    server.stop();
    for (auto& worker : impl.workers) worker.stop();
    for (auto& consumer : impl.consumers) consumer->stop();
    if (impl.relay) impl.relay->stop(std::chrono::seconds(5));  // flush the outbox
    if (impl.publisher) impl.publisher->close();
    log::info("stopped");
    return 0;
}

void Service::add_worker(std::function<void()> start, std::function<void()> stop) {
    impl_->workers.push_back({std::move(start), std::move(stop)});
}

void Service::every(std::chrono::milliseconds interval, std::string name,
                    std::function<void()> task) {
    struct Periodic {
        std::mutex mutex;
        std::condition_variable wake;
        bool stopping = false;
        std::thread thread;
    };
    auto state = std::make_shared<Periodic>();
    add_worker(
        [state, interval, name = std::move(name), task = std::move(task)] {
            state->thread = std::thread([state, interval, name, task] {
                std::unique_lock lock(state->mutex);
                while (!state->wake.wait_for(lock, interval, [&] { return state->stopping; })) {
                    lock.unlock();
                    try {
                        task();
                    } catch (const std::exception& e) {
                        log::error("periodic task failed", {{"task", name}, {"error", e.what()}});
                    }
                    lock.lock();
                }
            });
        },
        [state] {
            {
                std::lock_guard lock(state->mutex);
                state->stopping = true;
            }
            state->wake.notify_all();
            if (state->thread.joinable()) state->thread.join();
        });
}

int run_main(std::string_view name, std::uint16_t default_port,
             const std::function<void(Service&)>& wire) {
    try {
        Service service{std::string(name), default_port};
        wire(service);
        return service.run();
    } catch (const core::ConfigError& e) {
        std::cerr << "codeflix-" << name << ": configuration error: " << e.what() << std::endl;
    } catch (const db::MigrationError& e) {
        std::cerr << "codeflix-" << name << ": " << e.what() << std::endl;
    } catch (const std::exception& e) {
        std::cerr << "codeflix-" << name << ": cannot start: " << e.what() << std::endl;
    }
    return 2;
}

}  // namespace codeflix::service
