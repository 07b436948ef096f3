#include "routes.hpp"

#include <array>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>

#include "../domain/etag.hpp"

extern const char* codeflix_catalog_api_openapi();

namespace codeflix::catalog_api::http_api {
namespace {

using http::Request;
using http::Response;
using repositories::Kind;
using repositories::VideoFilters;

constexpr std::array<std::string_view, 6> kRatings = {"L", "10", "12", "14", "16", "18"};
constexpr std::int64_t kFirstYear = 1888;
constexpr std::int64_t kLastYear = 2200;
/// How long browsers and the CDN may keep answers (the read model changes within seconds).
constexpr const char* kDocumentCacheControl = "public, max-age=30";
constexpr const char* kListCacheControl = "public, max-age=10";

/// 200 with ETag and Cache-Control, or 304 when the client holds the same bytes.
Response cacheable(const Request& request, std::string body, const std::string& etag,
                   const char* cache_control) {
    Response response;
    response.headers.set("ETag", etag);
    response.headers.set("Cache-Control", cache_control);
    if (auto match = request.header("If-None-Match");
        match && (*match == etag || *match == "W/" + etag || *match == "*")) {
        response.status = 304;
        return response;
    }
    response.status = 200;
    response.headers.set("Content-Type", "application/json");
    response.body = std::move(body);
    return response;
}

Response cacheable(const Request& request, std::string body, const char* cache_control) {
    std::string etag = domain::etag_of(body);
    return cacheable(request, std::move(body), etag, cache_control);
}

/// The filters every video list takes, with one field error per bad parameter.
VideoFilters read_filters(const Request& request, std::vector<core::FieldError>& errors) {
    VideoFilters filters;
    for (auto [name, target] :
         {std::pair{"category", &filters.category}, std::pair{"genre", &filters.genre},
          std::pair{"cast_member", &filters.cast_member}}) {
        auto value = request.query_param(name);
        if (!value || value->empty()) continue;
        auto id = core::canonical_uuid(*value);
        if (!id) {
            errors.push_back({name, "must be a UUID"});
            continue;
        }
        *target = *id;
    }
    if (auto rating = request.query_param("rating"); rating && !rating->empty()) {
        if (std::find(kRatings.begin(), kRatings.end(), *rating) == kRatings.end()) {
            errors.push_back({"rating", "must be one of L, 10, 12, 14, 16, 18"});
        } else {
            filters.rating = std::string(*rating);
        }
    }
    auto year = [&](const char* name) -> std::optional<std::int64_t> {
        auto value = request.query_param(name);
        if (!value || value->empty()) return std::nullopt;
        auto number = http::to_int(*value);
        if (!number || *number < kFirstYear || *number > kLastYear) {
            errors.push_back({name, "must be a year from 1888 to 2200"});
            return std::nullopt;
        }
        return number;
    };
    filters.year_from = year("year_from");
    filters.year_to = year("year_to");
    if (auto decade = year("decade")) {
        if (*decade % 10 != 0) {
            errors.push_back({"decade", "must be the first year of a decade, such as 1990"});
        } else {
            filters.year_from = std::max(filters.year_from.value_or(*decade), *decade);
            filters.year_to = std::min(filters.year_to.value_or(*decade + 9), *decade + 9);
        }
    }
    return filters;
}

Response invalid(std::vector<core::FieldError> errors) {
    return http::problem(
        core::Error::invalid("The request has invalid parameters", std::move(errors)));
}

void add_named_list(http::Router& router, app::CatalogQueries& queries, const std::string& path,
                    Kind kind) {
    router.get(path, [&queries, kind](Request& request) {
        http::Page page;
        std::vector<core::FieldError> errors;
        http::read_page(request, {"name"}, page, errors);
        if (!errors.empty()) return invalid(std::move(errors));
        return cacheable(request, queries.named(kind, page.q, page), kListCacheControl);
    });
}

}  // namespace

void add_routes(http::Router& router, app::CatalogQueries& queries) {
    router.get("/api/catalog/videos/{id}", [&queries](Request& request) {
        auto id = core::canonical_uuid(request.path_param("id"));
        if (!id)
            return http::problem(400, "The video id must be a UUID", {{"id", "must be a UUID"}});
        auto document = queries.video(*id);
        if (!document) return http::problem(404, "No published video with id " + *id);
        return cacheable(request, std::move(document->doc), document->etag, kDocumentCacheControl);
    });
    // A document in memory is answered on the I/O thread, without a hop to a worker.
    router.fast("GET", "/api/catalog/videos/{id}",
                [&queries](Request& request) -> std::optional<Response> {
                    auto id = core::canonical_uuid(request.path_param("id"));
                    if (!id) return std::nullopt;
                    auto document = queries.cached_video(*id);
                    if (!document) return std::nullopt;
                    return cacheable(request, std::move(document->doc), document->etag,
                                     kDocumentCacheControl);
                });
    router.get("/api/catalog/videos", [&queries](Request& request) {
        http::Page page;
        page.sort = "title";
        std::vector<core::FieldError> errors;
        http::read_page(request, {"title", "year", "newest"}, page, errors);
        auto filters = read_filters(request, errors);
        if (!errors.empty()) return invalid(std::move(errors));
        auto sort = page.sort == "year"     ? repositories::Sort::year
                    : page.sort == "newest" ? repositories::Sort::newest
                                            : repositories::Sort::title;
        return cacheable(request, queries.videos(filters, sort, page.descending, page),
                         kListCacheControl);
    });
    router.get("/api/catalog/search", [&queries](Request& request) {
        std::vector<core::FieldError> errors;
        http::Page page;
        // q is read by the search itself (its own limits); the rest as every list.
        Request without_q = request;
        std::erase_if(without_q.query, [](const auto& p) { return p.first == "q"; });
        http::read_page(without_q, {"relevance"}, page, errors);
        auto filters = read_filters(request, errors);
        if (!errors.empty()) return invalid(std::move(errors));
        auto body = queries.search(request.query_param("q").value_or(""), filters, page);
        if (!body) return http::problem(body.error());
        return cacheable(request, std::move(*body), kListCacheControl);
    });
    add_named_list(router, queries, "/api/catalog/categories", Kind::category);
    add_named_list(router, queries, "/api/catalog/genres", Kind::genre);
    add_named_list(router, queries, "/api/catalog/cast-members", Kind::cast_member);
    router.get("/api/catalog/browse", [&queries](Request& request) {
        std::int64_t per_row = 20;
        if (auto value = request.query_param("per_row")) {
            auto number = http::to_int(*value);
            if (!number || *number < 1 || *number > 50)
                return invalid({{"per_row", "must be an integer from 1 to 50"}});
            per_row = *number;
        }
        return cacheable(request, queries.browse(per_row), kListCacheControl);
    });
    router.get("/api/catalog/openapi.yaml", [](Request&) {
        Response response;
        response.headers.set("Content-Type", "application/yaml");
        response.body = codeflix_catalog_api_openapi();
        return response;
    });
}

}  // namespace codeflix::catalog_api::http_api
