#include <gtest/gtest.h>

#include <codeflix/storage/key.hpp>
#include <stdexcept>
#include <string>

using namespace codeflix::storage;

TEST(Key, AcceptsTheKeysOfTheArchitecture) {
    for (const char* key :
         {"a", "uploads/0190f3c2-7d4e-7a1b-9c3d-2e4f5a6b7c8d/video/0190f3c2-7d4e-7a1b-9c3d-aa",
          "media/v1/video/e1/manifest.mpd", "media/v1/video/e1/trickplay/sprite_001.jpg",
          "images/v1/banner/x.webp", "A.b_c-d", "1", "a/b.", "a/b..c"}) {
        EXPECT_TRUE(is_valid_key(key)) << key;
    }
}

TEST(Key, RejectsWhatCouldEscapeTheRootOrHide) {
    for (const char* key : {"",        "/a",       "a/",  "a//b", "../x", "a/../b", "a/./b",
                            ".hidden", "a/.tmp-x", "a b", "a\\b", "a%2e", "-a",     "_a",
                            "a/-b",    "a:b",      "a?b", "a#b",  "a/b/", "/",      "é"}) {
        EXPECT_FALSE(is_valid_key(key)) << key;
        EXPECT_THROW(require_valid_key(key), std::invalid_argument) << key;
    }
    EXPECT_FALSE(is_valid_key(std::string("a\0b", 3)));
    EXPECT_FALSE(is_valid_key(std::string("a/b\n")));
}

TEST(Key, LengthLimits) {
    EXPECT_TRUE(is_valid_key(std::string(255, 'a')));
    EXPECT_FALSE(is_valid_key(std::string(256, 'a')));
    std::string longest;
    while (longest.size() + 2 <= kMaxKeyLength) longest += longest.empty() ? "a" : "/a";
    longest += std::string(kMaxKeyLength - longest.size(), 'b');
    ASSERT_EQ(longest.size(), 1024U);
    EXPECT_TRUE(is_valid_key(longest));
    EXPECT_FALSE(is_valid_key(longest + "b"));
    EXPECT_FALSE(is_valid_key(std::string(200, 'a') + "/" + std::string(1024 - 201, 'b') + "c"));
}

TEST(Key, SegmentsAreKeysWithoutSlashes) {
    EXPECT_TRUE(is_valid_key_segment("poster.jpg"));
    EXPECT_FALSE(is_valid_key_segment("a/b"));
    EXPECT_FALSE(is_valid_key_segment(""));
    EXPECT_FALSE(is_valid_key_segment(".."));
}

TEST(Key, PrefixesAreKeysOptionallyEndingInASlash) {
    EXPECT_TRUE(is_valid_prefix(""));
    EXPECT_TRUE(is_valid_prefix("a"));
    EXPECT_TRUE(is_valid_prefix("a/b"));
    EXPECT_TRUE(is_valid_prefix("a/b/"));
    for (const char* prefix : {"/", "/a", "a//", "a//b/", "../", ".tmp-", "a b/"}) {
        EXPECT_FALSE(is_valid_prefix(prefix)) << prefix;
        EXPECT_THROW(require_valid_prefix(prefix), std::invalid_argument) << prefix;
    }
}

TEST(Key, JoinBuildsOnlyValidKeys) {
    EXPECT_EQ(join_key({"media", "v1", "video", "e1", "manifest.mpd"}),
              "media/v1/video/e1/manifest.mpd");
    EXPECT_EQ(join_key({"a"}), "a");
    EXPECT_THROW(join_key({"uploads", "..", "x"}), std::invalid_argument);
    EXPECT_THROW(join_key({"", "b"}), std::invalid_argument);
    EXPECT_THROW(join_key({"a", ""}), std::invalid_argument);
    EXPECT_THROW(join_key({"a/", "b"}), std::invalid_argument);
    EXPECT_THROW(join_key({}), std::invalid_argument);
}

TEST(Key, MessagesShowBadKeysSafely) {
    try {
        require_valid_key(std::string("a\0b\n", 4) + std::string(500, 'x'));
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& e) {
        const std::string message = e.what();
        EXPECT_EQ(message.find('\0'), std::string::npos);
        EXPECT_EQ(message.find('\n'), std::string::npos);
        EXPECT_LT(message.size(), 200U);
    }
}

TEST(Key, MediaRelativeKeyStaysInsideTheSlotFolder) {
    EXPECT_EQ(media_relative_key("media/v1/trailer/e1/master.m3u8", "v1", "trailer"),
              "trailer/e1/master.m3u8");
    for (const char* key : {"media/v1/video/e1/master.m3u8", "media/v2/trailer/e1/master.m3u8",
                            "media/v1/trailer/", "media/v1/trailer/../video/x.m3u8",
                            "images/v1/trailer/x.jpg", "media/v1/trailerx/e1/m.m3u8"})
        EXPECT_EQ(media_relative_key(key, "v1", "trailer"), std::nullopt) << key;
}
