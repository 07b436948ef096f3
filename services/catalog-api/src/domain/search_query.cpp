#include "search_query.hpp"

#include <algorithm>
#include <codeflix/core/text.hpp>

namespace codeflix::catalog_api::domain {
namespace {

/// The code points of valid UTF-8, one string each.
std::vector<std::string_view> code_points(std::string_view word) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < word.size();) {
        auto lead = static_cast<unsigned char>(word[i]);
        std::size_t size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        size = std::min(size, word.size() - i);
        out.push_back(word.substr(i, size));
        i += size;
    }
    return out;
}

std::string truncate_chars(const std::string& word, std::size_t max_chars) {
    auto points = code_points(word);
    if (points.size() <= max_chars) return word;
    std::string out;
    for (std::size_t i = 0; i < max_chars; ++i) out += points[i];
    return out;
}

}  // namespace

core::Result<std::vector<SearchTerm>> parse_query(std::string_view q) {
    if (q.size() > kMaxQueryBytes) {
        return core::Error::invalid("The search text is too long",
                                    {{"q", "must be at most 500 bytes"}});
    }
    if (!core::is_valid_utf8(q))
        return core::Error::invalid("The search text is not valid UTF-8", {{"q", "is not UTF-8"}});
    if (core::has_control_characters(q, false)) {
        return core::Error::invalid("The search text has control characters",
                                    {{"q", "must not contain control characters"}});
    }
    std::vector<SearchTerm> terms;
    for (auto& word : core::words(q)) {
        std::string folded = truncate_chars(word.folded, kMaxTermChars);
        bool seen = std::any_of(terms.begin(), terms.end(),
                                [&](const SearchTerm& t) { return t.word == folded; });
        if (seen) continue;
        terms.push_back({folded, false, {folded}});
        if (terms.size() == kMaxTerms) break;
    }
    if (!terms.empty() && length_of(terms.back().word) >= kPrefixMinChars)
        terms.back().prefix = true;
    return terms;
}

std::size_t length_of(std::string_view word) { return core::utf8_length(word); }

bool one_edit_apart(std::string_view a_text, std::string_view b_text) {
    auto a = code_points(a_text);
    auto b = code_points(b_text);
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) {
        if (i == a.size()) return false;  // equal
        // substitution: the rest is equal
        if (std::equal(a.begin() + static_cast<std::ptrdiff_t>(i) + 1, a.end(),
                       b.begin() + static_cast<std::ptrdiff_t>(i) + 1))
            return true;
        // adjacent transposition
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               std::equal(a.begin() + static_cast<std::ptrdiff_t>(i) + 2, a.end(),
                          b.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    }
    // one insertion into a (deletion from b) at i
    return std::equal(a.begin() + static_cast<std::ptrdiff_t>(i), a.end(),
                      b.begin() + static_cast<std::ptrdiff_t>(i) + 1);
}

std::vector<std::string> padded_trigrams(std::string_view word) {
    auto points = code_points(word);
    points.insert(points.begin(), "^");
    points.emplace_back("$");
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= points.size(); ++i) {
        std::string gram =
            std::string(points[i]) + std::string(points[i + 1]) + std::string(points[i + 2]);
        if (std::find(out.begin(), out.end(), gram) == out.end()) out.push_back(std::move(gram));
    }
    return out;
}

bool matches(const std::vector<SearchTerm>& terms, std::string_view word) {
    for (const auto& term : terms) {
        if (term.prefix && word.starts_with(term.word)) return true;
        for (const auto& alternative : term.alternatives)
            if (word == alternative) return true;
    }
    return false;
}

std::string highlight(std::string_view text, const std::vector<SearchTerm>& terms,
                      std::size_t max_words) {
    auto found = core::words(text);
    std::size_t from = 0;
    std::size_t to = text.size();
    if (max_words > 0 && found.size() > max_words) {
        std::size_t first = 0;
        while (first < found.size() && !matches(terms, found[first].folded)) ++first;
        if (first == found.size()) first = 0;
        std::size_t start = first > max_words / 4 ? first - max_words / 4 : 0;
        start = std::min(start, found.size() - max_words);
        from = start == 0 ? 0 : found[start].begin;
        std::size_t last = start + max_words - 1;
        to = last + 1 == found.size() ? text.size() : found[last].end;
    }
    std::string out;
    if (from > 0) out += "…";
    std::size_t at = from;
    for (const auto& word : found) {
        if (word.begin < from || word.end > to) continue;
        if (!matches(terms, word.folded)) continue;
        out += core::escape_html(text.substr(at, word.begin - at));
        out += "<mark>";
        out += core::escape_html(text.substr(word.begin, word.end - word.begin));
        out += "</mark>";
        at = word.end;
    }
    out += core::escape_html(text.substr(at, to - at));
    if (to < text.size()) out += "…";
    return out;
}

}  // namespace codeflix::catalog_api::domain
