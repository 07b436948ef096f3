#pragma once

#include <codeflix/http/message.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace codeflix::http {

/// The strong entity tag of a record's version: "<version>" in quotes.
std::string etag(std::int64_t version);

/// The version an If-Match header demands: nullopt without the header or with `*`; -1 (a version
/// that matches nothing) for a tag that etag() never issued.
std::optional<std::int64_t> if_match_version(const Request& request);

}  // namespace codeflix::http
