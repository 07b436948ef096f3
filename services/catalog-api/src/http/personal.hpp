#pragma once

#include <codeflix/http/message.hpp>
#include <optional>

#include "../app/outcome.hpp"

namespace codeflix::catalog_api::http_api {

/// 401 problem (with `WWW-Authenticate: Bearer realm="codeflix"`) when the request carries no
/// verified token: browsing is anonymous, personal routes are not.
std::optional<http::Response> require_viewer(const http::Request& request);

/// The problem document of a refusal: its status (410 when `gone`), detail, field errors and
/// extension members.
http::Response refused(const app::Refusal& refusal);

/// Marks an answer about one viewer as never to be stored by browsers or caches.
http::Response personal(http::Response response);

}  // namespace codeflix::catalog_api::http_api
