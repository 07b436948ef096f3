// The refusal list: forged, expired and misdirected tokens get 401 from a protected route
// (catalog-admin, verifying locally against identity's JWKS), and the token endpoint refuses
// bad grants with RFC 6749's error codes.
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/core/base64.hpp>
#include <codeflix/db/database.hpp>

#include "identity_fixture.hpp"

using namespace codeflix::identity::testing;
using codeflix::core::base64url_decode;
using codeflix::core::base64url_encode;

namespace {

/// HTTP Basic credentials (standard base64 with padding).
http::Headers basic(const std::string& id, const std::string& secret) {
    std::string encoded = base64url_encode(id + ":" + secret);
    for (char& c : encoded) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (encoded.size() % 4 != 0) encoded += '=';
    http::Headers headers;
    headers.set("Authorization", "Basic " + encoded);
    return headers;
}

class TokenRefusals : public IdentityTest {
  protected:
    void SetUp() override {
        IdentityTest::SetUp();
        start_catalog_admin();
        valid_ = admin_token();
        auto dot = valid_.find('.');
        header_ = boost::json::parse(*base64url_decode(valid_.substr(0, dot))).as_object();
        auto dot2 = valid_.find('.', dot + 1);
        payload_ = boost::json::parse(*base64url_decode(valid_.substr(dot + 1, dot2 - dot - 1)))
                       .as_object();
    }
    static std::string part(const boost::json::object& object) {
        return base64url_encode(boost::json::serialize(object));
    }
    /// A token like the valid one with some claims changed, signed by `key`.
    std::string resigned(const codeflix::auth::PrivateKey& key, boost::json::object changes,
                         boost::json::object header_changes = {}) {
        auto payload = payload_;
        for (const auto& [k, v] : changes) payload[k] = v;
        auto header = header_;
        for (const auto& [k, v] : header_changes) header[k] = v;
        return codeflix::auth::sign_jwt(key, header, payload);
    }
    void expect_refused(const std::string& token, std::string_view what) {
        auto reply = catalog_admin("/api/admin/categories", token);
        EXPECT_EQ(reply.status, 401) << what;
        EXPECT_NE(reply.header("WWW-Authenticate").find("invalid_token"), std::string::npos)
            << what;
    }
    std::string valid_;
    boost::json::object header_;
    boost::json::object payload_;
};

TEST_P(TokenRefusals, EveryForgedOrMisdirectedTokenGets401) {
    ASSERT_EQ(catalog_admin("/api/admin/categories", valid_).status, 200)
        << "the genuine token works";
    static auto other_key = codeflix::auth::PrivateKey::generate();
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto dot = valid_.find('.');
    auto dot2 = valid_.find('.', dot + 1);
    std::string signature = valid_.substr(dot2 + 1);

    expect_refused("", "no token");
    {
        auto header = header_;
        header["alg"] = "none";
        expect_refused(part(header) + "." + part(payload_) + ".", "alg none");
        expect_refused(part(header) + "." + part(payload_) + "." + signature,
                       "alg none with a signature");
    }
    {
        // HS256 keyed with the RSA public key (the classic algorithm confusion).
        auto certs = get(oidc("certs"));
        std::string secret = boost::json::serialize(certs.json.at("keys").at(0));
        auto header = header_;
        header["alg"] = "HS256";
        std::string input = part(header) + "." + part(payload_);
        unsigned char mac[32];
        unsigned int length = 0;
        HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
             reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length);
        expect_refused(
            input + "." + base64url_encode(std::string_view(reinterpret_cast<char*>(mac), length)),
            "HS256 with the public key as secret");
    }
    expect_refused(resigned(other_key, {}), "signed by another key (same kid)");
    expect_refused(resigned(other_key, {}, {{"kid", "unknown-kid"}}), "unknown kid");
    expect_refused(resigned(other_key, {{"exp", now - 120}}), "expired, other key");
    // Claims changed under the real signature: tampered.
    {
        auto payload = payload_;
        payload["realm_access"] = {
            {"roles", boost::json::array{"catalog-admin", "identity-admin"}}};
        payload["sub"] = "someone-else";
        expect_refused(valid_.substr(0, dot) + "." + part(payload) + "." + signature,
                       "tampered payload");
        auto header = header_;
        header["typ"] = "at+jwt";
        expect_refused(part(header) + valid_.substr(dot), "tampered header");
    }
    expect_refused(valid_.substr(0, valid_.size() - 10), "truncated signature");
    expect_refused(valid_.substr(0, dot2), "no signature part");
    expect_refused(valid_ + "." + signature, "four parts");
    expect_refused(valid_ + std::string(9000, 'A'), "oversized");
    expect_refused("Bearer " + valid_, "double scheme");

