#include <codeflix/auth/bearer.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/http/problem.hpp>

namespace codeflix::auth {
namespace {

bool starts_with_any(const std::string& path, const std::vector<std::string>& prefixes) {
    for (const auto& prefix : prefixes) {
        if (path.starts_with(prefix)) return true;
    }
    return false;
}

http::Response unauthorized(std::string_view why) {
    http::Response response = http::problem(401, "A valid bearer token is required");
    response.headers.set(
        "WWW-Authenticate",
        "Bearer realm=\"codeflix\", error=\"invalid_token\", error_description=\"" +
            std::string(why) + "\"");
    return response;
}

http::Response forbidden(const std::vector<std::string>& roles) {
    std::string list;
    for (const auto& role : roles) list += (list.empty() ? "" : " ") + role;
    http::Response response = http::problem(403, "This needs one of the roles: " + list);
    response.headers.set(
        "WWW-Authenticate",
        "Bearer realm=\"codeflix\", error=\"insufficient_scope\", scope=\"" + list + "\"");
    return response;
}

}  // namespace

http::Middleware bearer(std::shared_ptr<const TokenVerifier> verifier, BearerOptions options) {
    return [verifier = std::move(verifier), options = std::move(options)](
               http::Request& request, const http::Handler& next) {
        bool preflight =
            request.method == "OPTIONS" && request.header("Access-Control-Request-Method");
        if (preflight || starts_with_any(request.path, options.public_prefixes))
            return next(request);
        for (const auto& route : options.public_routes) {
            if (route.size() == request.method.size() + 1 + request.path.size() &&
                route.starts_with(request.method) && route[request.method.size()] == ' ' &&
                route.ends_with(request.path)) {
                return next(request);
            }
        }

        auto header = request.header("Authorization");
        if (!header && starts_with_any(request.path, options.optional_prefixes))
            return next(request);
        if (!header) return unauthorized("no bearer token");
        std::string_view value = *header;
        if (value.size() < 7 ||
            (value.substr(0, 7) != "Bearer " && value.substr(0, 7) != "bearer ")) {
            return unauthorized("the Authorization scheme is not Bearer");
        }
        auto claims = verifier->verify(value.substr(7));
        if (!claims) {
            log::info("token refused",
                      {{"reason", claims.error().message}, {"path", request.path}});
            return unauthorized("the token is invalid or expired");
        }
        for (const auto& rule : options.rules) {
            if (!request.path.starts_with(rule.path_prefix)) continue;
            bool allowed = rule.any_of_roles.empty();
            for (const auto& role : rule.any_of_roles) allowed = allowed || claims->has_role(role);
            if (!allowed) return forbidden(rule.any_of_roles);
            break;
        }
        request.principal = http::Principal{claims->subject, claims->preferred_username,
                                            claims->email, claims->authorized_party, claims->roles};
        return next(request);
    };
}

}  // namespace codeflix::auth
