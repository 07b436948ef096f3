#include <boost/json/serialize.hpp>
#include <chrono>
#include <codeflix/http/router.hpp>
#include <codeflix/http/server.hpp>
#include <codeflix/service/test_issuer.hpp>
#include <mutex>
#include <utility>

namespace codeflix::service::testing {

struct TestIssuer::Impl {
    http::Router router;
    http::Server server{{}, [this](http::Request& r) { return router.dispatch(r); }};
    std::mutex mutex;
    std::vector<std::pair<std::string, const auth::PrivateKey*>> keys;
};

TestIssuer::TestIssuer() : impl_(std::make_unique<Impl>()) {
    impl_->keys.emplace_back("k1", &default_key());
    impl_->router.get("/realms/codeflix/protocol/openid-connect/certs", [this](http::Request&) {
        std::lock_guard lock(impl_->mutex);
        boost::json::array keys;
        for (const auto& [kid, key] : impl_->keys) keys.push_back(key->public_jwk(kid));
        return http::Response::json(200,
                                    boost::json::serialize(boost::json::object{{"keys", keys}}));
    });
    impl_->server.start();
}

TestIssuer::~TestIssuer() { stop(); }

void TestIssuer::stop() { impl_->server.stop(); }

std::string TestIssuer::issuer() const {
    return "http://127.0.0.1:" + std::to_string(impl_->server.port()) + "/realms/codeflix";
}

std::map<std::string, std::string> TestIssuer::env() const {
    return {{"CODEFLIX_OIDC_ISSUER", issuer()}, {"CODEFLIX_OIDC_JWKS_MIN_REFRESH_SECONDS", "0"}};
}

void TestIssuer::publish(const std::string& kid, const auth::PrivateKey* key) {
    std::lock_guard lock(impl_->mutex);
    impl_->keys.emplace_back(kid, key);
}

const auth::PrivateKey& TestIssuer::default_key() {
    static const auth::PrivateKey key = auth::PrivateKey::generate();
    return key;
}

std::string TestIssuer::token(const TokenSpec& spec) const {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    boost::json::array roles;
    for (const auto& role : spec.roles) roles.emplace_back(role);
    boost::json::object claims{{"iss", issuer()},
                               {"sub", spec.subject},
                               {"azp", spec.azp},
                               {"typ", "Bearer"},
                               {"exp", now + spec.lifetime_seconds},
                               {"iat", now - 1},
                               {"realm_access", {{"roles", roles}}}};
    if (!spec.audience.empty()) claims["aud"] = spec.audience;
    if (!spec.email.empty()) claims["email"] = spec.email;
    if (!spec.username.empty()) claims["preferred_username"] = spec.username;
    const auto& key = spec.key != nullptr ? *spec.key : default_key();
    return auth::sign_jwt(key, {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", spec.kid}}, claims);
}

http::Headers TestIssuer::bearer(const TokenSpec& spec) const { return bearer(token(spec)); }

http::Headers TestIssuer::bearer(const std::string& jwt) {
    http::Headers headers;
    headers.set("Authorization", "Bearer " + jwt);
    return headers;
}

}  // namespace codeflix::service::testing
