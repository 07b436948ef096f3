#include <gtest/gtest.h>

#include <codeflix/auth/bearer.hpp>
#include <codeflix/auth/signing.hpp>

using namespace codeflix::auth;
using codeflix::http::Request;
using codeflix::http::Response;

namespace {

constexpr const char* kIssuer = "http://localhost:8080/realms/codeflix";

struct BearerMiddleware : ::testing::Test {
    static inline PrivateKey key = PrivateKey::generate();
    std::shared_ptr<const TokenVerifier> verifier = std::make_shared<const TokenVerifier>(
        VerifyOptions{kIssuer, "catalog-admin"},
        std::make_shared<StaticKeys>(KeyMap{{"k1", key.public_key()}}));
    codeflix::http::Handler handler = codeflix::http::chain(
        {bearer(verifier, {{"/healthz", "/api/admin/openapi.yaml"},
                           {"POST /api/admin/signup"},
                           {{"/api/admin/", {"catalog-admin"}}},
                           {"/api/catalog/"}})},
        [](Request& r) {
            return Response::json(
                200, "\"" + (r.principal ? r.principal->subject : std::string("anonymous")) + "\"");
        });

    std::string token(boost::json::array roles) {
        auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        return sign_jwt(key, {{"alg", "RS256"}, {"kid", "k1"}},
                        {{"iss", kIssuer},
                         {"sub", "u1"},
                         {"azp", "catalog-admin"},
                         {"exp", now + 300},
                         {"iat", now},
                         {"realm_access", {{"roles", roles}}}});
    }
    Response call(std::string path, std::optional<std::string> authorization,
                  std::string method = "GET") {
        Request r;
        r.method = std::move(method);
        r.path = std::move(path);
        if (authorization) r.headers.set("Authorization", *authorization);
        return handler(r);
    }
};

}  // namespace

TEST_F(BearerMiddleware, NoOrBadTokenIs401WithWwwAuthenticate) {
    for (std::optional<std::string> authorization :
         {std::optional<std::string>{}, std::optional<std::string>{"Basic dXNlcjpwYXNz"},
          std::optional<std::string>{"Bearer"}, std::optional<std::string>{"Bearer not.a.token"}}) {
        auto response = call("/api/admin/videos", authorization);
        EXPECT_EQ(response.status, 401);
        EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json");
        auto challenge = response.headers.get("WWW-Authenticate");
        ASSERT_TRUE(challenge);
        EXPECT_NE(challenge->find("error=\"invalid_token\""), std::string_view::npos);
    }
}

TEST_F(BearerMiddleware, MissingRoleIs403AndTheRightRolePasses) {
    auto denied = call("/api/admin/videos", "Bearer " + token({"user"}));
    EXPECT_EQ(denied.status, 403);
    EXPECT_NE(denied.headers.get("WWW-Authenticate")->find("insufficient_scope"),
              std::string_view::npos);
    auto allowed = call("/api/admin/videos", "Bearer " + token({"user", "catalog-admin"}));
    EXPECT_EQ(allowed.status, 200);
    EXPECT_EQ(allowed.body, "\"u1\"");
}

TEST_F(BearerMiddleware, PublicPathsAndPreflightsNeedNoToken) {
    EXPECT_EQ(call("/healthz", std::nullopt).status, 200);
    EXPECT_EQ(call("/api/admin/openapi.yaml", std::nullopt).body, "\"anonymous\"");
    Request preflight;
    preflight.method = "OPTIONS";
    preflight.path = "/api/admin/videos";
    preflight.headers.set("Access-Control-Request-Method", "POST");
    EXPECT_EQ(handler(preflight).status, 200);
    EXPECT_EQ(call("/api/other", std::nullopt).status, 401)
        << "paths outside every rule still need a token";
}

TEST_F(BearerMiddleware, PublicRoutesMatchMethodAndWholePath) {
    EXPECT_EQ(call("/api/admin/signup", std::nullopt, "POST").body, "\"anonymous\"");
    EXPECT_EQ(call("/api/admin/signup", std::nullopt, "GET").status, 401);
    EXPECT_EQ(call("/api/admin/signup/x", std::nullopt, "POST").status, 401);
    EXPECT_EQ(call("/api/admin/signu", std::nullopt, "POST").status, 401);
}

TEST_F(BearerMiddleware, OptionalPathsVerifyATokenOnlyWhenOneIsSent) {
    auto anonymous = call("/api/catalog/videos", std::nullopt);
    EXPECT_EQ(anonymous.status, 200);
    EXPECT_EQ(anonymous.body, "\"anonymous\"");
    auto signed_in = call("/api/catalog/me/entitlement", "Bearer " + token({"user"}));
    EXPECT_EQ(signed_in.status, 200);
    EXPECT_EQ(signed_in.body, "\"u1\"");
    EXPECT_EQ(call("/api/catalog/videos", "Bearer not.a.token").status, 401)
        << "a token that is sent must be valid";
    EXPECT_EQ(call("/api/catalog/videos", "Basic dXNlcjpwYXNz").status, 401);
}
