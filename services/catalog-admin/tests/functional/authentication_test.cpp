#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/http/server.hpp>
#include <mutex>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
using codeflix::auth::PrivateKey;
using codeflix::http::Headers;

namespace {

/// Stands in for the identity provider's JWKS endpoint (Keycloak's path), with keys the test
/// can rotate.
class FakeIssuer {
  public:
    FakeIssuer() {
        router_.get("/realms/codeflix/protocol/openid-connect/certs",
                    [this](codeflix::http::Request&) {
                        std::lock_guard lock(mutex_);
                        boost::json::array keys;
                        for (const auto& [kid, key] : keys_) keys.push_back(key->public_jwk(kid));
                        return codeflix::http::Response::json(
                            200, boost::json::serialize(boost::json::object{{"keys", keys}}));
                    });
        server_.start();
    }
    std::string issuer() const {
        return "http://127.0.0.1:" + std::to_string(server_.port()) + "/realms/codeflix";
    }
    void publish(const std::string& kid, const PrivateKey* key) {
        std::lock_guard lock(mutex_);
        keys_.emplace_back(kid, key);
    }
    void stop() { server_.stop(); }

  private:
    codeflix::http::Router router_;
    codeflix::http::Server server_{
        {}, [this](codeflix::http::Request& r) { return router_.dispatch(r); }};
    std::mutex mutex_;
    std::vector<std::pair<std::string, const PrivateKey*>> keys_;
};

PrivateKey& signing_key() {
    static PrivateKey key = PrivateKey::generate();
    return key;
}
PrivateKey& rotated_key() {
    static PrivateKey key = PrivateKey::generate();
    return key;
}

class Authentication : public CatalogAdminTest {
  protected:
    std::map<std::string, std::string> extra_env() override {
        issuer_.publish("k1", &signing_key());
        return {{"CODEFLIX_OIDC_ISSUER", issuer_.issuer()},
                {"CODEFLIX_OIDC_JWKS_MIN_REFRESH_SECONDS", "0"}};
    }

    std::string token(boost::json::array roles, std::string kid = "k1",
                      const PrivateKey& key = signing_key(), std::int64_t lifetime = 300) {
        auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        return codeflix::auth::sign_jwt(key, {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kid}},
                                        {{"iss", issuer_.issuer()},
                                         {"sub", "admin-1"},
                                         {"azp", "codeflix-admin"},
                                         {"aud", "catalog-admin"},
                                         {"typ", "Bearer"},
                                         {"exp", now + lifetime},
                                         {"iat", now - 1},
                                         {"realm_access", {{"roles", roles}}}});
    }
    static Headers bearer(const std::string& jwt) {
        Headers headers;
        headers.set("Authorization", "Bearer " + jwt);
        return headers;
    }

    FakeIssuer issuer_;
};

}  // namespace

TEST_P(Authentication, AdminRoutesNeedATokenWithTheCatalogAdminRole) {
    auto anonymous = get("/api/admin/categories");
    expect_problem(anonymous, 401);
    EXPECT_NE(anonymous.header("WWW-Authenticate").find("Bearer"), std::string::npos);
    expect_problem(call("POST", "/api/admin/categories", R"({"name":"x"})"), 401);

    auto viewer = call("GET", "/api/admin/categories", {}, bearer(token({"user"})));
    expect_problem(viewer, 403);
    EXPECT_NE(viewer.header("WWW-Authenticate").find("insufficient_scope"), std::string::npos);

    auto admin = bearer(token({"user", "catalog-admin"}));
    EXPECT_EQ(call("POST", "/api/admin/categories", R"({"name":"Secured"})", admin).status, 201);
    EXPECT_EQ(call("GET", "/api/admin/categories", {}, admin).status, 200);
}

TEST_P(Authentication, PublicOperationsPathsStayOpen) {
    EXPECT_EQ(get("/healthz").status, 200);
    EXPECT_EQ(get("/api/admin/openapi.yaml").status, 200);
    auto ready = get("/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json.at("checks").at("keys").as_string(), "ok");
}

TEST_P(Authentication, ForgedExpiredAndForeignTokensAre401) {
    auto other = PrivateKey::generate();
    for (const auto& jwt : {token({"catalog-admin"}, "k1", other),
                            token({"catalog-admin"}, "k1", signing_key(), -120),
                            token({"catalog-admin"}, "nobody"), std::string("e30.e30.")}) {
        expect_problem(call("GET", "/api/admin/categories", {}, bearer(jwt)), 401);
    }
}

TEST_P(Authentication, ARotatedKeyIsFetchedOnItsFirstUse) {
    auto admin = bearer(token({"catalog-admin"}));
    EXPECT_EQ(call("GET", "/api/admin/categories", {}, admin).status, 200);
    issuer_.publish("k2", &rotated_key());
    auto rotated = bearer(token({"catalog-admin"}, "k2", rotated_key()));
    EXPECT_EQ(call("GET", "/api/admin/categories", {}, rotated).status, 200);
    EXPECT_EQ(call("GET", "/api/admin/categories", {}, admin).status, 200)
        << "the previous key stays valid";
}

CODEFLIX_DIALECTS(Authentication);
