#include "src/app/crypto.hpp"

#include <gtest/gtest.h>

#include "src/app/identity.hpp"

using namespace codeflix::identity::app;

TEST(Passwords, Argon2idWithOwaspParameters) {
    std::string hash = hash_password("a long passphrase");
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
    EXPECT_TRUE(verify_password(hash, "a long passphrase"));
    EXPECT_FALSE(verify_password(hash, "a long passphrasE"));
    EXPECT_FALSE(password_needs_rehash(hash));
    EXPECT_NE(hash_password("a long passphrase"), hash) << "salted";
    EXPECT_FALSE(verify_password("not a hash", "x"));
}

TEST(Tokens, RandomTokensAndHashes) {
    EXPECT_EQ(random_token().size(), 43u);
    EXPECT_NE(random_token(), random_token());
    // RFC 7636 appendix B.
    EXPECT_EQ(sha256_base64url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    EXPECT_TRUE(pkce_matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                             "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    EXPECT_FALSE(pkce_matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK",
                              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    EXPECT_FALSE(pkce_matches("short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    EXPECT_TRUE(is_valid_code_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    EXPECT_FALSE(is_valid_code_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c"));
    EXPECT_TRUE(secure_equals("same", "same"));
    EXPECT_FALSE(secure_equals("same", "Same"));
}
