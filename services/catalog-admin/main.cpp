#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/service/service.hpp>
#include <codeflix/storage/settings.hpp>

#include "src/app/media_service.hpp"
#include "src/app/republish.hpp"
#include "src/http/routes.hpp"

const std::vector<codeflix::db::Migration>& codeflix_embedded_migrations();

int main(int argc, char** argv) {
    if (argc > 1) return codeflix::catalog_admin::app::republish_command(argv[1]);
    using namespace codeflix;
    std::shared_ptr<catalog_admin::http_api::CatalogAdminApi> api;
    std::unique_ptr<storage::ObjectStore> store;
    std::unique_ptr<catalog_admin::app::MediaService> media;
    return service::run_main("catalog-admin", 8082, [&](service::Service& service) {
        auto& database = service.open_database(codeflix_embedded_migrations());
        auto& outbox = service.publish_outbox();
        auto settings = storage::storage_settings(service.config());
        store = storage::open_store(settings);
        std::optional<storage::UrlSigner> signer;
        if (!settings.url_secret.empty())
            signer.emplace(settings.url_secret);
        else
            log::warn("CODEFLIX_STORAGE_URL_SECRET is not set: media uploads are unavailable");
        const auto& config = service.config();
        auto grace = std::chrono::seconds(config.integer("MEDIA_GRACE_SECONDS", 86400, 0, 2592000));
        auto sweep = std::chrono::seconds(config.integer("MEDIA_SWEEP_SECONDS", 300, 1, 86400));
        media = std::make_unique<catalog_admin::app::MediaService>(*store, std::move(signer),
                                                                   settings.upload_url_ttl, grace);
        auto written = [&outbox] { outbox.notify(); };
        api = catalog_admin::http_api::add_routes(
            service.router(), database, [] { return core::year_of(core::now()); }, written, *media);
        media->subscribe(service.consume("encoder-results",
                                         catalog_admin::app::MediaService::encoder_bindings()),
                         written);
        service.every(sweep, "media sweep", [&database, &m = *media] {
            int expired = m.sweep_expired(database);
            int collected = m.collect_garbage(database);
            if (expired + collected > 0)
                log::info("media swept", {{"expired_uploads", expired}, {"deleted", collected}});
        });
        service.require_bearer(
            {.public_prefixes = {"/healthz", "/readyz", "/metrics", "/api/admin/openapi.yaml"},
             .rules = {{"/api/admin/", {"catalog-admin"}}}});
    });
}
