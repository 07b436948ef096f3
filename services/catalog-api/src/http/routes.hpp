#pragma once

#include <codeflix/http/router.hpp>

#include "../app/catalog_queries.hpp"

namespace codeflix::catalog_api::http_api {

/// Adds every public /api/catalog/ route; `queries` must outlive the router.
void add_routes(http::Router& router, app::CatalogQueries& queries);

}  // namespace codeflix::catalog_api::http_api
