#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/result.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

namespace codeflix::catalog_admin::domain {

constexpr std::size_t kNameMaxChars = 255;
constexpr std::size_t kDescriptionMaxChars = 4000;
constexpr std::size_t kMaxIdsPerList = 100;

/// How a write treats absent fields: create and replace (PUT) need every required field and
/// reset absent optional ones to their defaults; patch changes only the fields present.
enum class WriteMode { create, replace, patch };

/// What every aggregate carries besides its own fields.
struct Meta {
    std::string id;
    std::int64_t version = 0;
    std::string created_at;
    std::string updated_at;
};

/// Requires `fields` unless patching; returns the reader's errors as one invalid_argument Error.
inline core::Result<void> finish(core::ObjectReader& reader, WriteMode mode,
                                 std::initializer_list<std::string_view> required) {
    if (mode != WriteMode::patch) {
        for (auto field : required) reader.require(field);
    }
    if (!reader.errors().empty())
        return core::Error::invalid("The request has invalid fields", reader.errors());
    return {};
}

}  // namespace codeflix::catalog_admin::domain
