// User administration under /api/identity (role identity-admin) and key rotation.
#include <boost/json.hpp>

#include "identity_fixture.hpp"

using namespace codeflix::identity::testing;

namespace {

class Administration : public IdentityTest {
  protected:
    Reply admin(std::string_view method, const std::string& path) {
        if (token_.empty()) token_ = admin_token();
        return call(method, path, {}, bearer(token_));
    }
    std::string token_;
};

TEST_P(Administration, OnlyIdentityAdminsManageUsers) {
    register_user("gina@example.com", "a long passphrase", "Gina");
    EXPECT_EQ(get("/api/identity/users").status, 401);
    auto as_user = call("GET", "/api/identity/users", {},
                        bearer(access_token("gina@example.com", "a long passphrase")));
    EXPECT_EQ(as_user.status, 403);
    auto list = admin("GET", "/api/identity/users?sort=email&per_page=1");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.json.at("meta").at("total").as_int64(), 2);
    EXPECT_EQ(list.json.at("meta").at("last_page").as_int64(), 2);
    EXPECT_EQ(list.json.at("data").at(0).at("email"), kAdminEmail);
    auto found = admin("GET", "/api/identity/users?q=GINA");
    EXPECT_EQ(found.json.at("data").as_array().size(), 1u);
    auto admins = admin("GET", "/api/identity/users?role=identity-admin");
    EXPECT_EQ(admins.json.at("meta").at("total").as_int64(), 1);
    expect_problem(admin("GET", "/api/identity/users?role=wizard"), 400);
    expect_problem(admin("GET", "/api/identity/users?per_page=1000"), 400);
    expect_problem(admin("GET", "/api/identity/users?enabled=maybe"), 400);
    expect_problem(admin("GET", "/api/identity/users/not-a-uuid"), 404);
    expect_problem(admin("GET", "/api/identity/users/01a21fd4-4bc8-7458-833d-bd2e611906e4"), 404);
}

TEST_P(Administration, DisablingSignsTheUserOutEverywhereAndEnablingRestores) {
    std::string id = register_user("hugo@example.com", "a long passphrase", "Hugo");
    auto login = password_grant("hugo@example.com", "a long passphrase");
    ASSERT_EQ(login.status, 200);
    auto disabled = admin("POST", "/api/identity/users/" + id + "/disable");
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_FALSE(disabled.json.at("enabled").as_bool());
    EXPECT_EQ(password_grant("hugo@example.com", "a long passphrase").text("error_description"),
              "Invalid user credentials")
        << "same words as a wrong password";
    EXPECT_EQ(token({{"grant_type", "refresh_token"},
                     {"client_id", "codeflix-tools"},
                     {"refresh_token", login.text("refresh_token")}})
                  .text("error"),
              "invalid_grant");
    EXPECT_EQ(call("GET", oidc("userinfo"), {}, bearer(login.text("access_token"))).status, 401);
    EXPECT_EQ(admin("POST", "/api/identity/users/" + id + "/enable").json.at("enabled"), true);
    EXPECT_EQ(password_grant("hugo@example.com", "a long passphrase").status, 200);
}

TEST_P(Administration, RolesAreGrantedAndRevoked) {
    std::string id = register_user("ines@example.com", "a long passphrase", "Ines");
    auto granted = admin("PUT", "/api/identity/users/" + id + "/roles/catalog-admin");
    ASSERT_EQ(granted.status, 200) << granted.body;
    EXPECT_EQ(granted.json.at("roles"), boost::json::array({"catalog-admin", "user"}));
    EXPECT_EQ(admin("PUT", "/api/identity/users/" + id + "/roles/catalog-admin").status, 200)
        << "idempotent";
    start_catalog_admin();
    EXPECT_EQ(catalog_admin("/api/admin/categories",
                            access_token("ines@example.com", "a long passphrase"))
                  .status,
              200);
    EXPECT_EQ(
        admin("DELETE", "/api/identity/users/" + id + "/roles/catalog-admin").json.at("roles"),
        boost::json::array({"user"}));
    EXPECT_EQ(catalog_admin("/api/admin/categories",
                            access_token("ines@example.com", "a long passphrase"))
                  .status,
              403);
    expect_problem(admin("DELETE", "/api/identity/users/" + id + "/roles/user"), 409);
    expect_problem(admin("PUT", "/api/identity/users/" + id + "/roles/superuser"), 404);
}

TEST_P(Administration, RotatedKeysKeepEarlierTokensValidUntilTheyExpire) {
    start_catalog_admin();
    std::string before = admin_token();
    ASSERT_EQ(catalog_admin("/api/admin/categories", before).status, 200);
    auto rotated = admin("POST", "/api/identity/keys/rotate");
    ASSERT_EQ(rotated.status, 201) << rotated.body;
    std::string kid = rotated.text("kid");
    auto certs = get(oidc("certs"));
    ASSERT_EQ(certs.json.at("keys").as_array().size(), 2u) << "the previous key is still published";
    std::string after = admin_token();
    auto header = after.substr(0, after.find('.'));
    EXPECT_NE(before.substr(0, before.find('.')), header);
    // catalog-admin meets the new kid, refreshes its JWKS once, and accepts both tokens.
    EXPECT_EQ(catalog_admin("/api/admin/categories", after).status, 200);
    EXPECT_EQ(catalog_admin("/api/admin/categories", before).status, 200);
}

CODEFLIX_DIALECTS(Administration);

}  // namespace
