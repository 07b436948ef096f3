#pragma once

#include <codeflix/storage/key.hpp>
#include <string>
#include <string_view>

namespace codeflix::catalog_admin::app {

/// Where a signed PUT lands: uploads/<video>/<kind>/<upload>.
inline std::string upload_key(const std::string& video, std::string_view kind,
                              const std::string& id) {
    return storage::join_key({"uploads", video, kind, id});
}

/// Where `complete` moves an upload before checking it, and what the encoder reads:
/// sources/<video>/<kind>/<upload>.
inline std::string source_key(const std::string& video, std::string_view kind,
                              const std::string& id) {
    return storage::join_key({"sources", video, kind, id});
}

}  // namespace codeflix::catalog_admin::app
