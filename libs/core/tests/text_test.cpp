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

TEST(Text, OneVisibleNameHasOneKey) {
    EXPECT_EQ(normalize_nfc("Aça\u0303o"), "Ação");
    EXPECT_EQ(casefold("Aça\u0303o"), casefold("AÇÃO"));
    EXPECT_EQ(casefold("ＡＢＣ"), "abc") << "full-width forms fold to ASCII";
    EXPECT_EQ(casefold("Straße"), casefold("STRASSE"));
    EXPECT_EQ(search_fold("Ελληνικά"), "ελληνικα");
    EXPECT_EQ(search_fold("Ærø"), "aero");
}

TEST(Text, Utf8AndControlCharacters) {
    EXPECT_TRUE(is_valid_utf8("Ação 映画 🎬"));
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
    EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("abc\xe2\x82"));       // truncated
    EXPECT_TRUE(has_control_characters(std::string("a\0b", 3), true));
    EXPECT_TRUE(has_control_characters("a\x1b[31m", true));
    EXPECT_TRUE(has_control_characters("line\nbreak", false));
    EXPECT_FALSE(has_control_characters("line\nbreak\ttab", true));
    EXPECT_TRUE(has_control_characters("del\x7f", true));
}

TEST(Text, WordsSplitAtAnythingButLettersAndDigitsAndFold) {
    std::string text = "Ação-2, São Paulo! O'Brien… 東京 e\xCC\x81";  // the last "é" is decomposed
    auto found = codeflix::core::words(text);
    std::vector<std::string> folded;
    for (const auto& word : found) folded.push_back(word.folded);
    EXPECT_EQ(folded,
              (std::vector<std::string>{"acao", "2", "sao", "paulo", "o", "brien", "東京", "e"}));
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Ação");
    EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "São");
    EXPECT_EQ(codeflix::core::search_text("  MATRIX: Reloaded  "), "matrix reloaded");
    EXPECT_EQ(codeflix::core::search_text("\"NEAR\" * - OR;"), "near or");
    EXPECT_TRUE(codeflix::core::words("--- ... !!!").empty());
}

TEST(Text, EscapeHtmlReplacesTheFiveSpecialCharacters) {
    EXPECT_EQ(codeflix::core::escape_html(R"(<a href="x">Tom & Jerry's</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(codeflix::core::escape_html("Ação"), "Ação");
}
