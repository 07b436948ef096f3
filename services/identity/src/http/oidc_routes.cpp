#include <boost/json/serialize.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/text.hpp>
#include <codeflix/http/forms.hpp>
#include <codeflix/http/problem.hpp>

#include "src/app/crypto.hpp"
#include "src/http/oauth.hpp"
#include "src/http/pages.hpp"
#include "src/http/routes.hpp"

namespace codeflix::identity::http_api {
namespace {

using app::AuthorizationRequest;
using app::IdentityService;
using app::OAuthError;
using app::TokenOutcome;
using http::FormFields;
using http::Request;
using http::Response;

constexpr const char* kSessionCookie = "CODEFLIX_SESSION";
constexpr const char* kCsrfCookie = "CODEFLIX_CSRF";
constexpr std::size_t kMaxParam = 2048;

/// The authorization request parameters carried from page to page.
const std::vector<std::string> kAuthParams = {
    "client_id", "redirect_uri",   "response_type",         "scope",         "state",
    "nonce",     "code_challenge", "code_challenge_method", "response_mode", "prompt"};

struct Context {
    IdentityService& identity;
    RouteOptions options;
    std::string realm = kRealmPath;
};

std::string cookie_header(const Context& ctx, std::string_view name, std::string_view value,
                          std::int64_t max_age, std::string_view same_site) {
    std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + ctx.realm +
                      "/; HttpOnly; SameSite=" + std::string(same_site);
    if (max_age >= 0) out += "; Max-Age=" + std::to_string(max_age);
    if (ctx.options.secure_cookies) out += "; Secure";
    return out;
}

Response redirect(const std::string& location) {
    Response response;
    response.status = 302;
    response.headers.set("Location", location);
    response.headers.set("Cache-Control", "no-store");
    return response;
}

FormFields query_fields(const Request& request) {
    FormFields out;
    for (const auto& [k, v] : request.query) out.emplace_back(k, v);
    return out;
}

/// Either a valid request, or where to report the problem: a page (the client or redirect
/// cannot be trusted) or a redirect back to the client with an OAuth error.
struct Validated {
    std::optional<AuthorizationRequest> request;
    std::optional<Response> failure;
};

Validated validate_authorization(const Context& ctx, const FormFields& fields) {
    for (const auto& [key, value] : fields) {
        if (value.size() > kMaxParam || !core::is_valid_utf8(value))
            return {std::nullopt, error_page(400, "The sign-in request is malformed.")};
    }
    const app::Client* client = ctx.identity.clients().find(form_text(fields, "client_id"));
    if (!client || !client->allows_grant("authorization_code"))
        return {std::nullopt, error_page(400, "The application is not known to CODEFLIX.")};
    std::string redirect_uri = form_text(fields, "redirect_uri");
    if (!client->has_redirect_uri(redirect_uri))
        return {std::nullopt,
                error_page(400, "The application's return address is not registered.")};

    std::string state = form_text(fields, "state");
    auto back = [&](std::string error, std::string description) {
        FormFields params = {{"error", std::move(error)},
                             {"error_description", std::move(description)}};
        if (!state.empty()) params.emplace_back("state", state);
        params.emplace_back("iss", ctx.identity.settings().issuer);
        return Validated{std::nullopt, redirect(*http::append_query(redirect_uri, params))};
    };
    if (form_text(fields, "response_type") != "code")
        return back("unsupported_response_type", "Only response_type=code is supported");
    std::string mode = form_text(fields, "response_mode");
    if (!mode.empty() && mode != "query")
        return back("invalid_request", "Only response_mode=query is supported");
    AuthorizationRequest request;
    request.client = client;
    request.redirect_uri = redirect_uri;
    request.state = state;
    auto scope = ctx.identity.check_scope(form_text(fields, "scope"));
    if (!scope) return back("invalid_scope", "Only the scopes openid, profile and email exist");
    request.scope = scope->empty() ? "openid" : *scope;
    std::string method = form_text(fields, "code_challenge_method");
    std::string challenge = form_text(fields, "code_challenge");
    if (!challenge.empty() || !method.empty()) {
        if (method != "S256") return back("invalid_request", "code_challenge_method must be S256");
        if (!app::is_valid_code_challenge(challenge))
            return back("invalid_request", "code_challenge must be 43 base64url characters");
        request.code_challenge = challenge;
    } else if (!client->confidential) {
        return back("invalid_request", "PKCE (code_challenge with S256) is required");
    }
    if (auto nonce = http::form_value(fields, "nonce"); nonce && !nonce->empty())
        request.nonce = std::string(*nonce);
    request.prompt = form_text(fields, "prompt");
    if (!request.prompt.empty() && request.prompt != "none" && request.prompt != "login")
        return back("invalid_request", "prompt must be none or login");
    return {request, std::nullopt};
}

FormFields carried(const FormFields& fields) {
    FormFields out;
    for (const auto& name : kAuthParams) {
        if (auto v = http::form_value(fields, name); v && !v->empty())
            out.emplace_back(name, std::string(*v));
    }
    return out;
}

/// The CSRF token of this browser (double-submit cookie), creating one when needed.
std::string csrf_token(const Request& request, bool* created) {
    auto existing = http::cookie(request, kCsrfCookie);
    if (existing && existing->size() == 43 && core::base64url_decode(*existing)) {
        *created = false;
        return *existing;
    }
    *created = true;
    return app::random_token();
}

bool csrf_ok(const Request& request, const FormFields& form) {
    auto expected = http::cookie(request, kCsrfCookie);
    auto sent = http::form_value(form, "csrf_token");
    return expected && sent && !expected->empty() && app::secure_equals(*expected, *sent);
}

Response page(const Context& ctx, const Request& request, int status, std::string_view title,
              PageState state, std::string (*form)(const PageState&)) {
    bool created = false;
    state.csrf_token = csrf_token(request, &created);
    state.realm_path = ctx.realm;
    Response response = html_page(status, title, form(state));
    if (created)
        response.headers.add("Set-Cookie",
                             cookie_header(ctx, kCsrfCookie, state.csrf_token, -1, "Strict"));
    return response;
}

/// Redirects back to the client with a fresh code for this browser session.
Response complete(const Context& ctx, const AuthorizationRequest& request,
                  const app::BrowserSession& browser, std::optional<std::string> new_cookie) {
    std::string code = ctx.identity.issue_code(request, browser);
    FormFields params = {{"code", code}};
    if (!request.state.empty()) params.emplace_back("state", request.state);
    params.emplace_back("session_state", browser.session.id);
    params.emplace_back("iss", ctx.identity.settings().issuer);
    Response response = redirect(*http::append_query(request.redirect_uri, params));
    if (new_cookie) {
        response.headers.add("Set-Cookie",
                             cookie_header(ctx, kSessionCookie, *new_cookie,
                                           ctx.identity.settings().session_max_seconds, "Lax"));
    }
    return response;
}

std::optional<app::BrowserSession> current_session(const Context& ctx, const Request& request) {
    auto cookie = http::cookie(request, kSessionCookie);
    if (!cookie) return std::nullopt;
    return ctx.identity.find_session(*cookie);
}

Response authorize(const Context& ctx, Request& request) {
    FormFields fields = query_fields(request);
    auto validated = validate_authorization(ctx, fields);
    if (!validated.request) return *validated.failure;
    const auto& auth = *validated.request;
    if (auth.prompt != "login") {
        if (auto browser = current_session(ctx, request)) return complete(ctx, auth, *browser, {});
    }
    if (auth.prompt == "none") {
        FormFields params = {{"error", "login_required"}};
        if (!auth.state.empty()) params.emplace_back("state", auth.state);
        return redirect(*http::append_query(auth.redirect_uri, params));
    }
    PageState state;
    state.hidden = carried(fields);
    return page(ctx, request, 200, "Sign in", std::move(state), login_form);
}

Response registration_page(const Context& ctx, Request& request) {
    FormFields fields = query_fields(request);
    auto validated = validate_authorization(ctx, fields);
    if (!validated.request) return *validated.failure;
    PageState state;
    state.hidden = carried(fields);
    return page(ctx, request, 200, "Create your account", std::move(state), registration_form);
}

Response authenticate(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return error_page(400, "The sign-in form was not sent correctly.");
    auto validated = validate_authorization(ctx, *form);
    if (!validated.request) return *validated.failure;
    PageState state;
    state.hidden = carried(*form);
    state.email = form_text(*form, "email").substr(0, 254);
    if (!csrf_ok(request, *form)) {
        state.message = "Your sign-in page expired. Please try again.";
        return page(ctx, request, 400, "Sign in", std::move(state), login_form);
    }
    auto outcome = ctx.identity.login(form_text(*form, "email"), form_text(*form, "password"),
                                      client_address(request, ctx.options.trusted_proxies));
    if (outcome.retry_after > 0) {
        state.message = "Too many failed sign-in attempts. Please wait " +
                        std::to_string(outcome.retry_after) + " seconds and try again.";
        Response response = page(ctx, request, 429, "Sign in", std::move(state), login_form);
        response.headers.set("Retry-After", std::to_string(outcome.retry_after));
        return response;
    }
    if (!outcome.user) {
        // The same words for unknown accounts, wrong passwords, locked and disabled accounts.
        state.message = "Invalid email or password.";
        return page(ctx, request, 401, "Sign in", std::move(state), login_form);
    }
    app::SessionRecord started;
    std::string cookie = ctx.identity.start_session(*outcome.user, &started);
    return complete(ctx, *validated.request, {started, *outcome.user}, cookie);
}

Response register_account(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return error_page(400, "The registration form was not sent correctly.");
    auto validated = validate_authorization(ctx, *form);
    if (!validated.request) return *validated.failure;
    PageState state;
    state.hidden = carried(*form);
    state.email = form_text(*form, "email").substr(0, 254);
    state.display_name = form_text(*form, "display_name").substr(0, 400);
    if (!csrf_ok(request, *form)) {
        state.message = "Your registration page expired. Please try again.";
        return page(ctx, request, 400, "Create your account", std::move(state), registration_form);
    }
    std::string password = form_text(*form, "password");
    if (password != form_text(*form, "password_confirm")) {
        state.field_errors["password_confirm"] = "The passwords do not match.";
        return page(ctx, request, 422, "Create your account", std::move(state), registration_form);
    }
    auto user = ctx.identity.register_user(form_text(*form, "email"),
                                           form_text(*form, "display_name"), password);
    if (!user) {
        for (const auto& e : user.error().fields) {
            std::string message = e.message;
            if (!message.empty()) message[0] = static_cast<char>(std::toupper(message[0]));
            state.field_errors.emplace(e.field, message + ".");
        }
        state.message = user.error().code == core::ErrorCode::conflict
                            ? "An account with this email already exists. Sign in instead."
                            : "Please correct the fields below.";
        int status = user.error().code == core::ErrorCode::conflict ? 409 : 422;
        return page(ctx, request, status, "Create your account", std::move(state),
                    registration_form);
    }
    app::SessionRecord started;
    std::string cookie = ctx.identity.start_session(*user, &started);
    return complete(ctx, *validated.request, {started, *user}, cookie);
}

// ------------------------------------------------------------------------------- logout

Response clear_session_cookie(const Context& ctx, Response response) {
    response.headers.add("Set-Cookie", cookie_header(ctx, kSessionCookie, "", 0, "Lax"));
    return response;
}

/// Where to send the browser after logout: a registered post-logout URI of the client.
std::optional<std::string> after_logout(const Context& ctx, const std::string& client_id,
                                        const std::string& uri, const std::string& state) {
    const app::Client* client = ctx.identity.clients().find(client_id);
    if (uri.empty() || !client || !client->has_post_logout_redirect_uri(uri)) return std::nullopt;
    FormFields params;
    if (!state.empty()) params.emplace_back("state", state);
    return http::append_query(uri, params);
}

Response finish_logout(const Context& ctx, const Request& request, const std::string& client_id,
                       const std::string& uri, const std::string& state) {
    if (auto browser = current_session(ctx, request)) ctx.identity.end_session(browser->session.id);
    auto target = after_logout(ctx, client_id, uri, state);
    Response response = target ? redirect(*target) : html_page(200, "Signed out", logged_out());
    return clear_session_cookie(ctx, std::move(response));
}

/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), by GET or form POST.
Response logout_request(const Context& ctx, const Request& request, const FormFields& fields) {
    std::string uri = form_text(fields, "post_logout_redirect_uri");
    std::string state = form_text(fields, "state");
    std::string client_id = form_text(fields, "client_id");
    if (auto hint = form_text(fields, "id_token_hint"); !hint.empty()) {
        if (auto claims = ctx.identity.verify_id_token_hint(hint)) {
            if (!client_id.empty() && client_id != claims->authorized_party)
                return error_page(400, "The logout request names two different applications.");
            client_id = claims->authorized_party;
            if (!uri.empty() && !after_logout(ctx, client_id, uri, state))
                return error_page(400, "The address to return to after logout is not registered.");
            return finish_logout(ctx, request, client_id, uri, state);
        }
    }
    if (!uri.empty() && !after_logout(ctx, client_id, uri, state))
        return error_page(400, "The address to return to after logout is not registered.");
    // No proof that the application asked: the user confirms (no drive-by logouts).
    PageState page_state;
    if (!client_id.empty()) page_state.hidden.emplace_back("client_id", client_id);
    if (!uri.empty()) page_state.hidden.emplace_back("post_logout_redirect_uri", uri);
    if (!state.empty()) page_state.hidden.emplace_back("state", state);
    return page(ctx, request, 200, "Sign out", std::move(page_state), logout_confirmation);
}

Response logout_post(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return oauth_error({"invalid_request", "The body must be form-encoded"});
    // Keycloak's logout for applications: the refresh token names the login to end.
    auto refresh_token = form_text(*form, "refresh_token");
    if (refresh_token.empty()) return logout_request(ctx, request, *form);
    auto auth = authenticate_client(ctx.identity.clients(), request, *form);
    if (!auth.client) return oauth_error(*auth.error, auth.basic);
    if (!ctx.identity.logout_with_refresh_token(*auth.client, refresh_token))
        return oauth_error({"invalid_grant", "The refresh token is invalid"});
    return Response::no_content();
}

Response logout_get(const Context& ctx, Request& request) {
    return logout_request(ctx, request, query_fields(request));
}

Response logout_confirmed(const Context& ctx, Request& request) {
    auto form = read_form(request);
    if (!form) return error_page(400, "The logout form was not sent correctly.");
    if (!csrf_ok(request, *form))
        return error_page(400, "Your logout page expired. Please try again.");
    return finish_logout(ctx, request, form_text(*form, "client_id"),
                         form_text(*form, "post_logout_redirect_uri"), form_text(*form, "state"));
}

boost::json::object discovery(const IdentityService& identity) {
    const std::string& issuer = identity.settings().issuer;
    std::string base = issuer + "/protocol/openid-connect";
    auto array = [](std::initializer_list<const char*> items) {
        boost::json::array out;
        for (const char* i : items) out.emplace_back(i);
        return out;
    };
    return {{"issuer", issuer},
            {"authorization_endpoint", base + "/auth"},
            {"token_endpoint", base + "/token"},
            {"introspection_endpoint", base + "/token/introspect"},
            {"userinfo_endpoint", base + "/userinfo"},
            {"end_session_endpoint", base + "/logout"},
            {"revocation_endpoint", base + "/revoke"},
            {"jwks_uri", base + "/certs"},
            {"grant_types_supported",
             array({"authorization_code", "refresh_token", "client_credentials", "password"})},
            {"response_types_supported", array({"code"})},
            {"response_modes_supported", array({"query"})},
            {"subject_types_supported", array({"public"})},
            {"id_token_signing_alg_values_supported", array({"RS256"})},
            {"userinfo_signing_alg_values_supported", array({"none"})},
            {"token_endpoint_auth_methods_supported",
             array({"client_secret_basic", "client_secret_post", "none"})},
            {"introspection_endpoint_auth_methods_supported",
             array({"client_secret_basic", "client_secret_post"})},
            {"revocation_endpoint_auth_methods_supported",
             array({"client_secret_basic", "client_secret_post", "none"})},
            {"code_challenge_methods_supported", array({"S256"})},
            {"scopes_supported", array({"openid", "profile", "email"})},
            {"claims_supported",
             array({"iss", "sub", "aud", "exp", "iat", "auth_time", "azp", "sid", "nonce", "email",
                    "email_verified", "name", "preferred_username", "realm_access"})},
            {"prompt_values_supported", array({"none", "login"})},
            {"authorization_response_iss_parameter_supported", true},
            {"frontchannel_logout_supported", false},
            {"backchannel_logout_supported", false}};
}

Response public_json(const boost::json::object& body, std::string_view cache) {
    Response response = Response::json(200, boost::json::serialize(body));
    response.headers.set("Cache-Control", std::string(cache));
    response.headers.set("Access-Control-Allow-Origin", "*");
    return response;
}

}  // namespace

