#include <gtest/gtest.h>

#include <codeflix/core/config.hpp>
#include <cstdlib>

using namespace codeflix::core;

TEST(Config, ServiceSpecificBeatsSharedBeatsDefault) {
    Config config("catalog-admin");
    ::unsetenv("CODEFLIX_CATALOG_ADMIN_TEST_KEY");
    ::unsetenv("CODEFLIX_TEST_KEY");
    EXPECT_EQ(config.string("TEST_KEY", "fallback"), "fallback");
    ::setenv("CODEFLIX_TEST_KEY", "shared", 1);
    EXPECT_EQ(config.string("TEST_KEY", "fallback"), "shared");
    ::setenv("CODEFLIX_CATALOG_ADMIN_TEST_KEY", "specific", 1);
    EXPECT_EQ(config.string("TEST_KEY", "fallback"), "specific");
}

TEST(Config, IntegersAreValidatedWithOneClearMessage) {
    Config config("svc");
    ::setenv("CODEFLIX_SVC_PORT", "80a", 1);
    try {
        (void)config.integer("PORT", 1, 0, 65535);
        FAIL() << "expected ConfigError";
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(), "CODEFLIX_SVC_PORT=\"80a\" is not an integer in [0, 65535]");
    }
    ::setenv("CODEFLIX_SVC_PORT", "70000", 1);
    EXPECT_THROW((void)config.integer("PORT", 1, 0, 65535), ConfigError);
    ::setenv("CODEFLIX_SVC_PORT", "8082", 1);
    EXPECT_EQ(config.integer("PORT", 1, 0, 65535), 8082);
}

TEST(Config, Booleans) {
    Config config("svc");
    ::setenv("CODEFLIX_SVC_FLAG", "yes", 1);
    EXPECT_TRUE(config.boolean("FLAG", false));
    ::setenv("CODEFLIX_SVC_FLAG", "Off", 1);
    EXPECT_FALSE(config.boolean("FLAG", true));
    ::setenv("CODEFLIX_SVC_FLAG", "maybe", 1);
    EXPECT_THROW((void)config.boolean("FLAG", true), ConfigError);
}

TEST(Config, CommaSeparatedLists) {
    ::unsetenv("CODEFLIX_IDENTITY_TEST_LIST");
    Config config("identity");
    EXPECT_EQ(config.list("TEST_LIST", "a,b"), (std::vector<std::string>{"a", "b"}));
    ::setenv("CODEFLIX_IDENTITY_TEST_LIST", ",127.0.0.1,,::1,", 1);
    EXPECT_EQ(config.list("TEST_LIST", "a"), (std::vector<std::string>{"127.0.0.1", "::1"}));
    ::setenv("CODEFLIX_IDENTITY_TEST_LIST", "", 1);
    EXPECT_TRUE(config.list("TEST_LIST", "a").empty());
    ::unsetenv("CODEFLIX_IDENTITY_TEST_LIST");
}
