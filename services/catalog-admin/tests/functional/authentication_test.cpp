#include <boost/json/serialize.hpp>
#include <codeflix/auth/signing.hpp>
#include <codeflix/service/test_issuer.hpp>

#include "service_process.hpp"

using namespace codeflix::catalog_admin::testing;
using codeflix::auth::PrivateKey;
using codeflix::http::Headers;
using codeflix::service::testing::TestIssuer;

namespace {

const PrivateKey& signing_key() { return TestIssuer::default_key(); }
PrivateKey& rotated_key() {
    static PrivateKey key = PrivateKey::generate();
    return key;
}

class Authentication : public CatalogAdminTest {
  protected:
    std::map<std::string, std::string> extra_env() override { return issuer_.env(); }

    std::string token(boost::json::array roles, std::string kid = "k1",
                      const PrivateKey& key = signing_key(), std::int64_t lifetime = 300) {
        std::vector<std::string> names;
        for (const auto& role : roles) names.emplace_back(role.as_string());
        return issuer_.token({.subject = "admin-1",
                              .roles = names,
                              .audience = "catalog-admin",
                              .azp = "codeflix-admin",
                              .lifetime_seconds = lifetime,
                              .kid = kid,
                              .key = &key});
    }
    static Headers bearer(const std::string& jwt) { return TestIssuer::bearer(jwt); }

    TestIssuer issuer_;
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
