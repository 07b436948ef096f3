// The OpenID Connect flows over HTTP: discovery, authorization code with PKCE through the login
// page, calling catalog-admin with the token, SSO, refresh rotation, logout.
#include <boost/json.hpp>
#include <codeflix/core/base64.hpp>

#include "identity_fixture.hpp"

using namespace codeflix::identity::testing;

namespace {

class OidcFlow : public IdentityTest {};

boost::json::object claims_of(const std::string& jwt) {
    auto first = jwt.find('.');
    auto second = jwt.find('.', first + 1);
    auto payload = codeflix::core::base64url_decode(jwt.substr(first + 1, second - first - 1));
    return payload ? boost::json::parse(*payload).as_object() : boost::json::object{};
}

TEST_P(OidcFlow, DiscoveryAndKeysHaveKeycloaksShape) {
    auto discovery = get("/realms/codeflix/.well-known/openid-configuration");
    ASSERT_EQ(discovery.status, 200);
    EXPECT_EQ(discovery.text("issuer"), issuer());
    EXPECT_EQ(discovery.text("token_endpoint"), issuer() + "/protocol/openid-connect/token");
    EXPECT_EQ(discovery.text("jwks_uri"), issuer() + "/protocol/openid-connect/certs");
    EXPECT_EQ(discovery.text("end_session_endpoint"), issuer() + "/protocol/openid-connect/logout");
    EXPECT_EQ(discovery.json.at("code_challenge_methods_supported"), boost::json::array({"S256"}));
    auto certs = get(oidc("certs"));
    ASSERT_EQ(certs.status, 200);
    const auto& key = certs.json.at("keys").at(0).as_object();
    EXPECT_EQ(key.at("kty"), "RSA");
    EXPECT_EQ(key.at("alg"), "RS256");
    EXPECT_FALSE(key.contains("d")) << "never the private part";
}

TEST_P(OidcFlow, AuthorizationCodeWithPkceThroughTheLoginPageThenCatalogAdmin) {
    start_catalog_admin();
    Browser browser;
    auto page = open_login(
        browser, authorization("codeflix-admin", kAdminRedirect, challenge_of(kVerifier)));
    ASSERT_EQ(page.reply.status, 200) << page.reply.body;
    EXPECT_NE(page.reply.body.find("<form method=\"post\""), std::string::npos);
    EXPECT_EQ(page.reply.body.find("<script"), std::string::npos) << "the page needs no JavaScript";
    EXPECT_NE(page.reply.header("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_TRUE(browser.cookies.contains("CODEFLIX_CSRF"));

    auto redirect = submit_login(browser, page, kAdminEmail, kAdminPassword);
    ASSERT_EQ(redirect.status, 302) << redirect.body;
    EXPECT_TRUE(redirect.header("Location").starts_with(std::string(kAdminRedirect) + "?code="));
    EXPECT_TRUE(browser.cookies.contains("CODEFLIX_SESSION"));
    std::string code = code_from(redirect);

    auto tokens = exchange("codeflix-admin", code, kAdminRedirect, kVerifier);
    ASSERT_EQ(tokens.status, 200) << tokens.body;
    EXPECT_EQ(tokens.header("Cache-Control"), "no-store");
    EXPECT_EQ(tokens.text("token_type"), "Bearer");
    EXPECT_EQ(tokens.json.at("expires_in").as_int64(), 300);
    auto access = claims_of(tokens.text("access_token"));
    EXPECT_EQ(access.at("iss").as_string(), issuer());
    EXPECT_EQ(access.at("azp"), "codeflix-admin");
    EXPECT_EQ(access.at("typ"), "Bearer");
    EXPECT_EQ(access.at("email"), kAdminEmail);
    EXPECT_EQ(access.at("exp").as_int64() - access.at("iat").as_int64(), 300);
    for (const char* claim :
         {"jti", "sub", "aud", "name", "preferred_username", "realm_access", "sid"})
        EXPECT_TRUE(access.contains(claim)) << claim;
    auto id = claims_of(tokens.text("id_token"));
    EXPECT_EQ(id.at("aud"), "codeflix-admin");
    EXPECT_EQ(id.at("nonce"), "n0nce");

    auto categories = catalog_admin("/api/admin/categories", tokens.text("access_token"));
    EXPECT_EQ(categories.status, 200) << categories.body;
    auto userinfo = call("GET", oidc("userinfo"), {}, bearer(tokens.text("access_token")));
    EXPECT_EQ(userinfo.status, 200);
    EXPECT_EQ(userinfo.text("email"), kAdminEmail);

    // The browser is signed in: the next authorization skips the login page (SSO).
    auto again = call("GET",
                      oidc("auth") + "?" +
                          http::encode_form(authorization("codeflix-viewer", kViewerRedirect,
                                                          challenge_of(kVerifier), "second")),
                      {}, browser.headers());
    std::string sso_code = code_from(again, "second");
    EXPECT_EQ(exchange("codeflix-viewer", sso_code, kViewerRedirect, kVerifier).status, 200);
}

TEST_P(OidcFlow, AViewerWithoutTheRoleGets403FromCatalogAdmin) {
    start_catalog_admin();
    register_user("viewer@example.com", "a long passphrase", "Viewer");
    Browser browser;
    std::string code = login_for_code(browser, "codeflix-admin", kAdminRedirect, kVerifier,
                                      "viewer@example.com", "a long passphrase");
    auto tokens = exchange("codeflix-admin", code, kAdminRedirect, kVerifier);
    ASSERT_EQ(tokens.status, 200) << tokens.body;
    auto reply = catalog_admin("/api/admin/categories", tokens.text("access_token"));
    EXPECT_EQ(reply.status, 403);
    EXPECT_NE(reply.header("WWW-Authenticate").find("insufficient_scope"), std::string::npos);
    EXPECT_EQ(catalog_admin("/api/admin/categories", "").status, 401);
}

TEST_P(OidcFlow, RegistrationPageCreatesTheAccountAndSignsIn) {
    Browser browser;
    auto query = authorization("codeflix-viewer", kViewerRedirect, challenge_of(kVerifier));
    auto page =
        call("GET", oidc("registrations") + "?" + http::encode_form(query), {}, browser.headers());
    ASSERT_EQ(page.status, 200);
    browser.remember(page);
    auto login = open_login(browser, query);  // same hidden fields, same CSRF cookie
    http::FormFields fields = login.hidden;
    fields.emplace_back("display_name", "Fernanda <b>Lima</b>");
    fields.emplace_back("email", "fernanda@example.com");
    fields.emplace_back("password", "password");
    fields.emplace_back("password_confirm", "password");
    auto weak = form("/realms/codeflix/login-actions/registration", fields, browser.headers());
    EXPECT_EQ(weak.status, 422);
    EXPECT_NE(weak.body.find("10 to 128 characters"), std::string::npos);
    EXPECT_NE(weak.body.find("Fernanda &lt;b&gt;Lima&lt;/b&gt;"), std::string::npos) << "escaped";
    EXPECT_EQ(weak.body.find("<b>Lima"), std::string::npos);

    fields.resize(fields.size() - 2);
    fields.emplace_back("password", "samba de uma nota só");
    fields.emplace_back("password_confirm", "samba de uma nota só");
    auto created = form("/realms/codeflix/login-actions/registration", fields, browser.headers());
    std::string code = code_from(created);
    auto tokens = exchange("codeflix-viewer", code, kViewerRedirect, kVerifier);
    ASSERT_EQ(tokens.status, 200) << tokens.body;
    EXPECT_EQ(claims_of(tokens.text("access_token")).at("name"), "Fernanda <b>Lima</b>");
}

TEST_P(OidcFlow, FormsWithoutTheCsrfTokenAreRefused) {
    Browser browser;
    auto page = open_login(
        browser, authorization("codeflix-viewer", kViewerRedirect, challenge_of(kVerifier)));
    Browser other;  // no CSRF cookie: a cross-site post
    auto forged = submit_login(other, page, kAdminEmail, kAdminPassword);
    EXPECT_EQ(forged.status, 400);
    EXPECT_FALSE(other.cookies.contains("CODEFLIX_SESSION"));
    LoginPage tampered = page;
    for (auto& [k, v] : tampered.hidden) {
        if (k == "csrf_token") v = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    }
    EXPECT_EQ(submit_login(browser, tampered, kAdminEmail, kAdminPassword).status, 400);
}

TEST_P(OidcFlow, TheAuthorizationEndpointRefusesBadRequests) {
    auto query = [&](std::initializer_list<std::pair<std::string, std::string>> changes) {
        auto fields = authorization("codeflix-viewer", kViewerRedirect, challenge_of(kVerifier));
        for (const auto& [k, v] : changes) {
            bool found = false;
            for (auto& [fk, fv] : fields) {
                if (fk == k) {
                    fv = v;
                    found = true;
                }
            }
            if (!found) fields.emplace_back(k, v);
        }
        std::erase_if(fields, [](const auto& f) { return f.second == "<drop>"; });
        return call("GET", oidc("auth") + "?" + http::encode_form(fields));
    };
    // Not sent back to the client: unknown client, unregistered redirect (an open redirector
    // otherwise).
    EXPECT_EQ(query({{"client_id", "nope"}}).status, 400);
    EXPECT_EQ(query({{"redirect_uri", "http://evil.example/callback"}}).status, 400);
    EXPECT_EQ(query({{"redirect_uri", std::string(kViewerRedirect) + "/"}}).status, 400);
    EXPECT_EQ(query({{"client_id", "codeflix-admin"}}).status, 400)
        << "the viewer's redirect is not the admin's";
    // Sent back with an OAuth error.
    auto expect_error = [&](const Reply& reply, const std::string& error) {
        EXPECT_EQ(reply.status, 302) << reply.body;
        EXPECT_NE(reply.header("Location").find("error=" + error), std::string::npos)
            << reply.header("Location");
        EXPECT_NE(reply.header("Location").find("state=st4te"), std::string::npos);
    };
    expect_error(query({{"code_challenge", "<drop>"}, {"code_challenge_method", "<drop>"}}),
                 "invalid_request");
    expect_error(query({{"code_challenge_method", "plain"}}), "invalid_request");
    expect_error(query({{"code_challenge", "short"}}), "invalid_request");
    expect_error(query({{"response_type", "token"}}), "unsupported_response_type");
    expect_error(query({{"scope", "openid admin"}}), "invalid_scope");
    expect_error(query({{"prompt", "none"}}), "login_required");
}

TEST_P(OidcFlow, RefreshTokensRotateAndAReusedOneRevokesTheFamily) {
    Browser browser;
    std::string code = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                      kAdminEmail, kAdminPassword);
    auto first = exchange("codeflix-viewer", code, kViewerRedirect, kVerifier);
    ASSERT_EQ(first.status, 200) << first.body;
    auto refresh = [&](const std::string& token, const std::string& client = "codeflix-viewer") {
        return this->token(
            {{"grant_type", "refresh_token"}, {"client_id", client}, {"refresh_token", token}});
    };
    auto second = refresh(first.text("refresh_token"));
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_NE(second.text("refresh_token"), first.text("refresh_token"));
    EXPECT_EQ(refresh(second.text("refresh_token"), "codeflix-admin").text("error"),
              "invalid_grant")
        << "another client cannot use it";

    auto reused = refresh(first.text("refresh_token"));
    EXPECT_EQ(reused.status, 400);
    EXPECT_EQ(reused.text("error"), "invalid_grant");
    auto after = refresh(second.text("refresh_token"));
    EXPECT_EQ(after.text("error"), "invalid_grant") << "the whole family is revoked after a reuse";
    // And the login behind it has ended.
    auto sso = call("GET",
                    oidc("auth") + "?" +
                        http::encode_form(authorization("codeflix-viewer", kViewerRedirect,
                                                        challenge_of(kVerifier))),
                    {}, browser.headers());
    EXPECT_EQ(sso.status, 200) << "the login page again, not a code";
}

TEST_P(OidcFlow, LogoutEndsTheSessionAndRevokesTheRefreshToken) {
    Browser browser;
    std::string code = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                      kAdminEmail, kAdminPassword);
    auto tokens = exchange("codeflix-viewer", code, kViewerRedirect, kVerifier);
    ASSERT_EQ(tokens.status, 200);
    // RP-initiated logout with an ID token hint and a registered return address.
    auto logout =
        call("GET",
             oidc("logout") + "?" +
                 http::encode_form({{"id_token_hint", tokens.text("id_token")},
                                    {"post_logout_redirect_uri", "http://localhost:8080/"},
                                    {"state", "bye"}}),
             {}, browser.headers());
    EXPECT_EQ(logout.status, 302) << logout.body;
    EXPECT_EQ(logout.header("Location"), "http://localhost:8080/?state=bye");
    browser.remember(logout);
    EXPECT_FALSE(browser.cookies.contains("CODEFLIX_SESSION"));
    auto refreshed = token({{"grant_type", "refresh_token"},
                            {"client_id", "codeflix-viewer"},
                            {"refresh_token", tokens.text("refresh_token")}});
    EXPECT_EQ(refreshed.text("error"), "invalid_grant");
    EXPECT_EQ(call("GET", oidc("userinfo"), {}, bearer(tokens.text("access_token"))).status, 401)
        << "userinfo checks that the session is alive";
    // An unregistered return address is refused; without a hint the user must confirm.
    EXPECT_EQ(
        call("GET",
             oidc("logout") +
                 "?post_logout_redirect_uri=http%3A%2F%2Fevil.example%2F&client_id=codeflix-viewer")
            .status,
        400);
    auto confirm = call("GET", oidc("logout"));
    EXPECT_EQ(confirm.status, 200);
    EXPECT_NE(confirm.body.find("login-actions/logout"), std::string::npos);
}

TEST_P(OidcFlow, ApplicationsLogOutWithTheirRefreshToken) {
    auto login = password_grant(kAdminEmail, kAdminPassword);
    ASSERT_EQ(login.status, 200);
    auto logout = form(oidc("logout"), {{"client_id", "codeflix-tools"},
                                        {"refresh_token", login.text("refresh_token")}});
    EXPECT_EQ(logout.status, 204) << logout.body;
    auto refreshed = token({{"grant_type", "refresh_token"},
                            {"client_id", "codeflix-tools"},
                            {"refresh_token", login.text("refresh_token")}});
    EXPECT_EQ(refreshed.text("error"), "invalid_grant");
}

CODEFLIX_DIALECTS(OidcFlow);

}  // namespace
