#pragma once

#include <codeflix/http/router.hpp>
#include <string>
#include <vector>

#include "src/app/identity.hpp"

namespace codeflix::identity::http_api {

inline constexpr const char* kRealmPath = "/realms/codeflix";

struct RouteOptions {
    /// Peers whose X-Real-IP names the client (the gateway); others are the client themselves.
    std::vector<std::string> trusted_proxies;
    /// Cookies get `Secure` when the issuer is https.
    bool secure_cookies = false;
};

/// Keycloak's OIDC endpoints under /realms/codeflix, the login and registration pages.
void add_oidc_routes(http::Router& router, app::IdentityService& identity,
                     const RouteOptions& options);
/// The REST API under /api/identity: self-registration and user administration.
void add_admin_routes(http::Router& router, app::IdentityService& identity,
                      const std::shared_ptr<app::KeyStore>& keys);

/// The address a request comes from: X-Real-IP when the peer is a trusted proxy.
std::string client_address(const http::Request& request,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace codeflix::identity::http_api
