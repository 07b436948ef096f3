#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/http/problem.hpp>

namespace codeflix::http {
namespace {

struct Kind {
    int status;
    const char* slug;
    const char* title;
};

constexpr Kind kKinds[] = {
    {400, "invalid-request", "The request is invalid"},
    {401, "unauthenticated", "Authentication is required"},
    {402, "payment-failed", "The payment failed"},
    {403, "forbidden", "Access is denied"},
    {404, "not-found", "Not found"},
    {405, "method-not-allowed", "Method not allowed"},
    {409, "conflict", "Conflict"},
    {410, "gone", "Gone"},
    {412, "precondition-failed", "The resource has changed"},
    {413, "payload-too-large", "The request body is too large"},
    {415, "unsupported-media-type", "Unsupported media type"},
    {422, "unprocessable", "The request cannot be processed"},
    {429, "too-many-requests", "Too many requests"},
    {431, "headers-too-large", "The request headers are too large"},
    {500, "internal", "Internal error"},
    {503, "unavailable", "Service unavailable"},
};

const Kind& kind_of(int status) {
    for (const auto& kind : kKinds) {
        if (kind.status == status) return kind;
    }
    for (const auto& kind : kKinds) {
        if (kind.status == (status < 500 ? 400 : 500)) return kind;
    }
    return kKinds[0];
}

}  // namespace

int status_of(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::invalid_argument:
            return 400;
        case core::ErrorCode::unauthenticated:
            return 401;
        case core::ErrorCode::permission_denied:
            return 403;
        case core::ErrorCode::not_found:
            return 404;
        case core::ErrorCode::conflict:
            return 409;
        case core::ErrorCode::precondition_failed:
            return 412;
        case core::ErrorCode::unprocessable:
            return 422;
        case core::ErrorCode::unavailable:
            return 503;
        case core::ErrorCode::internal:
            return 500;
    }
    return 500;
}

namespace {

/// The standard members of a problem document (type, title, status, detail, errors).
boost::json::object problem_body(int status, std::string_view detail,
                                 const std::vector<core::FieldError>& errors) {
    const Kind& kind = kind_of(status);
    boost::json::object body;
    body["type"] = std::string("https://codeflix.local/problems/") + kind.slug;
    body["title"] = kind.title;
    body["status"] = status;
    body["detail"] = detail;
    if (!errors.empty()) {
        boost::json::array list;
        for (const auto& e : errors)
            list.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
        body["errors"] = std::move(list);
    }
    return body;
}

Response problem_response(int status, const boost::json::object& body) {
    Response response;
    response.status = status;
    response.headers.set("Content-Type", "application/problem+json");
    response.body = boost::json::serialize(body);
    return response;
}

}  // namespace

Response problem(int status, std::string_view detail, const std::vector<core::FieldError>& errors) {
    return problem_response(status, problem_body(status, detail, errors));
}

Response problem_with(int status, std::string_view detail, const boost::json::object& members) {
    auto body = problem_body(status, detail, {});
    for (const auto& [name, value] : members) {
        if (!body.contains(name)) body[name] = value;
    }
    return problem_response(status, body);
}

Response problem(const core::Error& error) {
    return problem(status_of(error.code), error.message, error.fields);
}

}  // namespace codeflix::http
