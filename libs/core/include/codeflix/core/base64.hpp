#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codeflix::core {

/// Base64url without padding (RFC 4648 §5), as JOSE and signed URLs use it.
std::string base64url_encode(std::string_view bytes);

/// Strict decoding: only the base64url alphabet, no padding, no white space; nullopt otherwise.
std::optional<std::string> base64url_decode(std::string_view text);

/// Standard base64 (RFC 4648 §4, `+/` with `=` padding), as in HTTP Basic credentials; nullopt
/// for anything else.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace codeflix::core
