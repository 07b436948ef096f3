#pragma once

#include <codeflix/http/forms.hpp>
#include <codeflix/service/testing.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace codeflix::identity::testing {

namespace http = ::codeflix::http;

using service::testing::expect_problem;
using service::testing::Reply;
using service::testing::ServiceProcess;

inline constexpr const char* kAdminEmail = "admin@codeflix.local";
inline constexpr const char* kAdminPassword = "Adm1n-secret-for-tests";
inline constexpr const char* kServiceSecret = "catalog-admin-secret-0123456789";
inline constexpr const char* kViewerRedirect = "http://localhost:8080/callback";
inline constexpr const char* kAdminRedirect = "http://localhost:8080/admin/callback";

/// A browser: remembers cookies between requests and never follows redirects.
struct Browser {
    std::map<std::string, std::string> cookies;
    http::Headers headers() const;
    void remember(const Reply& reply);
};

/// What a login page carries in its form.
struct LoginPage {
    Reply reply;
    http::FormFields hidden;  ///< the authorization request and csrf_token
};

/// The identity service on a database of each dialect, on a port chosen before it starts (its
/// issuer URL names the port), with small lockout limits, and the administrator account.
class IdentityTest : public service::testing::ServiceTest {
  protected:
    std::string binary() const override { return IDENTITY_BINARY; }
    void SetUp() override;
    std::map<std::string, std::string> extra_env() override;

    std::string issuer() const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/realms/codeflix";
    }
    std::string oidc(std::string_view endpoint) const {
        return "/realms/codeflix/protocol/openid-connect/" + std::string(endpoint);
    }

    /// POST application/x-www-form-urlencoded.
    Reply form(std::string_view path, const http::FormFields& fields, http::Headers headers = {});
    Reply token(const http::FormFields& fields, http::Headers headers = {}) {
        return form(oidc("token"), fields, std::move(headers));
    }
    /// The password grant of codeflix-tools (tests and tools).
    Reply password_grant(std::string_view email, std::string_view password,
                         std::string_view address = "");
    std::string access_token(std::string_view email, std::string_view password);
    std::string admin_token() { return access_token(kAdminEmail, kAdminPassword); }

    /// POST /api/identity/users; asserts 201 and returns the id.
    std::string register_user(std::string_view email, std::string_view password,
                              std::string_view name = "Test User");

    /// The authorization endpoint's query for a public client with PKCE.
    http::FormFields authorization(std::string_view client_id, std::string_view redirect_uri,
                                   std::string_view challenge, std::string_view state = "st4te");
    LoginPage open_login(Browser& browser, const http::FormFields& query);
    /// Posts the login form; returns the reply (302 to the client on success).
    Reply submit_login(Browser& browser, const LoginPage& page, std::string_view email,
                       std::string_view password, http::Headers extra = {});
    /// The code in a redirect to the client (asserting the state came back).
    std::string code_from(const Reply& redirect, std::string_view state = "st4te");
    /// Runs the whole browser part of the code flow and returns the code (without the login
    /// form when the browser is signed in already).
    std::string login_for_code(Browser& browser, std::string_view client_id,
                               std::string_view redirect_uri, std::string_view verifier,
                               std::string_view email, std::string_view password);
    Reply exchange(std::string_view client_id, std::string_view code, std::string_view redirect_uri,
                   std::string_view verifier);

    /// Starts catalog-admin trusting this identity provider (on a database of the same dialect).
    void start_catalog_admin();
    Reply catalog_admin(std::string_view path, const std::string& bearer_token);

    int port_ = 0;
    std::unique_ptr<db::testing::TestDatabase> catalog_database_;
    std::unique_ptr<ServiceProcess> catalog_admin_;
};

/// The PKCE S256 challenge of a verifier.
std::string challenge_of(std::string_view verifier);
inline constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

std::string header_value(const Reply& reply, std::string_view name);
http::Headers bearer(const std::string& token);

}  // namespace codeflix::identity::testing
