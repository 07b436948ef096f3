#include "src/domain/user.hpp"

#include <gtest/gtest.h>

using namespace codeflix::identity::domain;

TEST(Email, AcceptsAddressesAndFoldsTheirCase) {
    auto email = parse_email("  Maria.Silva+news@Example.COM ");
    ASSERT_TRUE(email);
    EXPECT_EQ(email->value, "Maria.Silva+news@Example.COM");
    EXPECT_EQ(email->key, "maria.silva+news@example.com");
    EXPECT_TRUE(parse_email("admin@codeflix.local"));
}

TEST(Email, RefusesWhatIsNotAnAddress) {
    for (const char* bad :
         {"", "plain", "@example.com", "a@", "a@b", "a@.com", "a@-x.com", "a b@example.com",
          "a..b@example.com", ".a@example.com", "a@exa_mple.com", "a@example..com",
          "\"q\"@example.com", "a@ex\x01.com"}) {
        EXPECT_FALSE(parse_email(bad)) << bad;
    }
    EXPECT_FALSE(parse_email(std::string(65, 'a') + "@example.com")) << "local part over 64";
    EXPECT_FALSE(parse_email("a@" + std::string(250, 'b') + ".com")) << "over 254";
}

TEST(DisplayName, TrimsNormalizesAndLimits) {
    EXPECT_EQ(*parse_display_name("  Jos\x65\xcc\x81 "), "Jos\xc3\xa9") << "NFC";
    EXPECT_FALSE(parse_display_name("   "));
    EXPECT_FALSE(parse_display_name(std::string(101, 'x')));
    EXPECT_TRUE(parse_display_name(std::string(100, 'x')));
    EXPECT_FALSE(parse_display_name("line\nbreak"));
    EXPECT_FALSE(parse_display_name("\xff"));
}

TEST(PasswordPolicy, LengthEmailAndCommonPasswords) {
    CommonPasswords common("password123\nqwertyuiop\n1234567890\n");
    EXPECT_EQ(common.size(), 3u);
    auto email = *parse_email("joao@example.com");
    EXPECT_TRUE(check_new_password("a long passphrase", email, common));
    EXPECT_FALSE(check_new_password("short", email, common));
    EXPECT_FALSE(check_new_password(std::string(129, 'x'), email, common));
    EXPECT_TRUE(check_new_password(std::string(128, 'x'), email, common));
    // Characters, not bytes: ten accented letters are ten characters.
    EXPECT_TRUE(check_new_password(
        "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", email,
        common));
    EXPECT_FALSE(check_new_password("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", email, common));
    EXPECT_FALSE(check_new_password("JOAO@example.com", email, common));
    EXPECT_FALSE(check_new_password("QwertyUIOP", email, common)) << "case-insensitive";
    EXPECT_FALSE(check_new_password("tab\there-and-more", email, common));
    EXPECT_FALSE(check_new_password("bad\xffutf8-password", email, common));
    // What is hashed is the NFC form.
    EXPECT_EQ(*check_new_password("cafe\xcc\x81-au-lait", email, common), "caf\xc3\xa9-au-lait");
}

TEST(Lockout, GrowsFromTheThresholdUpToTheMaximum) {
    LockoutPolicy policy{5, 30, 900};
    EXPECT_EQ(policy.lock_seconds(4), 0);
    EXPECT_EQ(policy.lock_seconds(5), 30);
    EXPECT_EQ(policy.lock_seconds(6), 60);
    EXPECT_EQ(policy.lock_seconds(8), 240);
    EXPECT_EQ(policy.lock_seconds(10), 900);
    EXPECT_EQ(policy.lock_seconds(1000), 900);
    AddressPolicy address{20, 900, 600};
    EXPECT_EQ(address.block_seconds(20), 0);
    EXPECT_EQ(address.block_seconds(21), 5);
    EXPECT_EQ(address.block_seconds(23), 20);
    EXPECT_EQ(address.block_seconds(100000), 600);
}

TEST(Roles, KnownRoles) {
    EXPECT_TRUE(is_known_role("user"));
    EXPECT_TRUE(is_known_role("catalog-admin"));
    EXPECT_TRUE(is_known_role("subscription-admin"));
    EXPECT_FALSE(is_known_role("admin"));
}
