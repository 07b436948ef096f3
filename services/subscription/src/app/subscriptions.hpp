#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/http/message.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../domain/model.hpp"
#include "payments.hpp"

namespace codeflix::subscription::app {

using Clock = std::function<core::TimePoint()>;

/// Money moved (or a card verified) for a write, before the write's own transaction: the
/// provider is never called while a transaction is open.
struct Payment {
    bool succeeded = true;
    std::optional<std::string> charge_id;  // none when nothing was charged
    std::int64_t amount = 0;
    std::string failure_message;
    /// The provider answered with a charge that was given back (its key was used by a request
    /// whose write failed and was refunded): the client must retry with a new Idempotency-Key.
    bool refunded = false;
};

/// What a subscribe request was checked to be.
struct Checkout {
    std::string user_id;
    std::string email;
    std::string display_name;
    domain::Plan plan;
    PaymentMethod method;
    /// The plan's trial, or 0 for a customer who has subscribed before.
    int trial_days = 0;
};

/// What a change of plan will do.
struct PlanChange {
    domain::Subscription subscription;
    domain::Plan plan;
    enum class When { now, at_period_end } when = When::now;
    std::int64_t amount = 0;  // prorated charge when it applies now
};

/// The customer's side of subscriptions: subscribe, change plan, cancel, resume, and the
/// admin's cancel and refund. Writes that move money come in three steps: check (reads),
/// pay (the provider, outside any transaction, idempotent by key), record (one transaction that
/// re-checks what it relies on; the HTTP layer refunds the payment when recording fails).
class Subscriptions {
  public:
    Subscriptions(db::Database& database, PaymentProvider& provider, Clock clock);

    core::Result<Checkout> check_subscribe(const http::Principal& who,
                                           const boost::json::object& body);
    Payment pay(const Checkout& checkout, const std::string& key);
    core::Result<domain::Subscription> record_subscribe(soci::session& session,
                                                        const Checkout& checkout,
                                                        const Payment& payment);

    core::Result<PlanChange> check_change(const std::string& user_id,
                                          const std::string& subscription_id,
                                          const boost::json::object& body);
    Payment pay(const PlanChange& change, const std::string& key);
    core::Result<domain::Subscription> record_change(soci::session& session,
                                                     const PlanChange& change,
                                                     const Payment& payment);

    /// A new card for a subscription (`{payment_method}`): checked with the provider first, then
    /// recorded; a past-due subscription's payment becomes due at once (the caller retries it).
    core::Result<PaymentMethod> check_payment_method(const std::string& user_id,
                                                     const boost::json::object& body);
    core::Result<domain::Subscription> record_payment_method(soci::session& session,
                                                             const std::string& user_id,
                                                             const std::string& subscription_id,
                                                             const PaymentMethod& method);

    /// Gives a payment back when its write could not be recorded.
    void undo(const Payment& payment, const std::string& key);

    /// Cancel at the period's end (a past-due subscription ends at once); twice is a 409.
    core::Result<domain::Subscription> cancel(soci::session& session, const std::string& user_id,
                                              const std::string& subscription_id);
    core::Result<domain::Subscription> resume(soci::session& session, const std::string& user_id,
                                              const std::string& subscription_id);
    /// The admin's cancel: ends the subscription now.
    core::Result<domain::Subscription> cancel_now(soci::session& session,
                                                  const std::string& subscription_id,
                                                  const std::string& admin);

    /// The admin's refund of a paid invoice (all of what is left, or `amount`).
    core::Result<domain::Invoice> refund(const std::string& invoice_id,
                                         std::optional<std::int64_t> amount, const std::string& key,
                                         const std::string& admin);

    /// A subscription of `user_id` (404 for anyone else's).
    core::Result<domain::Subscription> owned(soci::session& session, const std::string& user_id,
                                             const std::string& subscription_id);

  private:
    db::Database& database_;
    PaymentProvider& provider_;
    Clock clock_;
};

/// Writes a subscription event (`activated`, `renewed`, `updated`, `past_due`, `canceled`,
/// `expired`) to the outbox and a history entry, in the caller's transaction.
void record_event(soci::session& session, const domain::Subscription& subscription,
                  const std::string& event, const std::string& history_action,
                  const boost::json::object& detail, const std::string& at);

}  // namespace codeflix::subscription::app
