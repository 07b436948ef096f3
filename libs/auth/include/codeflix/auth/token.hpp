#pragma once

#include <chrono>
#include <codeflix/auth/keys.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/result.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::auth {

/// What a verified access token says (Keycloak's claim names).
struct Claims {
    std::string subject;
    std::string issuer;
    std::vector<std::string> audience;
    std::string authorized_party;  ///< azp: the client the token was issued to
    std::string token_id;          ///< jti
    std::string email;
    std::string name;
    std::string preferred_username;
    std::vector<std::string> roles;  ///< realm_access.roles
    std::string session_id;          ///< sid
    std::string scope;
    std::string type;  ///< typ: Bearer, Refresh or ID
    std::int64_t expires_at = 0;
    std::int64_t issued_at = 0;

    bool has_role(std::string_view role) const;
};

struct VerifyOptions {
    std::string issuer;
    /// Accepted when it is in `aud` or equals `azp` (Keycloak puts the client in azp).
    std::string audience;
    /// Off only where any of the issuer's audiences will do (identity's own userinfo and
    /// introspection endpoints).
    bool check_audience = true;
    /// The `typ` claim: access tokens may omit it; any other type must state it.
    std::string type = "Bearer";
    std::chrono::seconds leeway{30};
    std::size_t max_token_bytes = 8192;
};

/// Verifies RS256 JWT access tokens: the algorithm is pinned (no `none`, no HMAC, nothing the
/// token header chooses), the signature is checked against the issuer's key named by `kid`, then
/// `iss`, `aud`/`azp`, `exp`, `nbf` and `iat` (with leeway) and `typ` (Bearer when present).
/// Every failure is an unauthenticated Error whose message says why (for logs, not for clients).
class TokenVerifier {
  public:
    TokenVerifier(VerifyOptions options, std::shared_ptr<KeySource> keys);

    core::Result<Claims> verify(std::string_view token, core::TimePoint now = core::now()) const;

    const VerifyOptions& options() const { return options_; }

  private:
    VerifyOptions options_;
    std::shared_ptr<KeySource> keys_;
};

}  // namespace codeflix::auth
