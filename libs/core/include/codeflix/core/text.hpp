#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::core {

/// Number of code points of valid UTF-8 `text` (what "255 characters" means in our limits).
std::size_t utf8_length(std::string_view text);

/// `text` without leading and trailing white space (ASCII, no-break and ideographic spaces, BOM).
std::string_view trim(std::string_view text);

/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Whether `text` has C0 control characters or DEL; `allow_line_breaks` permits tab, line feed
/// and carriage return (multi-line descriptions).
bool has_control_characters(std::string_view text, bool allow_line_breaks);

/// Unicode NFC: the form names are stored in, so one visible name has one spelling.
std::string normalize_nfc(std::string_view text);

/// NFKC case folding (ICU): two names that differ only in case, compatibility forms or
/// composition have the same casefold; used for uniqueness keys. Input must be valid UTF-8.
std::string casefold(std::string_view text);

/// casefold without accents and other combining marks, for every script ("Ação" -> "acao",
/// "Żółć" -> "zolc"); used for accent- and case-insensitive search. Input must be valid UTF-8.
std::string search_fold(std::string_view text);

/// `text` with &, <, >, " and ' replaced by their HTML character references (for element text
/// and quoted attribute values).
std::string escape_html(std::string_view text);

/// One word of a text: the bytes [begin, end) of the original and their search_fold.
struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string folded;
};

/// The words of valid UTF-8 `text`: maximal runs of letters and digits (with their combining
/// marks), every other character separating them. "Ação-2, São Paulo!" has the words
/// "acao", "2", "sao", "paulo". Full-text search indexes and queries these.
std::vector<Word> words(std::string_view text);

/// The folded words of `text` joined by single spaces.
std::string search_text(std::string_view text);

}  // namespace codeflix::core
