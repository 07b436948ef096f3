#include "invoice_repository.hpp"

#include <codeflix/core/uuid.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::subscription::repositories {
namespace {

constexpr const char* kColumns =
    "SELECT id, subscription_id, user_id, reason, plan_id, amount, currency, status, "
    "period_start, period_end, attempts, charge_key, charge_id, failure_message, "
    "refunded_amount, created_at, paid_at, updated_at FROM invoices ";
constexpr const char* kById = "WHERE id = :id";
constexpr const char* kLock = "UPDATE invoices SET attempts = attempts WHERE id = :id";
constexpr const char* kOfPeriod =
    "WHERE subscription_id = :subscription_id AND reason = :reason AND period_start = "
    ":period_start";
constexpr const char* kOpenOf =
    "WHERE subscription_id = :subscription_id AND status = 'open' AND reason = "
    "'subscription_cycle' ORDER BY period_start DESC LIMIT 1";
constexpr const char* kOfSubscription =
    "WHERE subscription_id = :subscription_id ORDER BY created_at DESC, id DESC";
constexpr const char* kOfUser =
    "WHERE user_id = :user_id ORDER BY created_at {dir}, id {dir} LIMIT :limit OFFSET :offset";
constexpr const char* kCountOfUser = "SELECT COUNT(*) FROM invoices WHERE user_id = :user_id";
constexpr const char* kInsert =
    "INSERT INTO invoices (id, subscription_id, user_id, reason, plan_id, amount, currency, "
    "status, period_start, period_end, attempts, charge_key, charge_id, failure_message, "
    "refunded_amount, created_at, paid_at, updated_at) VALUES (:id, :subscription_id, :user_id, "
    ":reason, :plan_id, :amount, :currency, :status, :period_start, :period_end, :attempts, "
    ":charge_key, :charge_id, :failure_message, :refunded_amount, :created_at, :paid_at, "
    ":updated_at)";
constexpr const char* kSave =
    "UPDATE invoices SET status = :status, amount = :amount, attempts = :attempts, charge_key = "
    ":charge_key, charge_id = :charge_id, failure_message = :failure_message, refunded_amount = "
    ":refunded_amount, paid_at = :paid_at, updated_at = :updated_at WHERE id = :id AND "
    "subscription_id = :subscription_id AND reason = :reason AND plan_id = :plan_id AND "
    "currency = :currency AND period_start = :period_start AND period_end = :period_end AND "
    "user_id = :user_id AND created_at = :created_at";

constexpr const char* kAddRefund =
    "INSERT INTO invoice_refunds (id, invoice_id, refund_key, amount, created_by, created_at) "
    "VALUES (:id, :invoice_id, :refund_key, :amount, :created_by, :created_at) "
    "ON CONFLICT (refund_key) DO NOTHING";

domain::Invoice read(const soci::row& row) {
    domain::Invoice i;
    std::size_t c = 0;
    i.id = db::get_text(row, c++);
    i.subscription_id = db::get_text(row, c++);
    i.user_id = db::get_text(row, c++);
    i.reason = db::get_text(row, c++);
    i.plan_id = db::get_text(row, c++);
    i.amount = db::get_int64(row, c++);
    i.currency = db::get_text(row, c++);
    i.status = db::get_text(row, c++);
    i.period_start = db::get_text(row, c++);
    i.period_end = db::get_text(row, c++);
    i.attempts = static_cast<int>(db::get_int64(row, c++));
    i.charge_key = db::get_optional_text(row, c++);
    i.charge_id = db::get_optional_text(row, c++);
    i.failure_message = db::get_optional_text(row, c++);
    i.refunded_amount = db::get_int64(row, c++);
    i.created_at = db::get_text(row, c++);
    i.paid_at = db::get_optional_text(row, c++);
    i.updated_at = db::get_text(row, c++);
    return i;
}

db::Params params_of(const domain::Invoice& i) {
    db::Params p;
    p.set("id", i.id)
        .set("subscription_id", i.subscription_id)
        .set("user_id", i.user_id)
        .set("reason", i.reason)
        .set("plan_id", i.plan_id)
        .set("amount", i.amount)
        .set("currency", i.currency)
        .set("status", i.status)
        .set("period_start", i.period_start)
        .set("period_end", i.period_end)
        .set("attempts", i.attempts)
        .set("charge_key", i.charge_key)
        .set("charge_id", i.charge_id)
        .set("failure_message", i.failure_message)
        .set("refunded_amount", i.refunded_amount)
        .set("created_at", i.created_at)
        .set("paid_at", i.paid_at)
        .set("updated_at", i.updated_at);
    return p;
}

std::vector<domain::Invoice> query(soci::session& session, const char* where, db::Params params) {
    std::vector<domain::Invoice> found;
    db::for_each_row(session, std::string(kColumns) + where, std::move(params),
                     [&](const soci::row& row) { found.push_back(read(row)); });
    return found;
}

std::optional<domain::Invoice> first(std::vector<domain::Invoice> found) {
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

}  // namespace

std::optional<domain::Invoice> InvoiceRepository::find(soci::session& session,
                                                       const std::string& id) {
    return first(query(session, kById, db::Params().set("id", id)));
}

std::optional<domain::Invoice> InvoiceRepository::lock(soci::session& session,
                                                       const std::string& id) {
    if (db::execute(session, kLock, db::Params().set("id", id)) == 0) return std::nullopt;
    return find(session, id);
}

std::optional<domain::Invoice> InvoiceRepository::of_period(soci::session& session,
                                                            const std::string& subscription_id,
                                                            const std::string& reason,
                                                            const std::string& period_start) {
    return first(query(session, kOfPeriod,
                       db::Params()
                           .set("subscription_id", subscription_id)
                           .set("reason", reason)
                           .set("period_start", period_start)));
}

std::optional<domain::Invoice> InvoiceRepository::open_of(soci::session& session,
                                                          const std::string& subscription_id) {
    return first(query(session, kOpenOf, db::Params().set("subscription_id", subscription_id)));
}

std::vector<domain::Invoice> InvoiceRepository::of_subscription(
    soci::session& session, const std::string& subscription_id) {
    return query(session, kOfSubscription, db::Params().set("subscription_id", subscription_id));
}

std::vector<domain::Invoice> InvoiceRepository::of_user(soci::session& session,
                                                        const std::string& user_id,
                                                        const http::Page& page,
                                                        std::int64_t& total) {
    total = db::query_int(session, kCountOfUser, db::Params().set("user_id", user_id));
    auto sql = db::fill(kOfUser, "dir", page.descending || page.sort.empty() ? "DESC" : "ASC");
    return query(session, sql.c_str(),
                 db::Params()
                     .set("user_id", user_id)
                     .set("limit", page.per_page)
                     .set("offset", static_cast<std::int64_t>(page.page - 1) * page.per_page));
}

void InvoiceRepository::insert(soci::session& session, const domain::Invoice& invoice) {
    db::execute(session, kInsert, params_of(invoice));
}

void InvoiceRepository::save(soci::session& session, const domain::Invoice& invoice) {
    db::execute(session, kSave, params_of(invoice));
}

bool InvoiceRepository::add_refund(soci::session& session, const std::string& invoice_id,
                                   const std::string& key, std::int64_t amount,
                                   const std::string& by, const std::string& now) {
    return db::execute(session, kAddRefund,
                       db::Params()
                           .set("id", core::new_uuid_v7())
                           .set("invoice_id", invoice_id)
                           .set("refund_key", key)
                           .set("amount", amount)
                           .set("created_by", by)
                           .set("created_at", now)) == 1;
}

}  // namespace codeflix::subscription::repositories
