#pragma once

#include <codeflix/db/database.hpp>
#include <codeflix/http/router.hpp>
#include <functional>
#include <memory>

namespace codeflix::catalog_admin::http_api {

/// The services behind catalog-admin's routes; kept alive as long as the router.
struct CatalogAdminApi;

/// Adds every /api/admin/ route. `current_year` bounds videos' year_launched; `written` runs
/// after every committed write (it wakes the outbox relay).
std::shared_ptr<CatalogAdminApi> add_routes(http::Router& router, db::Database& database,
                                            std::function<int()> current_year,
                                            std::function<void()> written = {});

}  // namespace codeflix::catalog_admin::http_api
