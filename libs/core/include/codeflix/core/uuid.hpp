#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codeflix::core {

/// A new UUIDv7 (RFC 9562): time-ordered, lower-case, 8-4-4-4-12.
std::string new_uuid_v7();

/// The canonical lower-case form of `text` when it is a UUID (any version), else nullopt.
std::optional<std::string> canonical_uuid(std::string_view text);

}  // namespace codeflix::core
