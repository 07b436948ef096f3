#include <algorithm>
#include <codeflix/storage/key.hpp>
#include <stdexcept>

namespace codeflix::storage {
namespace {

bool is_alphanumeric(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Messages quote what the caller passed, which may hold control characters or be huge.
std::string printable(std::string_view text) {
    constexpr std::size_t kShown = 120;
    std::string out;
    for (char c : text.substr(0, kShown)) {
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    if (text.size() > kShown) out += "...";
    return out;
}

}  // namespace

bool is_valid_key_segment(std::string_view segment) {
    if (segment.empty() || segment.size() > kMaxKeySegmentLength) return false;
    if (!is_alphanumeric(segment.front())) return false;
    return std::all_of(segment.begin() + 1, segment.end(), [](char c) {
        return is_alphanumeric(c) || c == '.' || c == '_' || c == '-';
    });
}

bool is_valid_key(std::string_view key) {
    if (key.empty() || key.size() > kMaxKeyLength) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = key.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? key.size() : slash;
        if (!is_valid_key_segment(key.substr(start, end - start))) return false;
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

bool is_valid_prefix(std::string_view prefix) {
    if (prefix.empty()) return true;
    if (prefix.back() == '/') prefix.remove_suffix(1);
    return is_valid_key(prefix);
}

void require_valid_key(std::string_view key) {
    if (!is_valid_key(key)) {
        throw std::invalid_argument("invalid object key \"" + printable(key) + "\"");
    }
}

void require_valid_prefix(std::string_view prefix) {
    if (!is_valid_prefix(prefix)) {
        throw std::invalid_argument("invalid object key prefix \"" + printable(prefix) + "\"");
    }
}

std::string join_key(std::initializer_list<std::string_view> parts) {
    std::string key;
    bool first = true;
    for (std::string_view part : parts) {
        if (!first) key += '/';
        key += part;
        first = false;
    }
    require_valid_key(key);
    return key;
}

std::optional<std::string> media_relative_key(std::string_view key, std::string_view video_id,
                                              std::string_view slot) {
    const std::string folder = "media/" + std::string(video_id) + "/";
    const std::string slot_folder = folder + std::string(slot) + "/";
    if (!key.starts_with(slot_folder) || key.size() == slot_folder.size() || !is_valid_key(key))
        return std::nullopt;
    return std::string(key.substr(folder.size()));
}

}  // namespace codeflix::storage