    // Refresh tokens are not access tokens.
    auto login = password_grant(kAdminEmail, kAdminPassword);
    expect_refused(login.text("refresh_token"), "a refresh token");
    expect_refused(login.text("id_token"), "an ID token");
}

TEST_P(TokenRefusals, ExpiredNotYetValidWrongIssuerAndAudienceAreRefused) {
    // Genuinely signed with identity's own key (read from its database), so only the claims fail.
    auto database = codeflix::db::Database::open(database_->url(), 1);
    std::string kid;
    std::string pem;
    database->with_session([&](soci::session& session) {
        session << "SELECT kid, private_key_pem FROM signing_keys WHERE retired_at IS NULL",
            soci::into(kid), soci::into(pem);
    });
    auto key = codeflix::auth::PrivateKey::from_pem(pem);
    ASSERT_TRUE(key);
    ASSERT_EQ(header_.at("kid").as_string(), kid);
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    ASSERT_EQ(catalog_admin("/api/admin/categories", resigned(*key, {{"iat", now - 10}})).status,
              200)
        << "re-signing with the real key alone is accepted";
    expect_refused(resigned(*key, {{"exp", now - 120}, {"iat", now - 420}}), "expired");
    expect_refused(resigned(*key, {{"nbf", now + 600}}), "nbf in the future");
    expect_refused(resigned(*key, {{"iat", now + 600}}), "issued in the future");
    expect_refused(resigned(*key, {{"iss", "http://127.0.0.1:1/realms/codeflix"}}), "wrong iss");
    expect_refused(resigned(*key, {{"aud", "subscription"}, {"azp", "codeflix-viewer"}}),
                   "wrong aud");
    expect_refused(resigned(*key, {{"typ", "Refresh"}}), "refresh type");

    // A service account's token names its audience (identity); catalog-admin accepts a token
    // issued to its own client (azp, Keycloak's convention) but the account has no role.
    auto service =
        token({{"grant_type", "client_credentials"}}, basic("catalog-admin", kServiceSecret));
    ASSERT_EQ(service.status, 200) << service.body;
    EXPECT_EQ(catalog_admin("/api/admin/categories", service.text("access_token")).status, 403);
    codeflix::db::testing::TestDatabase other_db(GetParam());
    auto subscription_token = resigned(*key, {{"aud", "subscription"}, {"azp", "subscription"}});
    expect_refused(subscription_token, "another service's audience and client");
}

