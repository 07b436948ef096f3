#include "entitlement_repository.hpp"

#include <codeflix/core/clock.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <optional>

namespace codeflix::catalog_api::repositories {
namespace {

constexpr const char* kUpsertEntitlement =
    "INSERT INTO entitlements (subscription_id, user_id, plan_id, plan_name, status, max_streams, "
    "max_quality, current_period_start, current_period_end, cancel_at_period_end, "
    "past_due_since, ended_at, version, updated_at) "
    "VALUES (:subscription_id, :user_id, :plan_id, :plan_name, :status, :max_streams, "
    ":max_quality, :current_period_start, :current_period_end, :cancel_at_period_end, "
    ":past_due_since, :ended_at, :version, :updated_at) "
    "ON CONFLICT (subscription_id) DO UPDATE SET user_id = excluded.user_id, "
    "plan_id = excluded.plan_id, plan_name = excluded.plan_name, status = excluded.status, "
    "max_streams = excluded.max_streams, max_quality = excluded.max_quality, "
    "current_period_start = excluded.current_period_start, "
    "current_period_end = excluded.current_period_end, "
    "cancel_at_period_end = excluded.cancel_at_period_end, "
    "past_due_since = excluded.past_due_since, ended_at = excluded.ended_at, "
    "version = excluded.version, updated_at = excluded.updated_at "
    "WHERE entitlements.version < excluded.version";
constexpr const char* kUserEntitlements =
    "SELECT subscription_id, version, user_id, plan_id, plan_name, status, max_streams, "
    "max_quality, current_period_start, current_period_end, cancel_at_period_end, "
    "past_due_since, ended_at FROM entitlements WHERE user_id = :user_id "
    "ORDER BY current_period_end DESC, subscription_id";

std::optional<std::string> text_of(const std::optional<core::TimePoint>& time) {
    if (!time) return std::nullopt;
    return core::to_rfc3339(*time);
}

std::optional<core::TimePoint> time_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return core::parse_rfc3339(*text);
}

}  // namespace

bool EntitlementRepository::upsert(soci::session& session, const domain::Subscription& s,
                                   const std::string& updated_at) {
    return db::execute(session, kUpsertEntitlement,
                       db::Params()
                           .set("subscription_id", s.id)
                           .set("user_id", s.user_id)
                           .set("plan_id", s.plan_id)
                           .set("plan_name", s.plan_name)
                           .set("status", domain::to_string(s.status))
                           .set("max_streams", s.max_streams)
                           .set("max_quality", domain::to_string(s.max_quality))
                           .set("current_period_start", core::to_rfc3339(s.current_period_start))
                           .set("current_period_end", core::to_rfc3339(s.current_period_end))
                           .set("cancel_at_period_end", s.cancel_at_period_end)
                           .set("past_due_since", text_of(s.past_due_since))
                           .set("ended_at", text_of(s.ended_at))
                           .set("version", s.version)
                           .set("updated_at", updated_at)) > 0;
}

std::vector<domain::Subscription> EntitlementRepository::of_user(soci::session& session,
                                                                 const std::string& user_id) {
    std::vector<domain::Subscription> out;
    db::for_each_row(session, kUserEntitlements, db::Params().set("user_id", user_id),
                     [&](const soci::row& row) {
                         auto status = domain::parse_status(db::get_text(row, 5));
                         auto quality = domain::parse_quality(db::get_text(row, 7));
                         auto start = core::parse_rfc3339(db::get_text(row, 8));
                         auto end = core::parse_rfc3339(db::get_text(row, 9));
                         if (!status || !quality || !start || !end)
                             return;  // written by this code: never
                         domain::Subscription s;
                         s.id = db::get_text(row, 0);
                         s.version = db::get_int64(row, 1);
                         s.user_id = db::get_text(row, 2);
                         s.plan_id = db::get_text(row, 3);
                         s.plan_name = db::get_text(row, 4);
                         s.status = *status;
                         s.max_streams = static_cast<int>(db::get_int64(row, 6));
                         s.max_quality = *quality;
                         s.current_period_start = *start;
                         s.current_period_end = *end;
                         s.cancel_at_period_end = db::get_int64(row, 10) == 1;
                         s.past_due_since = time_of(db::get_optional_text(row, 11));
                         s.ended_at = time_of(db::get_optional_text(row, 12));
                         out.push_back(std::move(s));
                     });
    return out;
}

}  // namespace codeflix::catalog_api::repositories
