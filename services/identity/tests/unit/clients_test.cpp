#include "src/app/clients.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/config.hpp>

using codeflix::core::ConfigError;
using codeflix::identity::app::ClientRegistry;

namespace {

std::optional<std::string> env(const std::string& name) {
    if (name == "SECRET") return std::string("0123456789abcdef-secret");
    if (name == "SHORT") return std::string("short");
    return std::nullopt;
}

ClientRegistry parse(const std::string& json) { return ClientRegistry::from_json(json, env); }

}  // namespace

TEST(Clients, ReadsPublicAndConfidentialClients) {
    auto registry = parse(R"({"clients": [
      {"client_id": "web", "type": "public", "redirect_uris": ["http://localhost:8080/cb"],
       "web_origins": ["http://localhost:8080"], "grant_types": ["authorization_code"]},
      {"client_id": "svc", "type": "confidential", "secret_env": "SECRET",
       "grant_types": ["client_credentials"], "service_roles": ["catalog-admin"]},
      {"client_id": "off", "type": "confidential", "secret_env": "UNSET",
       "grant_types": ["client_credentials"]}]})");
    ASSERT_NE(registry.find("web"), nullptr);
    EXPECT_FALSE(registry.find("web")->confidential);
    EXPECT_TRUE(registry.find("web")->has_redirect_uri("http://localhost:8080/cb"));
    EXPECT_FALSE(registry.find("web")->has_redirect_uri("http://localhost:8080/cb/"));
    EXPECT_EQ(registry.find("svc")->secret, "0123456789abcdef-secret");
    EXPECT_EQ(registry.find("off"), nullptr)
        << "a confidential client without its secret is left out";
    EXPECT_EQ(registry.all_web_origins(), std::vector<std::string>{"http://localhost:8080"});
}

TEST(Clients, MistakesStopTheServiceWithAClearMessage) {
    for (
        const char* bad :
        {R"([])", R"({"clients": {}})", R"({"clients": [{"type": "public"}]})",
         R"({"clients": [{"client_id": "a", "type": "secret"}]})",
         R"({"clients": [{"client_id": "a", "type": "public", "grant_types": ["implicit"]}]})",
         R"({"clients": [{"client_id": "a", "type": "public", "grant_types": ["authorization_code"]}]})",
         R"({"clients": [{"client_id": "a", "type": "public", "redirect_uris": ["/relative"]}]})",
         R"({"clients": [{"client_id": "a", "type": "public", "grant_types": ["client_credentials"]}]})",
         R"({"clients": [{"client_id": "a", "type": "confidential"}]})",
         R"({"clients": [{"client_id": "a", "type": "confidential", "secret_env": "SHORT"}]})",
         R"({"clients": [{"client_id": "a", "type": "public", "colour": "red"}]})",
         R"({"clients": [{"client_id": "a", "type": "public"}, {"client_id": "a", "type": "public"}]})"}) {
        EXPECT_THROW(parse(bad), ConfigError) << bad;
    }
}
