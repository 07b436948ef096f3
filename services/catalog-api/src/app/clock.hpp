#pragma once

#include <codeflix/core/clock.hpp>
#include <functional>

namespace codeflix::catalog_api::app {

/// Where use cases read the time: core::now in the service, a controlled one in tests.
using Clock = std::function<core::TimePoint()>;

}  // namespace codeflix::catalog_api::app
