#include "routes.hpp"

#include "../app/catalog_services.hpp"
#include "crud_routes.hpp"
#include "media_routes.hpp"

extern const char* codeflix_catalog_admin_openapi();

namespace codeflix::catalog_admin::http_api {

struct CatalogAdminApi {
    app::CategoryService categories;
    app::GenreService genres;
    app::CastMemberService cast_members;
    app::VideoService videos;
    std::function<void()> written;
};

std::shared_ptr<CatalogAdminApi> add_routes(http::Router& router, db::Database& database,
                                            std::function<int()> current_year,
                                            std::function<void()> written,
                                            const app::MediaService& media) {
    auto api = std::make_shared<CatalogAdminApi>(CatalogAdminApi{
        app::CategoryService(), app::GenreService(), app::CastMemberService(),
        app::VideoService(app::VideoTraits{std::move(current_year)}), std::move(written)});
    add_crud_routes(router, database, api->categories, "/api/admin/categories", api->written);
    add_crud_routes(router, database, api->genres, "/api/admin/genres", api->written);
    add_crud_routes(router, database, api->cast_members, "/api/admin/cast-members", api->written);
    add_crud_routes(router, database, api->videos, "/api/admin/videos", api->written);
    add_media_routes(router, database, media, api->written);
    router.get("/api/admin/openapi.yaml", [](Request&) {
        Response response;
        response.headers.set("Content-Type", "application/yaml");
        response.body = codeflix_catalog_admin_openapi();
        return response;
    });
    return api;
}

}  // namespace codeflix::catalog_admin::http_api
