#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace codeflix::core {

/// Number of code points of valid UTF-8 `text` (what "255 characters" means in our limits).
std::size_t utf8_length(std::string_view text);

/// `text` without leading and trailing white space (ASCII, no-break and ideographic spaces, BOM).
std::string_view trim(std::string_view text);

/// Lower-cases Latin, Greek and Cyrillic letters; other code points pass unchanged. Two names
/// that differ only in case have the same casefold; used for uniqueness keys.
std::string casefold(std::string_view text);

/// casefold plus removal of Latin diacritics ("Ação" -> "acao"); used for accent- and
/// case-insensitive search.
std::string search_fold(std::string_view text);

}  // namespace codeflix::core
