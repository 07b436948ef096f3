#pragma once

#include <codeflix/core/result.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::catalog_api::domain {

/// Limits of a search query: longer input is refused, more words are ignored.
constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxTerms = 8;
constexpr std::size_t kMaxTermChars = 40;
/// Words this long or longer may match indexed words one edit away.
constexpr std::size_t kTypoMinChars = 5;
/// The last word matches as a prefix (as-you-type) from this length.
constexpr std::size_t kPrefixMinChars = 2;

/// One word of a query and the indexed words it matches: itself, and the words one edit away
/// when it is long enough and not itself indexed. The last word also matches as a prefix.
struct SearchTerm {
    std::string word;
    bool prefix = false;
    std::vector<std::string> alternatives;
};

/// The folded words of `q` (core::words), at most kMaxTerms of at most kMaxTermChars each.
/// Invalid UTF-8, control characters or more than kMaxQueryBytes are an invalid_argument Error;
/// operators and quotes are just separators, so any other input is a plain word search.
core::Result<std::vector<SearchTerm>> parse_query(std::string_view q);

/// Whether `a` and `b` are exactly one insertion, deletion, substitution or transposition of
/// adjacent characters apart (optimal string alignment distance 1), counting code points.
bool one_edit_apart(std::string_view a, std::string_view b);

/// The code-point length of a folded word.
std::size_t length_of(std::string_view word);

/// The trigrams of "^word$" (3 code points each): any word one edit from a word of 5 or more
/// characters shares at least one of them, so they find typo candidates.
std::vector<std::string> padded_trigrams(std::string_view word);

/// Whether the folded word `word` of a text is one the query matches.
bool matches(const std::vector<SearchTerm>& terms, std::string_view word);

/// `text` HTML-escaped with every matched word wrapped in <mark></mark>. With `max_words`
/// above 0, a window of that many words around the first match, with "…" where cut.
std::string highlight(std::string_view text, const std::vector<SearchTerm>& terms,
                      std::size_t max_words = 0);

}  // namespace codeflix::catalog_api::domain
