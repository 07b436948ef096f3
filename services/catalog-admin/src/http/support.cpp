#include "support.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>

namespace codeflix::catalog_admin::http_api {
namespace {

using http::to_int;

/// Checks one filter value; returns the normalised value or nullopt with an error added.
std::optional<std::string> filter_value(const repositories::FilterSpec& filter,
                                        std::string_view raw,
                                        std::vector<core::FieldError>& errors) {
    std::string name(filter.name);
    switch (filter.kind) {
        case repositories::FilterKind::uuid:
            if (auto id = core::canonical_uuid(raw)) return *id;
            errors.push_back({name, "must be a UUID"});
            return std::nullopt;
        case repositories::FilterKind::integer:
            if (auto n = to_int(raw); n && *n >= 0 && *n <= 9999) return std::to_string(*n);
            errors.push_back({name, "must be an integer between 0 and 9999"});
            return std::nullopt;
        case repositories::FilterKind::boolean:
            if (raw == "true" || raw == "1") return std::string("true");
            if (raw == "false" || raw == "0") return std::string("false");
            errors.push_back({name, "must be true or false"});
            return std::nullopt;
        case repositories::FilterKind::choice:
            for (auto choice : filter.choices) {
                if (choice == raw) return std::string(raw);
            }
            std::string list;
            for (auto choice : filter.choices)
                list += (list.empty() ? "" : ", ") + std::string(choice);
            errors.push_back({name, "must be one of " + list});
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

core::Result<std::string> path_id(const Request& request) {
    auto id = core::canonical_uuid(request.path_param("id"));
    if (!id)
        return core::Error::invalid("The id in the path is not a UUID", {{"id", "must be a UUID"}});
    return *id;
}

core::Result<repositories::ListRequest> list_request(const Request& request,
                                                     const repositories::ListSpec& spec) {
    repositories::ListRequest list;
    std::vector<core::FieldError> errors;
    std::vector<std::string_view> sorts;
    for (const auto& [field, expression] : spec.sorts) sorts.push_back(field);
    http::read_page(request, sorts, list, errors);
    for (const auto& filter : spec.filters) {
        auto raw = request.query_param(filter.name);
        if (!raw) continue;
        if (auto value = filter_value(filter, *raw, errors))
            list.filters.emplace_back(filter.name, *value);
    }
    if (!errors.empty())
        return core::Error::invalid("The list parameters are invalid", std::move(errors));
    return list;
}

Response entity_response(int status, const boost::json::object& body, std::int64_t version) {
    Response response = Response::json(status, boost::json::serialize(body));
    response.headers.set("ETag", http::etag(version));
    return response;
}

}  // namespace codeflix::catalog_admin::http_api
