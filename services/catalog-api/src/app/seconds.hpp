#pragma once

#include <boost/json/value.hpp>
#include <cmath>
#include <cstdint>

namespace codeflix::catalog_api::app {

/// Positions and durations are kept in whole milliseconds and shown in seconds.
inline std::int64_t milliseconds_of(double seconds) {
    return static_cast<std::int64_t>(std::llround(seconds * 1000));
}

/// Milliseconds as JSON seconds: an integer when whole, else with the fraction.
inline boost::json::value seconds_value(std::int64_t ms) {
    if (ms % 1000 == 0) return ms / 1000;
    return static_cast<double>(ms) / 1000.0;
}

}  // namespace codeflix::catalog_api::app
