#pragma once

#include <codeflix/db/database.hpp>
#include <codeflix/http/router.hpp>
#include <functional>
#include <memory>

#include "../app/media_service.hpp"

namespace codeflix::catalog_admin::http_api {

/// The services behind catalog-admin's routes; kept alive as long as the router.
struct CatalogAdminApi;

/// Adds every /api/admin/ route. `current_year` bounds videos' year_launched; `written` runs
/// after every committed write (it wakes the outbox relay); `media` (which must outlive the
/// router) serves the media upload routes.
std::shared_ptr<CatalogAdminApi> add_routes(http::Router& router, db::Database& database,
                                            std::function<int()> current_year,
                                            std::function<void()> written,
                                            const app::MediaService& media);

}  // namespace codeflix::catalog_admin::http_api
