#include <codeflix/service/service.hpp>

#include "src/app/catalog_queries.hpp"
#include "src/app/projector.hpp"
#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main() {
    using namespace codeflix::catalog_api;
    std::unique_ptr<app::CatalogQueries> queries;
    std::unique_ptr<app::Projector> projector;
    return codeflix::service::run_main(
        "catalog-api", 8083, [&](codeflix::service::Service& service) {
            auto& database = service.open_database(codeflix_embedded_migrations());
            auto ttl =
                std::chrono::milliseconds(service.config().integer("CACHE_MS", 2000, 0, 3600000));
            queries = std::make_unique<app::CatalogQueries>(database, ttl);
            projector = std::make_unique<app::Projector>(
                [&q = *queries](const std::vector<std::string>& ids) { q.invalidate(ids); });
            projector->subscribe(service.consume("catalog", app::Projector::bindings()));
            http_api::add_routes(service.router(), *queries);
        });
}
