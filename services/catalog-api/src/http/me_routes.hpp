#pragma once

#include <codeflix/http/router.hpp>

#include "../app/viewer_queries.hpp"

namespace codeflix::catalog_api::http_api {

/// GET /api/catalog/me/entitlement and /api/catalog/me/continue-watching, about the signed-in
/// viewer. `queries` must outlive the router.
void add_me_routes(http::Router& router, app::ViewerQueries& queries);

}  // namespace codeflix::catalog_api::http_api
