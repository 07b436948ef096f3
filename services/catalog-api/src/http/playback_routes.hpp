#pragma once

#include <codeflix/http/router.hpp>

#include "../app/playback.hpp"

namespace codeflix::catalog_api::http_api {

/// POST, PUT and DELETE /api/catalog/videos/{id}/playback[/{session}]: playback sessions of
/// the signed-in viewer. `playback` must outlive the router.
void add_playback_routes(http::Router& router, app::Playback& playback);

}  // namespace codeflix::catalog_api::http_api
