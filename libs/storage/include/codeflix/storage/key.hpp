#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace codeflix::storage {

/// Longest object key, in bytes.
inline constexpr std::size_t kMaxKeyLength = 1024;
/// Longest segment of a key (a file name on most filesystems).
inline constexpr std::size_t kMaxKeySegmentLength = 255;

/// One segment of a key: `[A-Za-z0-9][A-Za-z0-9._-]{0,254}`. Excludes ".", "..", hidden and
/// temporary files, separators, spaces, percent signs and control characters.
bool is_valid_key_segment(std::string_view segment);

/// An object key: 1 to 1024 characters, valid segments separated by single '/', no leading or
/// trailing '/'. Safe to append to a directory path and to put in a URL unescaped.
bool is_valid_key(std::string_view key);

/// A listing prefix: empty (everything), a valid key, or a valid key followed by '/' (a
/// "folder"). Prefixes match as plain strings, as in S3: "a/b" matches "a/b/c" and "a/bc".
bool is_valid_prefix(std::string_view prefix);

/// Throws std::invalid_argument naming the (sanitised) key unless is_valid_key(key).
void require_valid_key(std::string_view key);

/// Throws std::invalid_argument naming the (sanitised) prefix unless is_valid_prefix(prefix).
void require_valid_prefix(std::string_view prefix);

/// Joins `parts` with '/'; throws std::invalid_argument if the result is not a valid key.
std::string join_key(std::initializer_list<std::string_view> parts);

/// For a valid key inside the encoded media of one slot of a video,
/// "media/<video_id>/<slot>/<rest>", the part after "media/<video_id>/" ("<slot>/<rest>"):
/// what follows a signed media or trailer prefix (UrlSigner) in a playable URL. nullopt for any
/// other text, so no URL is built from a key outside that folder.
std::optional<std::string> media_relative_key(std::string_view key, std::string_view video_id,
                                              std::string_view slot);

}  // namespace codeflix::storage
