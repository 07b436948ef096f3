#include "personal.hpp"

#include <codeflix/http/problem.hpp>
#include <utility>

namespace codeflix::catalog_api::http_api {

std::optional<http::Response> require_viewer(const http::Request& request) {
    if (request.principal) return std::nullopt;
    http::Response response =
        http::problem(401, "Sign in first: this needs a bearer token from identity");
    response.headers.set("WWW-Authenticate", "Bearer realm=\"codeflix\"");
    return personal(std::move(response));
}

http::Response refused(const app::Refusal& refusal) {
    int status = refusal.gone ? 410 : http::status_of(refusal.error.code);
    if (refusal.members.empty())
        return personal(http::problem(status, refusal.error.message, refusal.error.fields));
    return personal(http::problem_with(status, refusal.error.message, refusal.members));
}

http::Response personal(http::Response response) {
    response.headers.set("Cache-Control", "no-store");
    return response;
}

}  // namespace codeflix::catalog_api::http_api
