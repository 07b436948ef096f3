#include "src/domain/search_query.hpp"

#include <gtest/gtest.h>

namespace codeflix::catalog_api::domain {
namespace {

std::vector<std::string> words_of(std::string_view q) {
    std::vector<std::string> out;
    auto terms = parse_query(q);
    for (const auto& term : *terms) out.push_back(term.word);
    return out;
}

TEST(SearchQuery, FoldsWordsAndTreatsOperatorsAsSeparators) {
    EXPECT_EQ(words_of("  Ação  MATRIX "), (std::vector<std::string>{"acao", "matrix"}));
    EXPECT_EQ(words_of(R"("matrix" NEAR(a b) -x * OR 'drop table';--)"),
              (std::vector<std::string>{"matrix", "near", "a", "b", "x", "or", "drop", "table"}));
    EXPECT_TRUE(words_of("").empty());
    EXPECT_TRUE(words_of("\"*-()").empty());
    EXPECT_EQ(words_of("a a A"), (std::vector<std::string>{"a"}));
    EXPECT_EQ(words_of("1 2 3 4 5 6 7 8 9 10").size(), kMaxTerms);
}

TEST(SearchQuery, OnlyTheLastWordOfTwoOrMoreCharactersIsAPrefix) {
    std::vector<SearchTerm> terms = *parse_query("cidade de");
    EXPECT_FALSE(terms[0].prefix);
    EXPECT_TRUE(terms[1].prefix);
    EXPECT_FALSE((*parse_query("matrix a"))[1].prefix);
}

TEST(SearchQuery, RefusesWhatIsNotText) {
    EXPECT_FALSE(parse_query(std::string(501, 'a')));
    EXPECT_FALSE(parse_query("caf\xC3"));
    EXPECT_FALSE(
        parse_query("a\x01"
                    "b"));
    EXPECT_TRUE(parse_query(std::string(500, 'a')));
}

TEST(OneEdit, InsertionDeletionSubstitutionAndTransposition) {
    EXPECT_TRUE(one_edit_apart("matirx", "matrix"));   // transposition
    EXPECT_TRUE(one_edit_apart("matrx", "matrix"));    // insertion
    EXPECT_TRUE(one_edit_apart("matrixx", "matrix"));  // deletion
    EXPECT_TRUE(one_edit_apart("metrix", "matrix"));   // substitution
    EXPECT_TRUE(one_edit_apart("acão", "acao"));       // counts code points, not bytes
    EXPECT_FALSE(one_edit_apart("matrix", "matrix"));
    EXPECT_FALSE(one_edit_apart("mitrex", "matrix"));
    EXPECT_FALSE(one_edit_apart("matr", "matrix"));
}

TEST(PaddedTrigrams, ShareOneWithEveryWordOneEditAway) {
    auto grams = padded_trigrams("brave");
    EXPECT_EQ(grams, (std::vector<std::string>{"^br", "bra", "rav", "ave", "ve$"}));
    for (const char* typo : {"brvae", "brxve", "bave", "braxve", "rbave"}) {
        auto other = padded_trigrams(typo);
        bool shared = false;
        for (const auto& g : other)
            shared = shared || std::find(grams.begin(), grams.end(), g) != grams.end();
        EXPECT_TRUE(shared) << typo;
    }
}

TEST(Highlight, MarksMatchesEscapesHtmlAndCutsLongTexts) {
    std::vector<SearchTerm> terms = *parse_query("acao matr");
    EXPECT_EQ(highlight("Ação & <Matrix>", terms),
              "<mark>Ação</mark> &amp; &lt;<mark>Matrix</mark>&gt;");
    std::string long_text = "one two three four five six seven eight nine ten Ação end";
    EXPECT_EQ(highlight(long_text, terms, 4), "…nine ten <mark>Ação</mark> end");
    EXPECT_EQ(highlight("Ação one two three four five six", terms, 3),
              "<mark>Ação</mark> one two…");
}

}  // namespace
}  // namespace codeflix::catalog_api::domain
