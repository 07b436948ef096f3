#include "me_routes.hpp"

#include <boost/json/serialize.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>
#include <utility>
#include <vector>

#include "personal.hpp"

namespace codeflix::catalog_api::http_api {

void add_me_routes(http::Router& router, app::ViewerQueries& queries) {
    router.get("/api/catalog/me/entitlement", [&queries](http::Request& request) {
        if (auto answer = require_viewer(request)) return std::move(*answer);
        auto body = queries.entitlement(request.principal->subject);
        return personal(http::Response::json(200, boost::json::serialize(body)));
    });
    router.get("/api/catalog/me/continue-watching", [&queries](http::Request& request) {
        if (auto answer = require_viewer(request)) return std::move(*answer);
        http::Page page;
        std::vector<core::FieldError> errors;
        http::read_page(request, {}, page, errors);
        if (!errors.empty()) {
            return personal(http::problem(
                core::Error::invalid("The request has invalid parameters", std::move(errors))));
        }
        auto offset = static_cast<std::int64_t>(page.page - 1) * page.per_page;
        auto found = queries.continue_watching(request.principal->subject, page.per_page, offset);
        return personal(http::list_response(std::move(found.data), page, found.total));
    });
}

}  // namespace codeflix::catalog_api::http_api