TEST_P(TokenRefusals, TheTokenEndpointRefusesBadGrantsWithOAuthErrors) {
    Browser browser;
    std::string code = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                      kAdminEmail, kAdminPassword);
    auto expect_error = [](const Reply& reply, int status, const std::string& error,
                           std::string_view what) {
        EXPECT_EQ(reply.status, status) << what << ": " << reply.body;
        EXPECT_EQ(reply.text("error"), error) << what;
        EXPECT_FALSE(reply.text("error_description").empty()) << what;
    };
    // A wrong verifier consumes the code: it cannot be retried with the right one.
    expect_error(exchange("codeflix-viewer", code, kViewerRedirect,
                          "wrong-verifier-wrong-verifier-wrong-verifier-x"),
                 400, "invalid_grant", "wrong PKCE verifier");
    expect_error(exchange("codeflix-viewer", code, kViewerRedirect, kVerifier), 400,
                 "invalid_grant", "reused code");

    std::string code2 = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                       kAdminEmail, kAdminPassword);
    expect_error(exchange("codeflix-viewer", code2, "http://127.0.0.1:8080/callback", kVerifier),
                 400, "invalid_grant", "redirect mismatch");
    std::string code3 = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                       kAdminEmail, kAdminPassword);
    expect_error(exchange("codeflix-viewer", code3, kViewerRedirect, ""), 400, "invalid_grant",
                 "missing verifier");
    std::string code4 = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                       kAdminEmail, kAdminPassword);
    expect_error(exchange("codeflix-admin", code4, kViewerRedirect, kVerifier), 400,
                 "invalid_grant", "another client's code");
    expect_error(exchange("codeflix-viewer", "made-up-code", kViewerRedirect, kVerifier), 400,
                 "invalid_grant", "unknown code");

    // A code exchanged twice revokes the tokens of the first exchange.
    std::string code5 = login_for_code(browser, "codeflix-viewer", kViewerRedirect, kVerifier,
                                       kAdminEmail, kAdminPassword);
    auto good = exchange("codeflix-viewer", code5, kViewerRedirect, kVerifier);
    ASSERT_EQ(good.status, 200);
    expect_error(exchange("codeflix-viewer", code5, kViewerRedirect, kVerifier), 400,
                 "invalid_grant", "code replay");
    expect_error(token({{"grant_type", "refresh_token"},
                        {"client_id", "codeflix-viewer"},
                        {"refresh_token", good.text("refresh_token")}}),
                 400, "invalid_grant", "refresh after code replay");

    expect_error(exchange("nobody", code5, kViewerRedirect, kVerifier), 401, "invalid_client",
                 "unknown client");
    auto refused = token({{"grant_type", "client_credentials"}},
                         basic("catalog-admin", "not-the-secret-at-all"));
    expect_error(refused, 401, "invalid_client", "wrong client secret");
    EXPECT_EQ(refused.header("WWW-Authenticate"), "Basic realm=\"codeflix\"");
    expect_error(token({{"grant_type", "client_credentials"}, {"client_id", "catalog-admin"}}), 401,
                 "invalid_client", "no secret");
    expect_error(token({{"grant_type", "client_credentials"},
                        {"client_id", "catalog-admin"},
                        {"client_secret", kServiceSecret},
                        {"scope", "admin"}}),
                 400, "invalid_scope", "unknown scope");
    expect_error(token({{"grant_type", "client_credentials"}, {"client_id", "codeflix-viewer"}}),
                 400, "unauthorized_client", "public client, client credentials");
    expect_error(token({{"grant_type", "password"},
                        {"client_id", "codeflix-viewer"},
                        {"username", kAdminEmail},
                        {"password", kAdminPassword}}),
                 400, "unauthorized_client", "password grant not enabled");
    expect_error(token({{"grant_type", "implicit"}, {"client_id", "codeflix-viewer"}}), 400,
                 "unsupported_grant_type", "unknown grant");
    expect_error(token({{"client_id", "codeflix-viewer"}}), 400, "invalid_request",
                 "no grant type");
    expect_error(call("POST", oidc("token"), R"({"grant_type":"password"})"), 400,
                 "invalid_request", "JSON body");
    expect_error(call("POST", oidc("token"), "grant_type=%zz",
                      [] {
                          http::Headers h;
                          h.set("Content-Type", "application/x-www-form-urlencoded");
                          return h;
                      }()),
                 400, "invalid_request", "malformed form");
}

TEST_P(TokenRefusals, IntrospectionIsForConfidentialClientsOnly) {
    auto login = password_grant(kAdminEmail, kAdminPassword);
    auto as_public = form(oidc("token/introspect"),
                          {{"client_id", "codeflix-tools"}, {"token", login.text("access_token")}});
    EXPECT_EQ(as_public.status, 401);
    auto introspect = [&](const std::string& token) {
        return form(
            oidc("token/introspect"),
            {{"client_id", "catalog-admin"}, {"client_secret", kServiceSecret}, {"token", token}});
    };
    auto active = introspect(login.text("access_token"));
    ASSERT_EQ(active.status, 200) << active.body;
    EXPECT_TRUE(active.json.at("active").as_bool());
    EXPECT_EQ(active.text("username"), kAdminEmail);
    EXPECT_TRUE(introspect(login.text("refresh_token")).json.at("active").as_bool());
    EXPECT_FALSE(introspect("garbage").json.at("active").as_bool());
    // Revoked (RFC 7009): the refresh token is no longer active.
    EXPECT_EQ(form(oidc("revoke"),
                   {{"client_id", "codeflix-tools"}, {"token", login.text("refresh_token")}})
                  .status,
              200);
    EXPECT_FALSE(introspect(login.text("refresh_token")).json.at("active").as_bool());
}

CODEFLIX_DIALECTS(TokenRefusals);

}  // namespace
