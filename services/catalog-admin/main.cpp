#include <codeflix/core/clock.hpp>
#include <codeflix/service/service.hpp>

#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main() {
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
