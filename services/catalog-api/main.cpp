#include <codeflix/core/log.hpp>
#include <codeflix/service/service.hpp>
#include <codeflix/storage/settings.hpp>

#include "src/app/catalog_queries.hpp"
#include "src/app/entitlements.hpp"
#include "src/app/playback.hpp"
#include "src/app/projector.hpp"
#include "src/app/viewer_queries.hpp"
#include "src/http/me_routes.hpp"
#include "src/http/playback_routes.hpp"
#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main() {
    using namespace codeflix;
    using namespace codeflix::catalog_api;
    std::unique_ptr<app::CatalogQueries> queries;
    std::unique_ptr<app::Projector> projector;
    std::unique_ptr<app::Entitlements> entitlements;
    std::unique_ptr<app::Playback> playback;
    std::unique_ptr<app::ViewerQueries> viewer;
    return service::run_main("catalog-api", 8083, [&](service::Service& service) {
        auto& database = service.open_database(codeflix_embedded_migrations());
        const auto& config = service.config();
        auto ttl = std::chrono::milliseconds(config.integer("CACHE_MS", 2000, 0, 3600000));
        queries = std::make_unique<app::CatalogQueries>(database, ttl);
        projector = std::make_unique<app::Projector>(
            [&q = *queries](const std::vector<std::string>& ids) { q.invalidate(ids); });
        projector->subscribe(service.consume("catalog", app::Projector::bindings()));
        entitlements = std::make_unique<app::Entitlements>();
        entitlements->subscribe(service.consume("subscriptions", app::Entitlements::bindings()));

        auto settings = app::playback_settings(config);
        auto media_storage = storage::storage_settings(config);
        std::optional<storage::UrlSigner> signer;
        if (!media_storage.url_secret.empty())
            signer.emplace(media_storage.url_secret);
        else
            log::warn("CODEFLIX_STORAGE_URL_SECRET is not set: playback is unavailable (503)");
        playback = std::make_unique<app::Playback>(database, settings, std::move(signer));
        viewer = std::make_unique<app::ViewerQueries>(database, settings.policy);
        service.every(std::chrono::minutes(15), "playback sweep", [&p = *playback] {
            if (auto deleted = p.sweep(); deleted > 0)
                log::info("old playback sessions deleted", {{"sessions", deleted}});
        });

        http_api::add_routes(service.router(), *queries);
        http_api::add_playback_routes(service.router(), *playback);
        http_api::add_me_routes(service.router(), *viewer);
        service.require_bearer(
            {.public_prefixes = {"/healthz", "/readyz", "/metrics", "/api/catalog/openapi.yaml"},
             .optional_prefixes = {"/api/catalog/"}});
    });
}
