#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/http/message.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace codeflix::service::testing {

/// Stands in for the identity provider in functional tests: serves a JWKS at Keycloak's path
/// (`/realms/codeflix/protocol/openid-connect/certs`) with keys the test can add (rotation),
/// and signs RS256 access tokens shaped as identity's (realm_access.roles, azp, aud).
class TestIssuer {
  public:
    TestIssuer();
    ~TestIssuer();
    TestIssuer(const TestIssuer&) = delete;
    TestIssuer& operator=(const TestIssuer&) = delete;

    /// http://127.0.0.1:<port>/realms/codeflix
    std::string issuer() const;
    /// The settings a service under test needs to verify this issuer's tokens.
    std::map<std::string, std::string> env() const;

    /// Adds a key to the JWKS (the first one, "k1", exists from the start).
    void publish(const std::string& kid, const auth::PrivateKey* key);
    /// The key behind "k1".
    static const auth::PrivateKey& default_key();

    struct TokenSpec {
        std::string subject = "user-1";
        std::vector<std::string> roles = {"user"};
        std::string audience = {};  // empty: no aud claim (azp alone)
        std::string azp = "codeflix-viewer";
        std::string email = {};
        std::string username = {};
        std::int64_t lifetime_seconds = 300;
        std::string kid = "k1";
        const auth::PrivateKey* key = nullptr;  // null: default_key()
    };
    std::string token(const TokenSpec& spec) const;
    /// `Authorization: Bearer <token(spec)>`.
    http::Headers bearer(const TokenSpec& spec) const;
    static http::Headers bearer(const std::string& jwt);

    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace codeflix::service::testing
