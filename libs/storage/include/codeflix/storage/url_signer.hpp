#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace codeflix::storage {

/// Signs URL paths that the gateway verifies with nginx's `secure_link` module: the token is
/// base64url(md5(text)) without padding, exactly what nginx compares with the first argument of
/// `secure_link` after computing `secure_link_md5`. The secret is shared with the gateway's
/// configuration. MD5 is what nginx offers; the secret keeps it unforgeable in practice, and
/// the expiry bounds how long a leaked URL works.
class UrlSigner {
  public:
    /// Shortest accepted secret.
    static constexpr std::size_t kMinSecretLength = 16;

    /// Throws std::invalid_argument when the secret is shorter than kMinSecretLength or holds a
    /// character nginx would not take literally in `secure_link_md5` (white space, quotes,
    /// '\', '$', ';', '{', '}', control characters, non-ASCII).
    explicit UrlSigner(std::string secret);

    /// PUT URL path for an upload of exactly `size` bytes into `key` (a valid key starting with
    /// "uploads/"), valid until `expires` (unix seconds, > 0):
    /// "/uploads/<token>/<expires>/<key without 'uploads/'>", the token signing
    /// "<expires>/<key> <size> <secret>". std::invalid_argument for a bad key or expiry.
    /// nginx: secure_link $tok,$exp; secure_link_md5 "$exp/uploads/$rest $content_length <secret>";
    std::string upload_path(std::string_view key, std::uint64_t size, std::int64_t expires) const;

    /// Path prefix for the whole media folder of a video, "/media/<token>/<expires>/<video_id>/",
    /// the token signing "<expires>/<video_id> <secret>"; relative segment URLs below it inherit
    /// the token. `video_id` must be one valid key segment.
    /// nginx: secure_link $tok,$exp; secure_link_md5 "$exp/$vid <secret>";
    std::string media_prefix(std::string_view video_id, std::int64_t expires) const;

    /// Path prefix for a video's trailer folder only, "/trailers/<token>/<expires>/<video_id>/",
    /// the token signing "<expires>/<video_id>/trailer <secret>": what anyone may be given to
    /// watch a trailer, which opens nothing else of the title. Same checks as media_prefix.
    /// nginx: secure_link $tok,$exp; secure_link_md5 "$exp/$vid/trailer <secret>";
    std::string trailer_prefix(std::string_view video_id, std::int64_t expires) const;

    /// base64url(md5(signed_text)) without '=', for tests and nginx compatibility checks.
    static std::string token(std::string_view signed_text);

  private:
    /// "/<root>/<token>/<expires>/<video_id>/", the token signing
    /// "<expires>/<video_id><scope> <secret>".
    std::string folder_prefix(std::string_view root, std::string_view video_id,
                              std::string_view scope, std::int64_t expires) const;

    std::string secret_;
};

}  // namespace codeflix::storage
