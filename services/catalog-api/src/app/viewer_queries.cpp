#include "viewer_queries.hpp"

#include <codeflix/core/json.hpp>
#include <utility>

#include "../domain/watch_progress.hpp"
#include "../repositories/entitlement_repository.hpp"
#include "../repositories/watch_progress_repository.hpp"
#include "seconds.hpp"

namespace codeflix::catalog_api::app {

ViewerQueries::ViewerQueries(db::Database& database, domain::EntitlementPolicy policy, Clock clock)
    : database_(database), policy_(policy), clock_(std::move(clock)) {}

boost::json::object ViewerQueries::entitlement(const std::string& user_id) {
    auto subscriptions = database_.with_session(
        [&](soci::session& s) { return repositories::EntitlementRepository::of_user(s, user_id); });
    auto decision = domain::decide(subscriptions, clock_(), policy_);
    boost::json::object out{{"entitled", decision.entitled}, {"reason", nullptr},
                            {"plan_name", nullptr},          {"status", nullptr},
                            {"max_streams", nullptr},        {"max_quality", nullptr},
                            {"current_period_end", nullptr}};
    if (decision.denial) out["reason"] = domain::reason_code(*decision.denial);
    if (const auto& s = decision.subscription) {
        out["plan_name"] = s->plan_name;
        out["status"] = domain::to_string(s->status);
        out["current_period_end"] = core::to_rfc3339(s->current_period_end);
        if (decision.entitled) {
            out["max_streams"] = s->max_streams;
            out["max_quality"] = domain::to_string(s->max_quality);
        }
    }
    return out;
}

ContinueWatching ViewerQueries::continue_watching(const std::string& user_id, std::int64_t limit,
                                                  std::int64_t offset) {
    ContinueWatching page;
    auto entries = database_.with_session([&](soci::session& s) {
        return repositories::WatchProgressRepository::in_progress(
            s, user_id, domain::kStartedAfterMs, domain::kFinishedPercent, limit, offset,
            &page.total);
    });
    for (const auto& entry : entries) {
        auto video = core::parse_json(entry.video_doc, 64);
        if (!video) continue;  // documents are written by the projector: never
        const auto& [position_ms, duration_ms] = entry.progress;
        page.data.push_back(
            boost::json::object{{"video", std::move(*video)},
                                {"position_seconds", seconds_value(position_ms)},
                                {"duration_seconds", seconds_value(duration_ms)},
                                {"progress", domain::progress_of(position_ms, duration_ms)},
                                {"updated_at", entry.updated_at}});
    }
    return page;
}

}  // namespace codeflix::catalog_api::app
