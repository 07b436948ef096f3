#include "identity_fixture.hpp"

#include <openssl/sha.h>

#include <boost/json.hpp>
#include <codeflix/core/base64.hpp>
#include <cstdlib>
#include <regex>

namespace codeflix::identity::testing {

std::string challenge_of(std::string_view verifier) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
    return core::base64url_encode(
        std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string header_value(const Reply& reply, std::string_view name) { return reply.header(name); }

http::Headers bearer(const std::string& token) {
    http::Headers headers;
    headers.set("Authorization", "Bearer " + token);
    return headers;
}

http::Headers Browser::headers() const {
    http::Headers headers;
    std::string cookie;
    for (const auto& [name, value] : cookies)
        cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie.empty()) headers.set("Cookie", cookie);
    return headers;
}

void Browser::remember(const Reply& reply) {
    for (const auto& [name, value] : reply.headers) {
        if (name.size() != 10 || strncasecmp(name.c_str(), "set-cookie", 10) != 0) continue;
        auto eq = value.find('=');
        auto end = value.find(';');
        std::string cookie_name = value.substr(0, eq);
        std::string cookie_value = value.substr(eq + 1, end - eq - 1);
        if (value.find("Max-Age=0") != std::string::npos)
            cookies.erase(cookie_name);
        else
            cookies[cookie_name] = cookie_value;
    }
}

std::map<std::string, std::string> IdentityTest::extra_env() {
    port_ = service::testing::free_port();
    return {{"CODEFLIX_HTTP_PORT", std::to_string(port_)},
            {"CODEFLIX_OIDC_ISSUER", issuer()},
            {"CODEFLIX_CLIENT_SECRET_CATALOG_ADMIN", kServiceSecret},
            {"CODEFLIX_IDENTITY_LOCKOUT_THRESHOLD", "3"},
            {"CODEFLIX_IDENTITY_LOCKOUT_BASE_SECONDS", "2"},
            {"CODEFLIX_IDENTITY_ADDRESS_FAILURE_LIMIT", "8"},
            {"CODEFLIX_IDENTITY_KEY_CACHE_SECONDS", "0"}};
}

void IdentityTest::SetUp() {
    ServiceTest::SetUp();
    std::string command = std::string("CODEFLIX_ADMIN_PASSWORD='") + kAdminPassword +
                          "' CODEFLIX_LOG_LEVEL=error CODEFLIX_IDENTITY_DB_URL='" +
                          database_->url() + "' CODEFLIX_OIDC_ISSUER='" + issuer() + "' '" +
                          IDENTITY_BINARY + "' ensure-admin " + kAdminEmail + " >/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

Reply IdentityTest::form(std::string_view path, const http::FormFields& fields,
                         http::Headers headers) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return call("POST", path, http::encode_form(fields), std::move(headers));
}

Reply IdentityTest::password_grant(std::string_view email, std::string_view password,
                                   std::string_view address) {
    http::Headers headers;
    if (!address.empty()) headers.set("X-Real-IP", std::string(address));
    return token({{"grant_type", "password"},
                  {"client_id", "codeflix-tools"},
                  {"username", std::string(email)},
                  {"password", std::string(password)},
                  {"scope", "openid"}},
                 headers);
}

std::string IdentityTest::access_token(std::string_view email, std::string_view password) {
    auto reply = password_grant(email, password);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.text("access_token");
}

std::string IdentityTest::register_user(std::string_view email, std::string_view password,
                                        std::string_view name) {
    boost::json::object body{{"email", email}, {"password", password}, {"display_name", name}};
    auto reply = post("/api/identity/users", boost::json::serialize(body));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.text("id");
}

http::FormFields IdentityTest::authorization(std::string_view client_id,
                                             std::string_view redirect_uri,
                                             std::string_view challenge, std::string_view state) {
    return {{"client_id", std::string(client_id)},
            {"redirect_uri", std::string(redirect_uri)},
            {"response_type", "code"},
            {"scope", "openid profile email"},
            {"state", std::string(state)},
            {"nonce", "n0nce"},
            {"code_challenge", std::string(challenge)},
            {"code_challenge_method", "S256"}};
}

LoginPage IdentityTest::open_login(Browser& browser, const http::FormFields& query) {
    LoginPage page;
    page.reply = call("GET", oidc("auth") + "?" + http::encode_form(query), {}, browser.headers());
    browser.remember(page.reply);
    static const std::regex hidden(R"re(<input type="hidden" name="([^"]+)" value="([^"]*)">)re");
    for (std::sregex_iterator it(page.reply.body.begin(), page.reply.body.end(), hidden), end;
         it != end; ++it) {
        std::string value = (*it)[2];
        // Undo the HTML escaping of attribute values.
        for (auto [from, to] : {std::pair{"&quot;", "\""},
                                {"&#39;", "'"},
                                {"&lt;", "<"},
                                {"&gt;", ">"},
                                {"&amp;", "&"}}) {
            for (auto at = value.find(from); at != std::string::npos; at = value.find(from, at + 1))
                value.replace(at, std::string_view(from).size(), to);
        }
        page.hidden.emplace_back((*it)[1], value);
    }
    return page;
}

Reply IdentityTest::submit_login(Browser& browser, const LoginPage& page, std::string_view email,
                                 std::string_view password, http::Headers extra) {
    http::FormFields fields = page.hidden;
    fields.emplace_back("email", std::string(email));
    fields.emplace_back("password", std::string(password));
    http::Headers headers = browser.headers();
    for (const auto& [k, v] : extra) headers.set(k, v);
    auto reply = form("/realms/codeflix/login-actions/authenticate", fields, headers);
    browser.remember(reply);
    return reply;
}

std::string IdentityTest::code_from(const Reply& redirect, std::string_view state) {
    EXPECT_EQ(redirect.status, 302) << redirect.body;
    std::string location = redirect.header("Location");
    auto query = location.find('?');
    EXPECT_NE(query, std::string::npos) << location;
    if (query == std::string::npos) return {};
    auto fields = http::parse_form(location.substr(query + 1));
    EXPECT_TRUE(fields);
    if (!fields) return {};
    EXPECT_EQ(http::form_value(*fields, "state"), state) << location;
    EXPECT_EQ(http::form_value(*fields, "iss"), issuer()) << location;
    auto code = http::form_value(*fields, "code");
    EXPECT_TRUE(code) << location;
    return code ? std::string(*code) : std::string();
}

std::string IdentityTest::login_for_code(Browser& browser, std::string_view client_id,
                                         std::string_view redirect_uri, std::string_view verifier,
                                         std::string_view email, std::string_view password) {
    auto page = open_login(browser, authorization(client_id, redirect_uri, challenge_of(verifier)));
    if (page.reply.status == 302) return code_from(page.reply);  // signed in already (SSO)
    EXPECT_EQ(page.reply.status, 200) << page.reply.body;
    return code_from(submit_login(browser, page, email, password));
}

Reply IdentityTest::exchange(std::string_view client_id, std::string_view code,
                             std::string_view redirect_uri, std::string_view verifier) {
    return token({{"grant_type", "authorization_code"},
                  {"client_id", std::string(client_id)},
                  {"code", std::string(code)},
                  {"redirect_uri", std::string(redirect_uri)},
                  {"code_verifier", std::string(verifier)}});
}

void IdentityTest::start_catalog_admin() {
    catalog_database_ = std::make_unique<db::testing::TestDatabase>(GetParam());
    catalog_admin_ = std::make_unique<ServiceProcess>(
        CATALOG_ADMIN_BINARY, catalog_database_->url(),
        std::map<std::string, std::string>{{"CODEFLIX_OIDC_ISSUER", issuer()},
                                           {"CODEFLIX_OIDC_JWKS_MIN_REFRESH_SECONDS", "0"}});
}

Reply IdentityTest::catalog_admin(std::string_view path, const std::string& bearer_token) {
    http::Headers headers;
    if (!bearer_token.empty()) headers.set("Authorization", "Bearer " + bearer_token);
    return service::testing::request(catalog_admin_->base_url(), "GET", path, {}, headers);
}

}  // namespace codeflix::identity::testing