std::string client_address(const Request& request, const std::vector<std::string>& trusted) {
    std::string peer = request.remote_address;
    bool proxied = std::find(trusted.begin(), trusted.end(), peer) != trusted.end();
    if (proxied) {
        if (auto real = request.header("X-Real-IP");
            real && !real->empty() && real->size() <= 45 &&
            real->find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos) {
            return std::string(*real);
        }
    }
    return peer;
}

void add_oidc_routes(http::Router& router, IdentityService& identity, const RouteOptions& options) {
    auto ctx = std::make_shared<Context>(Context{identity, options});
    std::string realm = kRealmPath;
    std::string oidc = realm + "/protocol/openid-connect";
    auto bind = [ctx](Response (*fn)(const Context&, Request&)) {
        return [ctx, fn](Request& request) { return fn(*ctx, request); };
    };
    router.get(realm + "/.well-known/openid-configuration", [ctx](Request&) {
        return public_json(discovery(ctx->identity), "public, max-age=60");
    });
    router.get(oidc + "/certs",
               [ctx](Request&) { return public_json(ctx->identity.jwks(), "public, max-age=60"); });
    router.get(realm + "/resources/codeflix.css", [](Request&) {
        Response response;
        response.headers.set("Content-Type", "text/css; charset=utf-8");
        response.headers.set("Cache-Control", "public, max-age=3600");
        response.body = std::string(stylesheet());
        return response;
    });
    router.get(oidc + "/auth", bind(authorize));
    router.get(oidc + "/registrations", bind(registration_page));
    router.post(realm + "/login-actions/authenticate", bind(authenticate));
    router.post(realm + "/login-actions/registration", bind(register_account));
    router.post(realm + "/login-actions/logout", bind(logout_confirmed));
    add_oauth_routes(router, identity, options);
    router.get(oidc + "/logout", bind(logout_get));
    router.post(oidc + "/logout", bind(logout_post));
}

}  // namespace codeflix::identity::http_api
