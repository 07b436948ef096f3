#pragma once

#include <boost/json/object.hpp>
#include <codeflix/http/forms.hpp>
#include <codeflix/http/router.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "src/app/identity.hpp"
#include "src/http/routes.hpp"

namespace codeflix::identity::http_api {

/// An `application/x-www-form-urlencoded` body; nullopt for another type or a malformed body.
std::optional<http::FormFields> read_form(const http::Request& request);
/// A form field's value ("" when absent).
std::string form_text(const http::FormFields& fields, std::string_view name);

/// OAuth answers are JSON that is never cached (RFC 6749 §5.1).
http::Response oauth_json(int status, const boost::json::object& body);
/// `{"error", "error_description"}`; a 401 answers a Basic challenge when Basic was used.
http::Response oauth_error(const app::OAuthError& error, bool basic_challenge = false);

/// Client authentication (RFC 6749 §2.3): HTTP Basic or client_secret in the body; public
/// clients name themselves with client_id.
struct AuthenticatedClient {
    const app::Client* client = nullptr;
    std::optional<app::OAuthError> error;
    bool basic = false;
};
AuthenticatedClient authenticate_client(const app::ClientRegistry& clients,
                                        const http::Request& request, const http::FormFields& form);

/// token, token/introspect, revoke and userinfo under /realms/codeflix/protocol/openid-connect.
void add_oauth_routes(http::Router& router, app::IdentityService& identity,
                      const RouteOptions& options);

}  // namespace codeflix::identity::http_api
