#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <codeflix/core/text.hpp>
#include <stdexcept>

namespace codeflix::core {
namespace {

bool is_space(UChar32 c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x3000 || c == 0xFEFF;
}

/// The code point at `i` (advancing it), or a negative value for an ill-formed sequence.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
    auto index = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), index, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(index);
    return c;
}

std::string normalize(const icu::Normalizer2& (*instance)(UErrorCode&), std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2& normalizer = instance(status);
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    normalizer.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                             sink, nullptr, status);
    if (U_FAILURE(status)) throw std::invalid_argument("text is not valid UTF-8");
    return out;
}

const icu::Normalizer2& nfc(UErrorCode& status) {
    return *icu::Normalizer2::getNFCInstance(status);
}
const icu::Normalizer2& nfd(UErrorCode& status) {
    return *icu::Normalizer2::getNFDInstance(status);
}
const icu::Normalizer2& nfkc_casefold(UErrorCode& status) {
    return *icu::Normalizer2::getNFKCCasefoldInstance(status);
}

/// Letters that carry a stroke or ligature rather than a combining mark, so NFD leaves them.
const char* unstroked(UChar32 c) {
    switch (c) {
        case 0x00E6:
            return "ae";  // æ
        case 0x0153:
            return "oe";  // œ
        case 0x00F8:
            return "o";  // ø
        case 0x0111:
            return "d";  // đ
        case 0x0142:
            return "l";  // ł
        case 0x0131:
            return "i";  // dotless ı
        case 0x00F0:
            return "d";  // ð
        case 0x00FE:
            return "th";  // þ
        default:
            return nullptr;
    }
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t i = begin;
        if (!is_space(next_code_point(text, i))) break;
        begin = i;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        if (!is_space(next_code_point(text, i))) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (next_code_point(text, i) < 0) return false;
    }
    return true;
}

bool has_control_characters(std::string_view text, bool allow_line_breaks) {
    for (unsigned char c : text) {
        bool control = c < 0x20 || c == 0x7F;
        bool line_break = c == '\t' || c == '\n' || c == '\r';
        if (control && !(allow_line_breaks && line_break)) return true;
    }
    return false;
}

std::string normalize_nfc(std::string_view text) { return normalize(nfc, text); }

std::string casefold(std::string_view text) { return normalize(nfkc_casefold, text); }

std::string search_fold(std::string_view text) {
    std::string decomposed = normalize(nfd, casefold(text));
    std::string out;
    out.reserve(decomposed.size());
    for (std::size_t i = 0; i < decomposed.size();) {
        std::size_t start = i;
        UChar32 c = next_code_point(decomposed, i);
        if (c < 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
        if (const char* plain = unstroked(c)) {
            out += plain;
        } else {
            out.append(decomposed, start, i - start);
        }
    }
    return normalize_nfc(out);
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<Word> words(std::string_view text) {
    std::vector<Word> out;
    std::size_t i = 0;
    std::size_t start = std::string_view::npos;
    auto close = [&](std::size_t end) {
        if (start == std::string_view::npos) return;
        std::string folded = search_fold(text.substr(start, end - start));
        if (!folded.empty()) out.push_back({start, end, std::move(folded)});
        start = std::string_view::npos;
    };
    while (i < text.size()) {
        std::size_t at = i;
        UChar32 c = next_code_point(text, i);
        bool part = c >= 0 && (u_isalnum(c) || (start != std::string_view::npos &&
                                                (u_charType(c) == U_NON_SPACING_MARK ||
                                                 u_charType(c) == U_COMBINING_SPACING_MARK)));
        if (part && start == std::string_view::npos) start = at;
        if (!part) close(at);
    }
    close(text.size());
    return out;
}

std::string search_text(std::string_view text) {
    std::string out;
    for (const auto& word : words(text)) {
        if (!out.empty()) out += ' ';
        out += word.folded;
    }
    return out;
}

}  // namespace codeflix::core
