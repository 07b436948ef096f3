#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/http/body.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/message.hpp>
#include <codeflix/http/versions.hpp>
#include <codeflix/service/idempotency.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "../repositories/list_query.hpp"

namespace codeflix::catalog_admin::http_api {

using codeflix::http::Request;
using codeflix::http::Response;

/// The `{id}` path parameter as a canonical UUID, or a 400 problem.
core::Result<std::string> path_id(const Request& request);

using http::etag;
using http::if_match_version;

/// page, per_page, sort, dir, q and the filters `spec` allows, each checked (400 naming the
/// parameter otherwise).
core::Result<repositories::ListRequest> list_request(const Request& request,
                                                     const repositories::ListSpec& spec);

using http::list_response;

/// A JSON representation with its ETag.
Response entity_response(int status, const boost::json::object& body, std::int64_t version);

/// Transactional writes with Idempotency-Key support (libs/service).
using service::run_write;

}  // namespace codeflix::catalog_admin::http_api
