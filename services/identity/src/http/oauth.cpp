#include "src/http/oauth.hpp"

#include <boost/json/serialize.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/http/problem.hpp>

#include "src/app/crypto.hpp"

// The OAuth endpoints applications call: token, introspection, revocation, userinfo.
namespace codeflix::identity::http_api {
namespace {

using app::IdentityService;
using app::OAuthError;
using app::TokenOutcome;
using http::FormFields;
using http::Request;
using http::Response;

struct Context {
    IdentityService& identity;
    RouteOptions options;
};

std::string percent_decoded(std::string_view text) {
    auto fields = http::parse_form("v=" + std::string(text));
    return fields ? form_text(*fields, "v") : std::string();
}

Response token(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) {
        return oauth_error(
            {"invalid_request", "The body must be application/x-www-form-urlencoded"});
    }
    for (const auto& [key, value] : *form) {
        if (value.size() > 8192) return oauth_error({"invalid_request", "A parameter is too long"});
    }
    auto auth = authenticate_client(ctx.identity.clients(), request, *form);
    if (!auth.client) return oauth_error(*auth.error, auth.basic);
    const app::Client& client = *auth.client;
    std::string grant = form_text(*form, "grant_type");
    if (grant.empty()) return oauth_error({"invalid_request", "grant_type is required"});
    if (grant != "authorization_code" && grant != "refresh_token" &&
        grant != "client_credentials" && grant != "password") {
        return oauth_error({"unsupported_grant_type", "Unsupported grant_type"});
    }
    if (!client.allows_grant(grant))
        return oauth_error({"unauthorized_client", "This client may not use " + grant});

    TokenOutcome outcome;
    std::int64_t retry_after = 0;
    if (grant == "authorization_code") {
        outcome = ctx.identity.exchange_code(client, form_text(*form, "code"),
                                             form_text(*form, "redirect_uri"),
                                             form_text(*form, "code_verifier"));
    } else if (grant == "refresh_token") {
        outcome = ctx.identity.refresh(client, form_text(*form, "refresh_token"),
                                       form_text(*form, "scope"));
    } else if (grant == "client_credentials") {
        outcome = ctx.identity.client_credentials(client, form_text(*form, "scope"));
    } else {
        outcome = ctx.identity.password_grant(
            client, form_text(*form, "username"), form_text(*form, "password"),
            form_text(*form, "scope"), client_address(request, ctx.options.trusted_proxies),
            &retry_after);
    }
    if (!outcome.tokens) {
        log::info("token request refused",
                  {{"client_id", client.id}, {"grant_type", grant}, {"error", outcome.error.code}});
        Response response = oauth_error(outcome.error);
        if (retry_after > 0) response.headers.set("Retry-After", std::to_string(retry_after));
        return response;
    }
    return oauth_json(200, *outcome.tokens);
}

Response introspect(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return oauth_error({"invalid_request", "The body must be form-encoded"});
    auto auth = authenticate_client(ctx.identity.clients(), request, *form);
    if (!auth.client) return oauth_error(*auth.error, auth.basic);
    if (!auth.client->confidential)
        return oauth_error({"invalid_client", "Only confidential clients may introspect", 401},
                           auth.basic);
    auto token_value = form_text(*form, "token");
    if (token_value.empty()) return oauth_error({"invalid_request", "token is required"});
    return oauth_json(200, ctx.identity.introspect(token_value));
}

Response revoke(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return oauth_error({"invalid_request", "The body must be form-encoded"});
    auto auth = authenticate_client(ctx.identity.clients(), request, *form);
    if (!auth.client) return oauth_error(*auth.error, auth.basic);
    auto token_value = form_text(*form, "token");
    if (token_value.empty()) return oauth_error({"invalid_request", "token is required"});
    ctx.identity.revoke(*auth.client, token_value);
    return oauth_json(200, {});
}

Response userinfo(const Context& ctx, Request& request) {
    auto header = request.header("Authorization");
    std::optional<std::pair<auth::Claims, app::UserRecord>> info;
    if (header && header->size() > 7 &&
        (header->starts_with("Bearer ") || header->starts_with("bearer ")))
        info = ctx.identity.userinfo(header->substr(7));
    if (!info) {
        Response response = http::problem(401, "A valid access token is required");
        response.headers.set("WWW-Authenticate",
                             "Bearer realm=\"codeflix\", error=\"invalid_token\"");
        return response;
    }
    const auto& user = info->second;
    boost::json::array roles;
    for (const auto& role : user.roles) roles.emplace_back(role);
    return oauth_json(200, {{"sub", user.id},
                            {"email", user.email},
                            {"email_verified", false},
                            {"name", user.display_name},
                            {"preferred_username", user.email_key},
                            {"realm_access", {{"roles", roles}}}});
}

}  // namespace

