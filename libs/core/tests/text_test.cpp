#include <gtest/gtest.h>

#include <codeflix/core/text.hpp>

using namespace codeflix::core;

TEST(Text, CountsCodePointsNotBytes) {
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("Ação"), 4u);
    EXPECT_EQ(utf8_length("映画"), 2u);
    EXPECT_EQ(utf8_length("🎬x"), 2u);
}

TEST(Text, TrimsAsciiAndUnicodeSpaces) {
    EXPECT_EQ(trim("  a b \t\n"), "a b");
    EXPECT_EQ(trim("\u00a0\u3000Drama\u3000"), "Drama");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("ação"), "ação");
}

TEST(Text, CasefoldLowersLatinGreekCyrillic) {
    EXPECT_EQ(casefold("AÇÃO Drama"), "ação drama");
    EXPECT_EQ(casefold("ŁÓDŹ"), "łódź");
    EXPECT_EQ(casefold("ΑΒΓ"), "αβγ");
    EXPECT_EQ(casefold("КИНО"), "кино");
    EXPECT_EQ(casefold("映画🎬"), "映画🎬");
}

TEST(Text, SearchFoldRemovesAccents) {
    EXPECT_EQ(search_fold("Ação"), "acao");
    EXPECT_EQ(search_fold("Crème Brûlée"), "creme brulee");
    EXPECT_EQ(search_fold("Straße"), "strasse");
    EXPECT_EQ(search_fold("Ñandú"), "nandu");
    EXPECT_EQ(search_fold("Sci\u0301"), "sci");  // decomposed accent
    EXPECT_EQ(search_fold("Żółć"), "zolc");
}
