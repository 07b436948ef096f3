#include "subscription_repository.hpp"

#include <codeflix/core/uuid.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::subscription::repositories {
namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, plan_id, plan_name, status, price, currency, billing_interval, "
    "max_streams, max_quality, payment_method, card_brand, card_last4, trial_end, billing_anchor, "
    "current_period_start, current_period_end, cancel_at_period_end, pending_plan_id, "
    "past_due_since, next_payment_attempt, canceled_at, ended_at, end_reason, version, "
    "created_at, updated_at FROM subscriptions ";
constexpr const char* kById = "WHERE id = :id";
constexpr const char* kLock = "UPDATE subscriptions SET version = version WHERE id = :id";
constexpr const char* kLiveOf =
    "WHERE user_id = :user_id AND status IN ('trialing', 'active', 'past_due')";
constexpr const char* kOfUser = "WHERE user_id = :user_id ORDER BY created_at DESC, id DESC";
constexpr const char* kInsert =
    "INSERT INTO subscriptions (id, user_id, plan_id, plan_name, status, price, currency, "
    "billing_interval, max_streams, max_quality, payment_method, card_brand, card_last4, "
    "trial_end, billing_anchor, current_period_start, current_period_end, cancel_at_period_end, "
    "pending_plan_id, past_due_since, next_payment_attempt, canceled_at, ended_at, end_reason, "
    "version, created_at, updated_at) VALUES (:id, :user_id, :plan_id, :plan_name, :status, "
    ":price, :currency, :interval, :max_streams, :max_quality, :payment_method, :card_brand, "
    ":card_last4, :trial_end, :billing_anchor, :current_period_start, :current_period_end, "
    ":cancel_at_period_end, :pending_plan_id, :past_due_since, :next_payment_attempt, "
    ":canceled_at, :ended_at, :end_reason, :version, :created_at, :updated_at)";
constexpr const char* kSave =
    "UPDATE subscriptions SET plan_id = :plan_id, plan_name = :plan_name, status = :status, "
    "price = :price, currency = :currency, billing_interval = :interval, max_streams = "
    ":max_streams, max_quality = :max_quality, payment_method = :payment_method, card_brand = "
    ":card_brand, card_last4 = :card_last4, trial_end = :trial_end, billing_anchor = "
    ":billing_anchor, current_period_start = :current_period_start, current_period_end = "
    ":current_period_end, cancel_at_period_end = :cancel_at_period_end, pending_plan_id = "
    ":pending_plan_id, past_due_since = :past_due_since, next_payment_attempt = "
    ":next_payment_attempt, canceled_at = :canceled_at, ended_at = :ended_at, end_reason = "
    ":end_reason, version = :version, updated_at = :updated_at WHERE id = :id AND user_id = "
    ":user_id AND created_at = :created_at";
constexpr const char* kDueForRenewal =
    "SELECT id FROM subscriptions WHERE status IN ('trialing', 'active') AND "
    "current_period_end <= :now ORDER BY current_period_end, id LIMIT :limit";
constexpr const char* kDueForRetry =
    "SELECT id FROM subscriptions WHERE status = 'past_due' AND next_payment_attempt <= :now "
    "ORDER BY next_payment_attempt, id LIMIT :limit";
constexpr const char* kAddHistory =
    "INSERT INTO subscription_history (id, subscription_id, at, action, detail) "
    "VALUES (:id, :subscription_id, :at, :action, :detail)";
constexpr const char* kHistory =
    "SELECT at, action, detail FROM subscription_history WHERE subscription_id = "
    ":subscription_id ORDER BY at, id";

domain::Subscription read(const soci::row& row) {
    domain::Subscription s;
    std::size_t i = 0;
    s.id = db::get_text(row, i++);
    s.user_id = db::get_text(row, i++);
    s.plan_id = db::get_text(row, i++);
    s.plan_name = db::get_text(row, i++);
    s.status = db::get_text(row, i++);
    s.price = db::get_int64(row, i++);
    s.currency = db::get_text(row, i++);
    s.interval = db::get_text(row, i++);
    s.max_streams = static_cast<int>(db::get_int64(row, i++));
    s.max_quality = db::get_text(row, i++);
    s.payment_method = db::get_text(row, i++);
    s.card_brand = db::get_text(row, i++);
    s.card_last4 = db::get_text(row, i++);
    s.trial_end = db::get_optional_text(row, i++);
    s.billing_anchor = db::get_text(row, i++);
    s.current_period_start = db::get_text(row, i++);
    s.current_period_end = db::get_text(row, i++);
    s.cancel_at_period_end = db::get_int64(row, i++) != 0;
    s.pending_plan_id = db::get_optional_text(row, i++);
    s.past_due_since = db::get_optional_text(row, i++);
    s.next_payment_attempt = db::get_optional_text(row, i++);
    s.canceled_at = db::get_optional_text(row, i++);
    s.ended_at = db::get_optional_text(row, i++);
    s.end_reason = db::get_optional_text(row, i++);
    s.version = db::get_int64(row, i++);
    s.created_at = db::get_text(row, i++);
    s.updated_at = db::get_text(row, i++);
    return s;
}