std::optional<FormFields> read_form(const Request& request) {
    auto type = request.header("Content-Type");
    if (!type || type->substr(0, 33) != "application/x-www-form-urlencoded") return std::nullopt;
    return http::parse_form(request.body);
}

std::string form_text(const FormFields& fields, std::string_view name) {
    auto v = http::form_value(fields, name);
    return v ? std::string(*v) : std::string();
}

Response oauth_json(int status, const boost::json::object& body) {
    Response response = Response::json(status, boost::json::serialize(body));
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("Pragma", "no-cache");
    return response;
}

Response oauth_error(const OAuthError& error, bool basic_challenge) {
    Response response =
        oauth_json(error.status, {{"error", error.code}, {"error_description", error.description}});
    if (error.status == 401 && basic_challenge)
        response.headers.set("WWW-Authenticate", "Basic realm=\"codeflix\"");
    return response;
}

AuthenticatedClient authenticate_client(const app::ClientRegistry& clients, const Request& request,
                                        const FormFields& form) {
    std::string id = form_text(form, "client_id");
    std::optional<std::string> secret;
    bool basic = false;
    if (auto header = request.header("Authorization"); header && header->starts_with("Basic ")) {
        auto decoded = core::base64_decode(header->substr(6));
        auto colon = decoded ? decoded->find(':') : std::string::npos;
        if (colon == std::string::npos)
            return AuthenticatedClient{
                nullptr, OAuthError{"invalid_client", "Malformed Basic credentials", 401}, true};
        std::string basic_id = percent_decoded(decoded->substr(0, colon));
        if (!id.empty() && id != basic_id)
            return AuthenticatedClient{
                nullptr, OAuthError{"invalid_request", "Two different client ids", 400}, true};
        id = basic_id;
        secret = percent_decoded(decoded->substr(colon + 1));
        basic = true;
    } else if (auto s = http::form_value(form, "client_secret")) {
        secret = std::string(*s);
    }
    const app::Client* client = clients.find(id);
    OAuthError invalid{"invalid_client", "Client authentication failed", 401};
    if (!client) return AuthenticatedClient{nullptr, invalid, basic};
    if (client->confidential && (!secret || !app::secure_equals(*secret, client->secret))) {
        log::info("client authentication failed", {{"client_id", client->id}});
        return AuthenticatedClient{nullptr, invalid, basic};
    }
    return AuthenticatedClient{client, std::nullopt, basic};
}

void add_oauth_routes(http::Router& router, IdentityService& identity,
                      const RouteOptions& options) {
    auto ctx = std::make_shared<Context>(Context{identity, options});
    std::string oidc = std::string(kRealmPath) + "/protocol/openid-connect";
    auto bind = [ctx](Response (*fn)(const Context&, Request&)) {
        return [ctx, fn](Request& request) { return fn(*ctx, request); };
    };
    router.post(oidc + "/token", bind(token));
    router.post(oidc + "/token/introspect", bind(introspect));
    router.post(oidc + "/revoke", bind(revoke));
    router.get(oidc + "/userinfo", bind(userinfo));
    router.post(oidc + "/userinfo", bind(userinfo));
}

}  // namespace codeflix::identity::http_api
