#pragma once

#include <codeflix/http/router.hpp>
#include <functional>
#include <string>
#include <vector>

namespace codeflix::http {

/// A step around the rest of the chain: it may answer itself or call `next`.
using Middleware = std::function<Response(Request&, const Handler& next)>;

/// Composes middlewares, first outermost, around `last`.
Handler chain(std::vector<Middleware> middlewares, Handler last);

/// Takes a well-formed incoming `X-Request-Id` or makes one, and returns it on the response.
Middleware request_id();

/// One JSON log line per request: method, path (no query), route, status, duration.
Middleware access_log();

/// Turns an escaping exception into a logged 500 problem; the service keeps running.
Middleware exception_guard();

/// Requests with a body on POST, PUT and PATCH must be JSON (415 otherwise), except paths that
/// start with one of `exempt_prefixes`.
Middleware json_content_type(std::vector<std::string> exempt_prefixes = {});

struct CorsOptions {
    std::vector<std::string> allowed_origins;
    std::string allowed_headers =
        "Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id";
    std::string exposed_headers = "ETag, Location, X-Request-Id, Retry-After, Idempotent-Replayed";
};

/// Answers preflight requests and adds CORS headers for allowed origins.
Middleware cors(CorsOptions options);

}  // namespace codeflix::http
