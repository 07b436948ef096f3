#pragma once

#include <codeflix/db/database.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "payments.hpp"
#include "subscriptions.hpp"

namespace codeflix::subscription::app {

struct BillingSettings {
    /// Dunning: days after the failed renewal on which payment is tried again; after the last
    /// one fails the subscription expires.
    std::vector<int> retry_days = {1, 3, 5};
    /// Subscriptions taken per query.
    int batch = 500;
};

/// What one billing run did.
struct BillingReport {
    int renewed = 0;    // renewal charged
    int failed = 0;     // renewal or retry declined (past due)
    int recovered = 0;  // past due, then paid by a retry
    int expired = 0;    // dunning exhausted
    int canceled = 0;   // reached the end of a period they were canceled at
    int errors = 0;     // left for the next run (provider unreachable, ...)
};

/// Logs what a run did, when it did anything.
void log_report(const BillingReport& report);

/// The scheduler's work: at each period's end it ends subscriptions canceled at period end,
/// applies pending downgrades and charges the next period; it retries past-due payments on the
/// dunning schedule and expires those that never pay. Each period is charged once however often
/// or wherever it runs: an invoice per (subscription, period) is unique, and the provider's
/// idempotency key is kept on the invoice while a charge is in flight. A service that was down
/// over several period ends charges the current period once (not the missed ones).
class BillingRun {
  public:
    BillingRun(db::Database& database, PaymentProvider& provider, Clock clock,
               BillingSettings settings);

    BillingReport run();
    /// Renews one subscription if it is due.
    void renew(const std::string& subscription_id, BillingReport& report);
    /// Retries one past-due subscription's payment if it is due.
    void retry(const std::string& subscription_id, BillingReport& report);

    /// An invoice being charged: its id, the key of this attempt and the charge to ask for.
    struct Attempt {
        std::string invoice_id;
        std::string key;
        ChargeRequest request;
    };

  private:
    /// Renewals or retries of `ids`: their attempts started in one transaction, charged one by
    /// one, their outcomes recorded in one transaction (each step falls back to one
    /// subscription per transaction when the batch fails).
    void process(const std::vector<std::string>& ids, bool renewal, BillingReport& report);
    /// Runs `step(session, item, counts)` for every item, the batch in one transaction (one
    /// item per transaction when the batch fails); the values steps return, of the
    /// transactions that committed.
    template <class Item, class Step>
    auto in_batches(const std::vector<Item>& items, BillingReport& report, const Step& step);
    /// Ends a subscription canceled at its period's end, or starts the attempt that charges
    /// its next period (once per period: the invoice is unique), when it is due.
    std::optional<Attempt> begin_renewal(soci::session& session, const std::string& subscription_id,
                                         BillingReport& report);
    /// Starts the next dunning attempt of a past-due subscription, when it is due.
    std::optional<Attempt> begin_retry(soci::session& session, const std::string& subscription_id);
    /// The provider's answer; nullopt (counted as an error) when it could not be reached.
    std::optional<ChargeOutcome> charge(const Attempt& attempt, BillingReport& report);
    /// Applies a charge's outcome, unless another run recorded it already.
    void record(soci::session& session, const Attempt& attempt, const ChargeOutcome& outcome,
                BillingReport& report);

    db::Database& database_;
    PaymentProvider& provider_;
    Clock clock_;
    BillingSettings settings_;
};

}  // namespace codeflix::subscription::app
