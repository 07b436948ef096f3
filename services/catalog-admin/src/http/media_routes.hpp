#pragma once

#include <codeflix/db/database.hpp>
#include <codeflix/http/router.hpp>
#include <functional>

#include "../app/media_service.hpp"

namespace codeflix::catalog_admin::http_api {

/// `POST /api/admin/videos/{id}/media/{kind}/uploads` and
/// `POST /api/admin/videos/{id}/media/{kind}/uploads/{upload_id}/complete`. `service` and
/// `written` must outlive the router.
void add_media_routes(http::Router& router, db::Database& database,
                      const app::MediaService& service, const std::function<void()>& written);

}  // namespace codeflix::catalog_admin::http_api
