#include <gtest/gtest.h>

#include <codeflix/core/base64.hpp>

using namespace codeflix::core;

TEST(Base64url, Rfc4648Vectors) {
    EXPECT_EQ(base64url_encode(""), "");
    EXPECT_EQ(base64url_encode("f"), "Zg");
    EXPECT_EQ(base64url_encode("fo"), "Zm8");
    EXPECT_EQ(base64url_encode("foo"), "Zm9v");
    EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
    EXPECT_EQ(base64url_decode("Zm9vYmE"), "fooba");
    EXPECT_EQ(base64url_decode("-_8"), "\xfb\xff");
}

TEST(Base64url, RejectsPaddingForeignCharactersAndNonCanonicalInput) {
    EXPECT_FALSE(base64url_decode("Zg=="));
    EXPECT_FALSE(base64url_decode("Zm9v+/"));
    EXPECT_FALSE(base64url_decode("Zm 9v"));
    EXPECT_FALSE(base64url_decode("Z"));
    EXPECT_FALSE(base64url_decode("Zh"));  // non-zero leftover bits
}

TEST(Base64url, RoundTripsEveryByte) {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (std::size_t n = 0; n < all.size(); n += 7) {
        auto part = all.substr(0, n);
        EXPECT_EQ(base64url_decode(base64url_encode(part)), part);
    }
}

TEST(Base64, StandardAlphabetWithPadding) {
    EXPECT_EQ(codeflix::core::base64_decode("Y29kZWZsaXgtYWRtaW46cz8+"), "codeflix-admin:s?>");
    EXPECT_EQ(codeflix::core::base64_decode("YQ=="), "a");
    EXPECT_EQ(codeflix::core::base64_decode("YWI="), "ab");
    EXPECT_FALSE(codeflix::core::base64_decode("YQ"));
    EXPECT_FALSE(codeflix::core::base64_decode("Y-8_"));
    EXPECT_FALSE(codeflix::core::base64_decode("YQ==YQ=="));
    EXPECT_FALSE(codeflix::core::base64_decode("Y==="));
}
