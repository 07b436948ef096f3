#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace codeflix::core {

using TimePoint = std::chrono::system_clock::time_point;

inline TimePoint now() { return std::chrono::system_clock::now(); }

/// RFC 3339 in UTC with millisecond precision, e.g. 2026-11-27T23:03:56.123Z. Fixed width, so
/// stored values sort as text.
std::string to_rfc3339(TimePoint t);

/// Parses what to_rfc3339 writes (and the same without fraction); nullopt on anything else.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

/// Seconds since the Unix epoch (JWT NumericDate).
std::int64_t unix_seconds(TimePoint t = now());
/// The calendar year (UTC) of `t`.
int year_of(TimePoint t);

}  // namespace codeflix::core
