#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <codeflix/db/database.hpp>
#include <cstdint>
#include <string>

#include "../domain/entitlement.hpp"
#include "clock.hpp"

namespace codeflix::catalog_api::app {

/// A page of "continue watching".
struct ContinueWatching {
    boost::json::array data;
    std::int64_t total = 0;
};

/// What a signed-in viewer asks about themselves: their entitlement and the titles they are
/// in the middle of.
class ViewerQueries {
  public:
    ViewerQueries(db::Database& database, domain::EntitlementPolicy policy,
                  Clock clock = core::now);

    /// `{"entitled", "reason", "plan_name", "status", "max_streams", "max_quality",
    /// "current_period_end"}`: max_streams and max_quality only while entitled; the rest from
    /// the subscription that decides (null without one).
    boost::json::object entitlement(const std::string& user_id);
    /// Published titles the user watched past 30 s and under 95 %, most recent first:
    /// `{"video", "position_seconds", "duration_seconds", "progress", "updated_at"}`.
    ContinueWatching continue_watching(const std::string& user_id, std::int64_t limit,
                                       std::int64_t offset);

  private:
    db::Database& database_;
    domain::EntitlementPolicy policy_;
    Clock clock_;
};

}  // namespace codeflix::catalog_api::app