db::Params params_of(const domain::Subscription& s) {
    db::Params p;
    p.set("id", s.id)
        .set("user_id", s.user_id)
        .set("plan_id", s.plan_id)
        .set("plan_name", s.plan_name)
        .set("status", s.status)
        .set("price", s.price)
        .set("currency", s.currency)
        .set("interval", s.interval)
        .set("max_streams", s.max_streams)
        .set("max_quality", s.max_quality)
        .set("payment_method", s.payment_method)
        .set("card_brand", s.card_brand)
        .set("card_last4", s.card_last4)
        .set("trial_end", s.trial_end)
        .set("billing_anchor", s.billing_anchor)
        .set("current_period_start", s.current_period_start)
        .set("current_period_end", s.current_period_end)
        .set("cancel_at_period_end", s.cancel_at_period_end)
        .set("pending_plan_id", s.pending_plan_id)
        .set("past_due_since", s.past_due_since)
        .set("next_payment_attempt", s.next_payment_attempt)
        .set("canceled_at", s.canceled_at)
        .set("ended_at", s.ended_at)
        .set("end_reason", s.end_reason)
        .set("version", s.version)
        .set("created_at", s.created_at)
        .set("updated_at", s.updated_at);
    return p;
}

std::vector<domain::Subscription> query(soci::session& session, const char* where,
                                        db::Params params) {
    std::vector<domain::Subscription> found;
    db::for_each_row(session, std::string(kColumns) + where, std::move(params),
                     [&](const soci::row& row) { found.push_back(read(row)); });
    return found;
}

std::vector<std::string> ids(soci::session& session, const char* sql, const std::string& now,
                             int limit) {
    std::vector<std::string> found;
    db::for_each_row(session, sql, db::Params().set("now", now).set("limit", limit),
                     [&](const soci::row& row) { found.push_back(db::get_text(row, 0)); });
    return found;
}

}  // namespace

std::optional<domain::Subscription> SubscriptionRepository::find(soci::session& session,
                                                                 const std::string& id) {
    auto found = query(session, kById, db::Params().set("id", id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<domain::Subscription> SubscriptionRepository::lock(soci::session& session,
                                                                 const std::string& id) {
    if (db::execute(session, kLock, db::Params().set("id", id)) == 0) return std::nullopt;
    return find(session, id);
}

std::optional<domain::Subscription> SubscriptionRepository::live_of(soci::session& session,
                                                                    const std::string& user_id) {
    auto found = query(session, kLiveOf, db::Params().set("user_id", user_id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<domain::Subscription> SubscriptionRepository::of_user(soci::session& session,
                                                                  const std::string& user_id) {
    return query(session, kOfUser, db::Params().set("user_id", user_id));
}

void SubscriptionRepository::insert(soci::session& session, const domain::Subscription& s) {
    db::execute(session, kInsert, params_of(s));
}

void SubscriptionRepository::save(soci::session& session, const domain::Subscription& s) {
    db::execute(session, kSave, params_of(s));
}

std::vector<std::string> SubscriptionRepository::due_for_renewal(soci::session& session,
                                                                 const std::string& now,
                                                                 int limit) {
    return ids(session, kDueForRenewal, now, limit);
}

std::vector<std::string> SubscriptionRepository::due_for_retry(soci::session& session,
                                                               const std::string& now, int limit) {
    return ids(session, kDueForRetry, now, limit);
}

void SubscriptionRepository::add_history(soci::session& session, const std::string& subscription_id,
                                         const std::string& at, const std::string& action,
                                         const std::string& detail) {
    db::execute(session, kAddHistory,
                db::Params()
                    .set("id", core::new_uuid_v7())
                    .set("subscription_id", subscription_id)
                    .set("at", at)
                    .set("action", action)
                    .set("detail", detail));
}

std::vector<HistoryEntry> SubscriptionRepository::history(soci::session& session,
                                                          const std::string& subscription_id) {
    std::vector<HistoryEntry> entries;
    db::for_each_row(
        session, kHistory, db::Params().set("subscription_id", subscription_id),
        [&](const soci::row& row) {
            entries.push_back({db::get_text(row, 0), db::get_text(row, 1), db::get_text(row, 2)});
        });
    return entries;
}

}  // namespace codeflix::subscription::repositories
