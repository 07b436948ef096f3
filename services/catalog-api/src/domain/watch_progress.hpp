#pragma once

#include <cstdint>

namespace codeflix::catalog_api::domain {

/// A title counts as started from this position (milliseconds)...
constexpr std::int64_t kStartedAfterMs = 30000;
/// ...and as finished from this percentage of its duration.
constexpr std::int64_t kFinishedPercent = 95;

/// Whether a title watched up to `position_ms` of `duration_ms` belongs in "continue watching":
/// started (at least 30 s in) and not finished (under 95 %).
constexpr bool in_progress(std::int64_t position_ms, std::int64_t duration_ms) {
    return position_ms >= kStartedAfterMs && position_ms * 100 < duration_ms * kFinishedPercent;
}

/// Where a new session starts: the saved position, or the beginning once the title was
/// finished.
constexpr std::int64_t resume_position_ms(std::int64_t position_ms, std::int64_t duration_ms) {
    return position_ms * 100 >= duration_ms * kFinishedPercent ? 0 : position_ms;
}

/// Watched fraction, 0 to 1.
constexpr double progress_of(std::int64_t position_ms, std::int64_t duration_ms) {
    if (duration_ms <= 0) return 0;
    double fraction = static_cast<double>(position_ms) / static_cast<double>(duration_ms);
    return fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
}

}  // namespace codeflix::catalog_api::domain
