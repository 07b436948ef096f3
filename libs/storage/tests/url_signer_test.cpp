#include <gtest/gtest.h>

#include <codeflix/storage/url_signer.hpp>
#include <stdexcept>
#include <string>

using codeflix::storage::UrlSigner;

namespace {

// Expected tokens come from the shell, not from this code:
//   printf '%s' "$TEXT" | openssl md5 -binary | openssl base64 | tr '+/' '-_' | tr -d '='
const std::string kSecret = "0123456789abcdef-secret";

TEST(UrlSigner, TokenIsUnpaddedBase64UrlOfMd5) {
    EXPECT_EQ(UrlSigner::token(""), "1B2M2Y8AsgTpgAmY7PhCfg");
    EXPECT_EQ(UrlSigner::token("The quick brown fox jumps over the lazy dog"),
              "nhB9nTcrtoJr2B01QqQZ1g");
    EXPECT_EQ(UrlSigner::token("1700000000/v 0123456789abcdef-secret"), "QwHliB_aAreWdK7bUr-MqA");
}

TEST(UrlSigner, UploadPathMatchesNginxSecureLink) {
    const UrlSigner signer(kSecret);
    // "1700000000/uploads/v/video/u 42 0123456789abcdef-secret"
    EXPECT_EQ(signer.upload_path("uploads/v/video/u", 42, 1700000000),
              "/uploads/FhVrTeES0wQNhkOIYCZnCA/1700000000/v/video/u");
    const UrlSigner other("a-much-longer-gateway-secret-0123");
    // "1700000000/uploads/0190f3c2-.../trailer/0190f3c2-... 1073741824
    // a-much-longer-gateway-secret-0123"
    EXPECT_EQ(other.upload_path("uploads/0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d/trailer/"
                                "0190f3c2-8a00-7b2c-8d3e-4f5a6b7c8d9e",
                                1073741824, 1700000000),
              "/uploads/miLJY1Lhi9WCsVq6dihjXg/1700000000/0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d/"
              "trailer/0190f3c2-8a00-7b2c-8d3e-4f5a6b7c8d9e");
}

TEST(UrlSigner, MediaPrefixMatchesNginxSecureLink) {
    // "1700000000/v 0123456789abcdef-secret"
    EXPECT_EQ(UrlSigner(kSecret).media_prefix("v", 1700000000),
              "/media/QwHliB_aAreWdK7bUr-MqA/1700000000/v/");
    // "2000000000/0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d a-much-longer-gateway-secret-0123"
    EXPECT_EQ(UrlSigner("a-much-longer-gateway-secret-0123")
                  .media_prefix("0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d", 2000000000),
              "/media/9C7tY7iSF9pa6KEt8lnHwA/2000000000/0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d/");
}

TEST(UrlSigner, TrailerPrefixIsSignedForTheTrailerFolderOnly) {
    // "1700000000/v/trailer 0123456789abcdef-secret": never the token of the whole folder.
    EXPECT_EQ(UrlSigner(kSecret).trailer_prefix("v", 1700000000),
              "/trailers/kG3VDQZ7lVoSDXip8aw2cg/1700000000/v/");
    EXPECT_NE(UrlSigner(kSecret).trailer_prefix("v", 1700000000).substr(10, 22),
              UrlSigner(kSecret).media_prefix("v", 1700000000).substr(7, 22));
    for (const char* video_id : {"", "a/b", "..", "a b"}) {
        EXPECT_THROW((void)UrlSigner(kSecret).trailer_prefix(video_id, 1700000000),
                     std::invalid_argument)
            << video_id;
    }
    EXPECT_THROW((void)UrlSigner(kSecret).trailer_prefix("v", 0), std::invalid_argument);
}

TEST(UrlSigner, EverySignedPartChangesTheToken) {
    const UrlSigner signer(kSecret);
    const std::string base = signer.upload_path("uploads/v/video/u", 42, 1700000000);
    // "1700000000/uploads/v/video/u 43 0123456789abcdef-secret"
    EXPECT_EQ(signer.upload_path("uploads/v/video/u", 43, 1700000000),
              "/uploads/bOJgGeec2dvWfTP985z6KA/1700000000/v/video/u");
    EXPECT_NE(signer.upload_path("uploads/v/video/w", 42, 1700000000).substr(0, 31),
              base.substr(0, 31));
    EXPECT_NE(signer.upload_path("uploads/v/video/u", 42, 1700000001).substr(0, 31),
              base.substr(0, 31));
    EXPECT_NE(UrlSigner(kSecret + "x").upload_path("uploads/v/video/u", 42, 1700000000), base);
    EXPECT_NE(signer.media_prefix("v", 1700000000), signer.media_prefix("w", 1700000000));
}

TEST(UrlSigner, RejectsWeakSecrets) {
    EXPECT_THROW(UrlSigner(""), std::invalid_argument);
    EXPECT_THROW(UrlSigner("0123456789abcde"), std::invalid_argument);
    EXPECT_NO_THROW(UrlSigner("0123456789abcdef"));
    // Characters nginx would not take literally inside secure_link_md5 "...".
    for (const char* secret :
         {"0123456789abcdef $x", "0123456789abcdef$x", "0123456789abcdef\"x", "0123456789abcdef;x",
          "0123456789abcdef\\x", "0123456789abcdef\nx"}) {
        EXPECT_THROW(UrlSigner{secret}, std::invalid_argument) << secret;
    }
}

TEST(UrlSigner, RejectsKeysOutsideUploadsAndBadArguments) {
    const UrlSigner signer(kSecret);
    for (const char* key : {"media/v/video/u", "uploads", "uploads/", "uploads/../x", "uploadsx/v",
                            "/uploads/v", ""}) {
        EXPECT_THROW((void)signer.upload_path(key, 1, 1700000000), std::invalid_argument) << key;
    }
    EXPECT_THROW((void)signer.upload_path("uploads/v/video/u", 1, 0), std::invalid_argument);
    EXPECT_THROW((void)signer.upload_path("uploads/v/video/u", 1, -5), std::invalid_argument);
    for (const char* video_id : {"", "a/b", "..", ".x", "a b"}) {
        EXPECT_THROW((void)signer.media_prefix(video_id, 1700000000), std::invalid_argument)
            << video_id;
    }
}

}  // namespace
