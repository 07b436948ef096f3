#include "bootstrap.hpp"

#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/http/forms.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "src/http/routes.hpp"

extern const char* codeflix_identity_clients();
extern const char* codeflix_identity_common_passwords();

namespace codeflix::identity::app {
namespace {

Settings read_settings(const core::Config& config) {
    Settings settings;
    settings.issuer = config.string("OIDC_ISSUER", "http://localhost:8080/realms/codeflix");
    if (!http::is_absolute_http_uri(settings.issuer) ||
        !settings.issuer.ends_with(http_api::kRealmPath)) {
        throw core::ConfigError("CODEFLIX_OIDC_ISSUER must be an http(s) URL ending in " +
                                std::string(http_api::kRealmPath) + ", not " + settings.issuer);
    }
    settings.access_token_seconds = config.integer("ACCESS_TOKEN_SECONDS", 300, 30, 3600);
    settings.refresh_idle_seconds = config.integer("REFRESH_IDLE_SECONDS", 1800, 60, 2592000);
    settings.session_max_seconds = config.integer("SESSION_MAX_SECONDS", 36000, 60, 2592000);
    settings.code_seconds = config.integer("CODE_SECONDS", 60, 5, 600);
    settings.lockout.threshold = static_cast<int>(config.integer("LOCKOUT_THRESHOLD", 5, 1, 1000));
    settings.lockout.base_seconds = config.integer("LOCKOUT_BASE_SECONDS", 30, 1, 86400);
    settings.lockout.max_seconds = config.integer("LOCKOUT_MAX_SECONDS", 900, 1, 604800);
    settings.address.limit = config.integer("ADDRESS_FAILURE_LIMIT", 20, 1, 100000);
    settings.address.window_seconds = config.integer("ADDRESS_WINDOW_SECONDS", 900, 1, 86400);
    settings.address.max_block_seconds = config.integer("ADDRESS_MAX_BLOCK_SECONDS", 900, 1, 86400);
    return settings;
}

}  // namespace

std::unique_ptr<Identity> Identity::build(const core::Config& config, db::Database& database) {
    auto identity = std::make_unique<Identity>();
    Settings settings = read_settings(config);
    std::string clients_file = config.string("CLIENTS_FILE", "");
    identity->clients = clients_file.empty()
                            ? ClientRegistry::from_json(codeflix_identity_clients())
                            : ClientRegistry::from_file(clients_file);
    identity->common_passwords =
        std::make_unique<domain::CommonPasswords>(codeflix_identity_common_passwords());
    KeyTimings timings;
    timings.publish_after_retire_seconds = settings.access_token_seconds + 60;
    timings.keep_after_retire_seconds =
        std::max(settings.refresh_idle_seconds, settings.session_max_seconds) + 60;
    timings.cache_ttl = std::chrono::seconds(config.integer("KEY_CACHE_SECONDS", 5, 0, 300));
    identity->keys =
        std::make_shared<KeyStore>(database, timings, [] { return core::unix_seconds(); });
    identity->keys->ensure_active_key();
    identity->service = std::make_unique<IdentityService>(
        database, identity->keys, identity->clients, *identity->common_passwords,
        std::move(settings), [] { return core::unix_seconds(); });
    return identity;
}

std::unique_ptr<Identity> Identity::wire(service::Service& service, db::Database& database) {
    auto identity = build(service.config(), database);
    http_api::RouteOptions options;
    options.trusted_proxies = service.config().list("TRUSTED_PROXIES", "127.0.0.1,::1");
    options.secure_cookies = identity->service->settings().issuer.starts_with("https://");
    http_api::add_oidc_routes(service.router(), *identity->service, options);
    http_api::add_admin_routes(service.router(), *identity->service, identity->keys);
    service.exempt_from_json_content_type(http_api::kRealmPath);
    service.allow_origins(identity->clients.all_web_origins());
    service.require_bearer(
        {.public_prefixes = {"/healthz", "/readyz", "/metrics",
                             std::string(http_api::kRealmPath) + "/", "/api/identity/openapi.yaml"},
         .public_routes = {"POST /api/identity/users"},
         .rules = {{"/api/identity/", {"identity-admin"}}}},
        identity->service->access_verifier("identity"));
    log::info(
        "identity provider ready",
        {{"issuer", identity->service->settings().issuer},
         {"clients", static_cast<std::int64_t>(identity->clients.size())},
         {"common_passwords", static_cast<std::int64_t>(identity->common_passwords->size())}});
    return identity;
}

int run_command(int argc, char** argv, const std::vector<db::Migration>& migrations) {
    std::string command = argv[1];
    try {
        core::Config config("identity");
        log::init("identity", config.string("LOG_LEVEL", "warn"));
        auto database = db::Database::open(config.string("DB_URL", "sqlite:var/db/identity.db"), 1);
        db::migrate(*database, migrations);
        auto identity = Identity::build(config, *database);
        if (command == "rotate-keys") {
            std::cout << identity->keys->rotate() << "\n";
            return 0;
        }
        if (command == "ensure-admin" && argc == 3) {
            const char* password = std::getenv("CODEFLIX_ADMIN_PASSWORD");
            if (!password || !*password) {
                std::cerr << "identity: ensure-admin needs CODEFLIX_ADMIN_PASSWORD\n";
                return 2;
            }
            auto user = identity->service->ensure_user(
                argv[2], "Administrator", password,
                {"catalog-admin", "subscription-admin", "identity-admin"});
            if (!user) {
                std::cerr << "identity: " << user.error().message;
                for (const auto& e : user.error().fields)
                    std::cerr << "; " << e.field << " " << e.message;
                std::cerr << "\n";
                return 1;
            }
            std::cout << user->id << "\n";
            return 0;
        }
        std::cerr << "usage: codeflix-identity [rotate-keys | ensure-admin EMAIL]\n";
        return 2;
    } catch (const core::ConfigError& e) {
        std::cerr << "identity: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "identity: " << command << " failed: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace codeflix::identity::app
