#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace codeflix::catalog_api::domain {

/// A strong entity tag of a response body: its 64-bit FNV-1a hash, quoted. The same bytes give
/// the same tag in every copy of the service.
inline std::string etag_of(std::string_view body) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : body) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "\"%016llx\"", static_cast<unsigned long long>(hash));
    return buffer;
}

}  // namespace codeflix::catalog_api::domain
