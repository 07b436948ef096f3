#include "billing_run.hpp"

#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <set>
#include <type_traits>
#include <utility>

#include "../domain/billing.hpp"
#include "../repositories/invoice_repository.hpp"
#include "../repositories/plan_repository.hpp"
#include "../repositories/subscription_repository.hpp"

namespace codeflix::subscription::app {
namespace {

using repositories::InvoiceRepository;
using repositories::SubscriptionRepository;

/// Adds what `part` counted to `total`.
void add(BillingReport& total, const BillingReport& part) {
    total.renewed += part.renewed;
    total.failed += part.failed;
    total.recovered += part.recovered;
    total.expired += part.expired;
    total.canceled += part.canceled;
    total.errors += part.errors;
}

/// Marks an invoice as being charged under a key of its own (kept when one is already in
/// flight: a crash between charging and recording repeats the same charge).
BillingRun::Attempt start_attempt(soci::session& session, domain::Invoice& invoice,
                                  const domain::Subscription& s, const std::string& now) {
    if (!invoice.charge_key) {
        invoice.attempts += 1;
        invoice.charge_key = "inv-" + invoice.id + "-" + std::to_string(invoice.attempts);
        invoice.updated_at = now;
        InvoiceRepository::save(session, invoice);
    }
    return {invoice.id, *invoice.charge_key,
            ChargeRequest{s.payment_method, invoice.amount, invoice.currency,
                          s.plan_name + " " + invoice.period_start.substr(0, 10) + " to " +
                              invoice.period_end.substr(0, 10),
                          *invoice.charge_key}};
}

}  // namespace

void log_report(const BillingReport& report) {
    if (report.renewed + report.failed + report.recovered + report.expired + report.canceled +
            report.errors ==
        0)
        return;
    log::info("billing run", {{"renewed", report.renewed},
                              {"failed", report.failed},
                              {"recovered", report.recovered},
                              {"expired", report.expired},
                              {"canceled", report.canceled},
                              {"errors", report.errors}});
}

BillingRun::BillingRun(db::Database& database, PaymentProvider& provider, Clock clock,
                       BillingSettings settings)
    : database_(database),
      provider_(provider),
      clock_(std::move(clock)),
      settings_(std::move(settings)) {}

BillingReport BillingRun::run() {
    BillingReport report;
    for (bool renewal : {true, false}) {
        std::set<std::string> seen;
        while (true) {
            auto now = core::to_rfc3339(clock_());
            auto ids = database_.with_session([&](soci::session& session) {
                return renewal
                           ? SubscriptionRepository::due_for_renewal(session, now, settings_.batch)
                           : SubscriptionRepository::due_for_retry(session, now, settings_.batch);
            });
            std::vector<std::string> fresh;
            for (auto& id : ids) {
                if (seen.insert(id).second) fresh.push_back(std::move(id));  // else: next run
            }
            if (fresh.empty()) break;
            process(fresh, renewal, report);
        }
    }
    return report;
}

void BillingRun::renew(const std::string& subscription_id, BillingReport& report) {
    process({subscription_id}, true, report);
}

void BillingRun::retry(const std::string& subscription_id, BillingReport& report) {
    process({subscription_id}, false, report);
}

template <class Item, class Step>
auto BillingRun::in_batches(const std::vector<Item>& items, BillingReport& report,
                            const Step& step) {
    // The whole batch in one transaction (one commit for many subscriptions); when anything in
    // it fails, each on its own, so only the failing one is left for the next run. What a step
    // returns and counts is kept only when its transaction commits.
    using Result = typename std::invoke_result_t<Step, soci::session&, const Item&,
                                                 BillingReport&>::value_type;
    std::vector<Result> results;
    BillingReport batch;
    try {
        results = database_.transaction([&](soci::session& session) {
            std::vector<Result> done;
            for (const auto& item : items) {
                if (auto result = step(session, item, batch)) done.push_back(std::move(*result));
            }
            return done;
        });
        add(report, batch);
        return results;
    } catch (const std::exception& e) {
        if (items.size() == 1) {
            ++report.errors;
            log::error("billing failed for a subscription", {{"reason", e.what()}});
            return results;
        }
    }
    for (const auto& item : items) {
        for (auto&& result : in_batches(std::vector<Item>{item}, report, step))
            results.push_back(std::move(result));
    }
    return results;
}

void BillingRun::process(const std::vector<std::string>& ids, bool renewal, BillingReport& report) {
    // 1. Invoices to charge, each with the key of its attempt, committed before any charge.
    auto attempts = in_batches(
        ids, report, [&](soci::session& session, const std::string& id, BillingReport& counts) {
            return renewal ? begin_renewal(session, id, counts) : begin_retry(session, id);
        });
    // 2. The provider, outside any transaction.
    std::vector<std::pair<Attempt, ChargeOutcome>> outcomes;
    for (auto& attempt : attempts) {
        if (auto outcome = charge(attempt, report))
            outcomes.emplace_back(std::move(attempt), std::move(*outcome));
    }
    // 3. The outcomes.
    in_batches(outcomes, report,
               [&](soci::session& session, const std::pair<Attempt, ChargeOutcome>& done,
                   BillingReport& counts) -> std::optional<bool> {
                   record(session, done.first, done.second, counts);
                   return true;
               });
}

std::optional<BillingRun::Attempt> BillingRun::begin_renewal(soci::session& session,
                                                             const std::string& subscription_id,
                                                             BillingReport& report) {
    auto found = SubscriptionRepository::lock(session, subscription_id);
    auto now = clock_();
    auto now_text = core::to_rfc3339(now);
    if (!found || (found->status != "trialing" && found->status != "active") ||
        domain::time_of(found->current_period_end) > now)
        return std::nullopt;
    auto s = *found;
    if (s.cancel_at_period_end) {
        s.status = "canceled";
        s.ended_at = s.current_period_end;
        s.end_reason = "canceled";
        s.version += 1;
        s.updated_at = now_text;
        SubscriptionRepository::save(session, s);
        record_event(session, s, "canceled", "ended", {{"reason", "canceled at period end"}},
                     now_text);
        ++report.canceled;
        return std::nullopt;
    }
    // A pending downgrade takes effect with this period: its price and interval (a new
    // interval counts its periods from the old period's end).
    std::string plan_id = s.plan_id;
    std::int64_t price = s.price;
    std::string interval = s.interval;
    auto anchor = domain::time_of(s.billing_anchor);
    if (s.pending_plan_id) {
        if (auto plan = repositories::PlanRepository::find(session, *s.pending_plan_id)) {
            plan_id = plan->id;
            price = plan->price;
            if (plan->interval != interval) anchor = domain::time_of(s.current_period_end);
            interval = plan->interval;
        }
    }
    // The period to charge: the one that holds `now` (normally the one that begins at the
    // old end; after an outage longer than a period, the current one only).
    auto end = domain::next_period_end(anchor, interval, now);
    auto start =
        std::max(domain::time_of(s.current_period_end), domain::add_intervals(end, interval, -1));
    auto start_text = core::to_rfc3339(start);
    auto invoice = InvoiceRepository::of_period(session, s.id, "subscription_cycle", start_text);
    if (!invoice) {
        auto fresh = domain::new_invoice(s, "subscription_cycle", price, start_text,
                                         core::to_rfc3339(end), now_text);
        fresh.plan_id = plan_id;
        InvoiceRepository::insert(session, fresh);
        invoice = fresh;
    }
    if (invoice->status != "open") return std::nullopt;
    return start_attempt(session, *invoice, s, now_text);
}

std::optional<BillingRun::Attempt> BillingRun::begin_retry(soci::session& session,
                                                           const std::string& subscription_id) {
    auto found = SubscriptionRepository::lock(session, subscription_id);
    auto now = clock_();
    if (!found || found->status != "past_due" || !found->next_payment_attempt ||
        domain::time_of(*found->next_payment_attempt) > now)
        return std::nullopt;
    auto invoice = InvoiceRepository::open_of(session, subscription_id);
    if (!invoice) return std::nullopt;
    return start_attempt(session, *invoice, *found, core::to_rfc3339(now));
}

std::optional<ChargeOutcome> BillingRun::charge(const Attempt& attempt, BillingReport& report) {
    if (attempt.request.amount == 0) return ChargeOutcome{true, "", "", 0};
    auto charged = provider_.charge(attempt.request);
    if (!charged) {
        // Nothing is known to have happened: the key stays on the invoice and the next run asks
        // the provider again with it.
        ++report.errors;
        log::warn("the payment provider did not answer; the charge will be retried",
                  {{"invoice_id", attempt.invoice_id}, {"reason", charged.error().message}});
        return std::nullopt;
    }
    return *charged;
}

void BillingRun::record(soci::session& session, const Attempt& attempt,
                        const ChargeOutcome& outcome, BillingReport& report) {
    const auto& key = attempt.key;
    {
        auto invoice = InvoiceRepository::lock(session, attempt.invoice_id);
        if (!invoice || invoice->charge_key != key) return;  // recorded by another run
        auto s = *SubscriptionRepository::lock(session, invoice->subscription_id);
        auto now = clock_();
        auto now_text = core::to_rfc3339(now);
        invoice->charge_key.reset();
        invoice->updated_at = now_text;
        bool cycle_start = s.status == "trialing" || s.status == "active";
        if (cycle_start) {
            // The new period starts whatever the payment's outcome (as in Stripe Billing).
            if (s.pending_plan_id) {
                if (auto plan = repositories::PlanRepository::find(session, *s.pending_plan_id)) {
                    if (plan->interval != s.interval) s.billing_anchor = invoice->period_start;
                    s.plan_id = plan->id;
                    s.plan_name = plan->name;
                    s.price = invoice->amount;
                    s.interval = plan->interval;
                    s.max_streams = plan->max_streams;
                    s.max_quality = plan->max_quality;
                }
                s.pending_plan_id.reset();
            }
            s.current_period_start = invoice->period_start;
            s.current_period_end = invoice->period_end;
            s.trial_end.reset();
        }
        s.version += 1;
        s.updated_at = now_text;
        boost::json::object detail{{"invoice_id", invoice->id},
                                   {"amount", invoice->amount},
                                   {"attempt", invoice->attempts}};
        if (outcome.succeeded) {
            invoice->status = "paid";
            invoice->charge_id = outcome.charge_id.empty() ? std::optional<std::string>()
                                                           : std::optional(outcome.charge_id);
            invoice->paid_at = now_text;
            invoice->failure_message.reset();
            bool recovered = s.status == "past_due";
            s.status = "active";
            s.past_due_since.reset();
            s.next_payment_attempt.reset();
            InvoiceRepository::save(session, *invoice);
            SubscriptionRepository::save(session, s);
            record_event(session, s, "renewed", recovered ? "payment_recovered" : "renewed", detail,
                         now_text);
            ++(recovered ? report.recovered : report.renewed);
            return;
        }
        invoice->failure_message = outcome.failure_message;
        detail["failure"] = outcome.failure_message;
        ++report.failed;
        if (cycle_start) s.past_due_since = now_text;
        auto next = domain::next_payment_attempt(domain::time_of(*s.past_due_since),
                                                 invoice->attempts, settings_.retry_days);
        if (next) {
            bool newly = s.status != "past_due";
            s.status = "past_due";
            s.next_payment_attempt = core::to_rfc3339(*next);
            detail["next_attempt"] = *s.next_payment_attempt;
            InvoiceRepository::save(session, *invoice);
            SubscriptionRepository::save(session, s);
            record_event(session, s, newly ? "past_due" : "", "payment_failed", detail, now_text);
            return;
        }
        invoice->status = "uncollectible";
        s.status = "expired";
        s.ended_at = now_text;
        s.end_reason = "payment_failed";
        s.next_payment_attempt.reset();
        InvoiceRepository::save(session, *invoice);
        SubscriptionRepository::save(session, s);
        record_event(session, s, "expired", "expired", detail, now_text);
        ++report.expired;
    }
}

}  // namespace codeflix::subscription::app
