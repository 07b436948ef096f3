#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/service/service.hpp>
#include <cstring>
#include <iostream>

#include "src/app/republish.hpp"
#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

namespace {

/// `codeflix-catalog-admin republish`: every live aggregate's state to the outbox (the running
/// service publishes it), to fill a new or emptied read model.
int run_command(const char* command) {
    using namespace codeflix;
    if (std::strcmp(command, "republish") != 0) {
        std::cerr << "usage: codeflix-catalog-admin [republish]\n";
        return 2;
    }
    try {
        core::Config config("catalog-admin");
        log::init("catalog-admin", config.string("LOG_LEVEL", "warn"));
        auto database =
            db::Database::open(config.string("DB_URL", "sqlite:var/db/catalog-admin.db"), 1);
        db::migrate(*database, codeflix_embedded_migrations());
        std::cout << catalog_admin::app::republish(*database) << " events written to the outbox\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "catalog-admin: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1) return run_command(argv[1]);
    std::shared_ptr<codeflix::catalog_admin::http_api::CatalogAdminApi> api;
    return codeflix::service::run_main(
        "catalog-admin", 8082, [&](codeflix::service::Service& service) {
            auto& database = service.open_database(codeflix_embedded_migrations());
            auto& outbox = service.publish_outbox();
            api = codeflix::catalog_admin::http_api::add_routes(
                service.router(), database,
                [] { return codeflix::core::year_of(codeflix::core::now()); },
                [&outbox] { outbox.notify(); });
            service.require_bearer(
                {.public_prefixes = {"/healthz", "/readyz", "/metrics", "/api/admin/openapi.yaml"},
                 .rules = {{"/api/admin/", {"catalog-admin"}}}});
        });
}
