#include <boost/json/serialize.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/listing.hpp>
#include <codeflix/http/problem.hpp>

#include "src/http/routes.hpp"

extern const char* codeflix_identity_openapi();

namespace codeflix::identity::http_api {
namespace {

using http::Request;
using http::Response;

boost::json::object representation(const app::UserRecord& user, std::int64_t now) {
    boost::json::array roles;
    for (const auto& role : user.roles) roles.emplace_back(role);
    return {{"id", user.id},
            {"email", user.email},
            {"display_name", user.display_name},
            {"enabled", user.enabled},
            {"locked", user.locked_until > now},
            {"roles", std::move(roles)},
            {"version", user.version},
            {"created_at", user.created_at},
            {"updated_at", user.updated_at}};
}

Response user_response(int status, const core::Result<app::UserRecord>& user) {
    if (!user) return http::problem(user.error());
    Response response =
        Response::json(status, boost::json::serialize(representation(*user, core::unix_seconds())));
    response.headers.set("ETag", "\"" + std::to_string(user->version) + "\"");
    return response;
}

std::optional<std::string> user_id(const Request& request) {
    return core::canonical_uuid(request.path_param("id"));
}

Response no_such_user() { return http::problem(404, "No user with this id"); }

Response register_user(app::IdentityService& identity, Request& request) {
    auto parsed = core::parse_json(request.body);
    if (!parsed) return http::problem(parsed.error());
    if (!parsed->is_object()) return http::problem(400, "The body must be a JSON object");
    const auto& body = parsed->as_object();
    std::vector<core::FieldError> errors;
    for (const auto& member : body) {
        if (member.key() != "email" && member.key() != "password" && member.key() != "display_name")
            errors.push_back({std::string(member.key()), "is not a known field"});
    }
    std::string fields[3];
    const char* names[3] = {"email", "password", "display_name"};
    for (int i = 0; i < 3; ++i) {
        const auto* value = body.if_contains(names[i]);
        if (!value)
            errors.push_back({names[i], "is required"});
        else if (!value->is_string())
            errors.push_back({names[i], "must be a string"});
        else
            fields[i] = std::string(value->as_string());
    }
    if (!errors.empty()) return http::problem(400, "The registration has invalid fields", errors);
    auto user = identity.register_user(fields[0], fields[2], fields[1]);
    Response response = user_response(201, user);
    if (user) response.headers.set("Location", "/api/identity/users/" + user->id);
    return response;
}

Response list_users(app::IdentityService& identity, Request& request) {
    http::Page page;
    std::vector<core::FieldError> errors;
    http::read_page(request, {"created_at", "email", "display_name"}, page, errors);
    repositories::UserFilter filter;
    if (auto role = request.query_param("role")) {
        if (domain::is_known_role(*role))
            filter.role = std::string(*role);
        else
            errors.push_back({"role", "must be a known role"});
    }
    if (auto enabled = request.query_param("enabled")) {
        if (*enabled == "true" || *enabled == "false")
            filter.enabled = *enabled == "true";
        else
            errors.push_back({"enabled", "must be true or false"});
    }
    if (!errors.empty()) return http::problem(400, "The list parameters are invalid", errors);
    filter.search_key = core::search_fold(page.q);
    if (!page.sort.empty()) filter.sort = page.sort;
    filter.descending = page.descending;
    filter.limit = page.per_page;
    filter.offset = static_cast<std::int64_t>(page.page - 1) * page.per_page;
    auto result = identity.list_users(filter);
    boost::json::array data;
    std::int64_t now = core::unix_seconds();
    for (const auto& user : result.users) data.push_back(representation(user, now));
    return http::list_response(std::move(data), page, result.total);
}

}  // namespace

void add_admin_routes(http::Router& router, app::IdentityService& identity,
                      const std::shared_ptr<app::KeyStore>& keys) {
    auto* id = &identity;
    router.get("/api/identity/openapi.yaml", [](Request&) {
        Response response;
        response.headers.set("Content-Type", "application/yaml");
        response.body = codeflix_identity_openapi();
        return response;
    });
    router.post("/api/identity/users", [id](Request& r) { return register_user(*id, r); });
    router.get("/api/identity/users", [id](Request& r) { return list_users(*id, r); });
    router.get("/api/identity/users/{id}", [id](Request& r) {
        auto uuid = user_id(r);
        return uuid ? user_response(200, id->get_user(*uuid)) : no_such_user();
    });
    router.post("/api/identity/users/{id}/disable", [id](Request& r) {
        auto uuid = user_id(r);
        return uuid ? user_response(200, id->set_enabled(*uuid, false)) : no_such_user();
    });
    router.post("/api/identity/users/{id}/enable", [id](Request& r) {
        auto uuid = user_id(r);
        return uuid ? user_response(200, id->set_enabled(*uuid, true)) : no_such_user();
    });
    router.put("/api/identity/users/{id}/roles/{role}", [id](Request& r) {
        auto uuid = user_id(r);
        if (!uuid) return no_such_user();
        return user_response(200, id->grant_role(*uuid, std::string(r.path_param("role"))));
    });
    router.del("/api/identity/users/{id}/roles/{role}", [id](Request& r) {
        auto uuid = user_id(r);
        if (!uuid) return no_such_user();
        return user_response(200, id->revoke_role(*uuid, std::string(r.path_param("role"))));
    });
    router.post("/api/identity/keys/rotate", [keys](Request&) {
        std::string kid = keys->rotate();
        return Response::json(201, boost::json::serialize(boost::json::object{{"kid", kid}}));
    });
}

}  // namespace codeflix::identity::http_api
