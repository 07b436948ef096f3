#include "subscriptions.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/outbox.hpp>

#include "../domain/billing.hpp"
#include "../repositories/customer_repository.hpp"
#include "../repositories/invoice_repository.hpp"
#include "../repositories/plan_repository.hpp"
#include "../repositories/subscription_repository.hpp"

namespace codeflix::subscription::app {
namespace {

using repositories::InvoiceRepository;
using repositories::PlanRepository;
using repositories::SubscriptionRepository;

std::string money(std::int64_t amount, const std::string& currency) {
    return std::to_string(amount) + " " + currency;
}

/// Reads `{plan_id, ...}`: the plan it names, which must be on offer.
core::Result<domain::Plan> offered_plan(db::Database& database, core::ObjectReader& reader) {
    reader.require("plan_id");
    auto plan_id = reader.string("plan_id", 1, 64);
    std::optional<std::string> id;
    if (plan_id) {
        id = core::canonical_uuid(*plan_id);
        if (!id) reader.add_error("plan_id", "must be a UUID");
    }
    if (!reader.errors().empty())
        return core::Error::invalid("The request has invalid fields", reader.errors());
    auto plan = database.with_session(
        [&](soci::session& session) { return PlanRepository::find(session, *id); });
    if (!plan) return core::Error::not_found("There is no plan with this id");
    if (!plan->active)
        return core::Error::unprocessable("The plan " + plan->name + " is no longer offered",
                                          {{"plan_id", "is not offered any more"}});
    return *plan;
}

void mark_paid(domain::Invoice& invoice, const Payment& payment, const std::string& now) {
    invoice.status = "paid";
    invoice.attempts = payment.charge_id ? 1 : 0;
    invoice.charge_id = payment.charge_id;
    invoice.paid_at = now;
}

/// Ends a live subscription now: its unpaid invoice (if any) is void, no retry follows.
void end_now(soci::session& session, domain::Subscription& s, const std::string& reason,
             const std::string& now) {
    if (auto invoice = InvoiceRepository::open_of(session, s.id)) {
        invoice->status = "void";
        invoice->charge_key.reset();
        invoice->updated_at = now;
        InvoiceRepository::save(session, *invoice);
    }
    s.status = "canceled";
    s.canceled_at = now;
    s.ended_at = now;
    s.end_reason = reason;
    s.next_payment_attempt.reset();
    s.pending_plan_id.reset();
    s.version += 1;
    s.updated_at = now;
}

}  // namespace

void record_event(soci::session& session, const domain::Subscription& subscription,
                  const std::string& event, const std::string& history_action,
                  const boost::json::object& detail, const std::string& at) {
    if (!event.empty()) {
        messaging::enqueue(
            session,
            messaging::make_event("/subscription",
                                  "codeflix.subscription.subscription." + event + ".v1",
                                  subscription.id, domain::entitlement_data(subscription)),
            "subscription");
    }
    SubscriptionRepository::add_history(session, subscription.id, at, history_action,
                                        boost::json::serialize(detail));
}

Subscriptions::Subscriptions(db::Database& database, PaymentProvider& provider, Clock clock)
    : database_(database), provider_(provider), clock_(std::move(clock)) {}

core::Result<domain::Subscription> Subscriptions::owned(soci::session& session,
                                                        const std::string& user_id,
                                                        const std::string& subscription_id) {
    auto found = SubscriptionRepository::lock(session, subscription_id);
    if (!found || found->user_id != user_id)
        return core::Error::not_found("You have no subscription with this id");
    return *found;
}

core::Result<Checkout> Subscriptions::check_subscribe(const http::Principal& who,
                                                      const boost::json::object& body) {
    core::ObjectReader reader(body, {"plan_id", "payment_method", "price", "currency"});
    reader.require("payment_method");
    auto token = reader.string("payment_method", 1, 64);
    auto price = reader.integer("price", 0, domain::kMaxPrice);
    auto currency = reader.string("currency", 3, 3);
    auto plan = offered_plan(database_, reader);
    if (!plan) return plan.error();
    // The price the customer saw, when the client sends it, must be the plan's: a price changed
    // in between is not charged silently.
    if ((price && *price != plan->price) || (currency && *currency != plan->currency)) {
        return core::Error::unprocessable("The plan " + plan->name + " costs " +
                                              money(plan->price, plan->currency) +
                                              ", not the amount confirmed",
                                          {{price && *price != plan->price ? "price" : "currency",
                                            "does not match the plan's price"}});
    }
    auto earlier = database_.with_session([&](soci::session& session) {
        return SubscriptionRepository::of_user(session, who.subject);
    });
    auto live = std::find_if(earlier.begin(), earlier.end(),
                             [](const auto& s) { return domain::is_live(s.status); });
    if (live != earlier.end()) {
        return core::Error::conflict("You already have a subscription (" + live->plan_name + ", " +
                                     live->status + "); change its plan instead");
    }
    auto method = provider_.method(*token, who.subject);
    if (!method) return method.error();
    std::string name = who.username.empty() ? who.email : who.username;
    // A free trial is for a first subscription only.
    int trial_days = earlier.empty() ? plan->trial_days : 0;
    return Checkout{who.subject, who.email, name, std::move(*plan), std::move(*method), trial_days};
}

Payment Subscriptions::pay(const Checkout& checkout, const std::string& key) {
    bool trial = checkout.trial_days > 0;
    auto outcome =
        trial
            ? provider_.verify(checkout.method.token, key)
            : provider_.charge({checkout.method.token, checkout.plan.price, checkout.plan.currency,
                                "Subscription to " + checkout.plan.name, key});
    if (!outcome) return {false, std::nullopt, 0, ""};  // the provider did not answer
    if (!outcome->succeeded) return {false, std::nullopt, 0, outcome->failure_message};
    if (outcome->refunded > 0) return {false, std::nullopt, 0, "", true};
    if (trial) return {true, std::nullopt, 0, ""};
    return {true, outcome->charge_id, checkout.plan.price, ""};
}

core::Result<domain::Subscription> Subscriptions::record_subscribe(soci::session& session,
                                                                   const Checkout& checkout,
                                                                   const Payment& payment) {
    auto now = clock_();
    auto now_text = core::to_rfc3339(now);
    repositories::CustomerRepository::ensure(
        session, {checkout.user_id, checkout.email, checkout.display_name, std::nullopt, ""},
        now_text);
    if (SubscriptionRepository::live_of(session, checkout.user_id))
        return core::Error::conflict("You already have a subscription");
    const auto& plan = checkout.plan;
    domain::Subscription s;
    s.id = core::new_uuid_v7();
    s.user_id = checkout.user_id;
    s.plan_id = plan.id;
    s.plan_name = plan.name;
    s.price = plan.price;
    s.currency = plan.currency;
    s.interval = plan.interval;
    s.max_streams = plan.max_streams;
    s.max_quality = plan.max_quality;
    s.payment_method = checkout.method.token;
    s.card_brand = checkout.method.brand;
    s.card_last4 = checkout.method.last4;
    s.current_period_start = now_text;
    if (checkout.trial_days > 0) {
        s.status = "trialing";
        s.trial_end = core::to_rfc3339(now + std::chrono::days(checkout.trial_days));
        s.billing_anchor = *s.trial_end;
        s.current_period_end = *s.trial_end;
    } else {
        s.status = "active";
        s.billing_anchor = now_text;
        s.current_period_end = core::to_rfc3339(domain::add_intervals(now, plan.interval, 1));
    }
    s.version = 1;
    s.created_at = now_text;
    s.updated_at = now_text;
    SubscriptionRepository::insert(session, s);
    auto invoice = domain::new_invoice(s, "subscription_create", payment.amount,
                                       s.current_period_start, s.current_period_end, now_text);
    mark_paid(invoice, payment, now_text);
    InvoiceRepository::insert(session, invoice);
    record_event(session, s, "activated", "subscribed",
                 {{"plan_id", plan.id}, {"status", s.status}, {"amount", payment.amount}},
                 now_text);
    return s;
}

core::Result<PlanChange> Subscriptions::check_change(const std::string& user_id,
                                                     const std::string& subscription_id,
                                                     const boost::json::object& body) {
    core::ObjectReader reader(body, {"plan_id"});
    auto plan = offered_plan(database_, reader);
    if (!plan) return plan.error();
    auto current = database_.with_session([&](soci::session& session) {
        return SubscriptionRepository::find(session, subscription_id);
    });
    if (!current || current->user_id != user_id)
        return core::Error::not_found("You have no subscription with this id");
    const auto& s = *current;
    if (!domain::is_live(s.status))
        return core::Error::conflict("The subscription has ended; subscribe again instead");
    if (s.status == "past_due")
        return core::Error::conflict(
            "The subscription has an overdue payment; update the card "
            "or wait for the next attempt before changing plan");
    if (plan->currency != s.currency)
        return core::Error::unprocessable(
            "The plan is priced in " + plan->currency + " and the subscription in " + s.currency,
            {{"plan_id", "is in another currency"}});
    if (plan->id == s.plan_id && !s.pending_plan_id)
        return core::Error::conflict("The subscription is already on the plan " + plan->name);
    PlanChange change{s, std::move(*plan)};
    if (change.plan.id == s.plan_id || s.status == "trialing") {
        change.when = PlanChange::When::now;  // back to the current plan, or during a trial
    } else if (domain::is_upgrade(s.price, s.interval, change.plan.price, change.plan.interval)) {
        change.when = PlanChange::When::now;
        change.amount =
            domain::proration(s.price, s.interval, change.plan.price, change.plan.interval,
                              domain::time_of(s.current_period_start),
                              domain::time_of(s.current_period_end), clock_());
    } else {
        change.when = PlanChange::When::at_period_end;
    }
    return change;
}

Payment Subscriptions::pay(const PlanChange& change, const std::string& key) {
    if (change.when != PlanChange::When::now || change.amount == 0) return {};
    auto outcome = provider_.charge({change.subscription.payment_method, change.amount,
                                     change.subscription.currency,
                                     "Change to " + change.plan.name + " (prorated)", key});
    if (!outcome) return {false, std::nullopt, 0, ""};  // the provider did not answer
    if (!outcome->succeeded) return {false, std::nullopt, 0, outcome->failure_message};
    if (outcome->refunded > 0) return {false, std::nullopt, 0, "", true};
    return {true, outcome->charge_id, change.amount, ""};
}

core::Result<domain::Subscription> Subscriptions::record_change(soci::session& session,
                                                                const PlanChange& change,
                                                                const Payment& payment) {
    auto found = SubscriptionRepository::lock(session, change.subscription.id);
    if (!found || found->version != change.subscription.version)
        return core::Error::conflict("The subscription changed meanwhile; reload and try again");
    auto s = *found;
    auto now = clock_();
    auto now_text = core::to_rfc3339(now);
    const auto& plan = change.plan;
    boost::json::object detail{{"from_plan_id", s.plan_id}, {"to_plan_id", plan.id}};
    if (change.when == PlanChange::When::at_period_end) {
        s.pending_plan_id = plan.id;
        detail["effective"] = s.current_period_end;
    } else {
        bool new_period = plan.interval != s.interval && s.status != "trialing";
        s.pending_plan_id.reset();
        s.plan_id = plan.id;
        s.plan_name = plan.name;
        s.price = plan.price;
        s.interval = plan.interval;
        s.max_streams = plan.max_streams;
        s.max_quality = plan.max_quality;
        if (new_period) {
            s.billing_anchor = now_text;
            s.current_period_start = now_text;
            s.current_period_end = core::to_rfc3339(domain::add_intervals(now, plan.interval, 1));
        }
        if (payment.charge_id) {
            auto invoice = domain::new_invoice(s, "subscription_update", payment.amount, now_text,
                                               s.current_period_end, now_text);
            mark_paid(invoice, payment, now_text);
            InvoiceRepository::insert(session, invoice);
        }
        detail["effective"] = now_text;
        detail["amount"] = payment.amount;
    }
    s.version += 1;
    s.updated_at = now_text;
    SubscriptionRepository::save(session, s);
    record_event(session, s, "updated", "plan_changed", detail, now_text);
    return s;
}

core::Result<PaymentMethod> Subscriptions::check_payment_method(const std::string& user_id,
                                                                const boost::json::object& body) {
    core::ObjectReader reader(body, {"payment_method"});
    reader.require("payment_method");
    auto token = reader.string("payment_method", 1, 64);
    if (!reader.errors().empty())
        return core::Error::invalid("The request has invalid fields", reader.errors());
    return provider_.method(*token, user_id);
}

core::Result<domain::Subscription> Subscriptions::record_payment_method(
    soci::session& session, const std::string& user_id, const std::string& subscription_id,
    const PaymentMethod& method) {
    auto found = owned(session, user_id, subscription_id);
    if (!found) return found.error();
    auto s = *found;
    if (!domain::is_live(s.status)) return core::Error::conflict("The subscription has ended");
    auto now_text = core::to_rfc3339(clock_());
    s.payment_method = method.token;
    s.card_brand = method.brand;
    s.card_last4 = method.last4;
    if (s.status == "past_due") s.next_payment_attempt = now_text;
    s.version += 1;
    s.updated_at = now_text;
    SubscriptionRepository::save(session, s);
    record_event(session, s, "", "payment_method_changed",
                 {{"brand", method.brand}, {"last4", method.last4}}, now_text);
    return s;
}

void Subscriptions::undo(const Payment& payment, const std::string& key) {
    if (!payment.charge_id || payment.amount == 0) return;
    auto refunded = provider_.refund(*payment.charge_id, payment.amount, "undo-" + key);
    if (!refunded) {
        log::error("a payment whose write failed could not be refunded",
                   {{"charge_id", *payment.charge_id}, {"reason", refunded.error().message}});
    }
}

core::Result<domain::Subscription> Subscriptions::cancel(soci::session& session,
                                                         const std::string& user_id,
                                                         const std::string& subscription_id) {
    auto found = owned(session, user_id, subscription_id);
    if (!found) return found.error();
    auto s = *found;
    if (!domain::is_live(s.status)) return core::Error::conflict("The subscription has ended");
    if (s.cancel_at_period_end)
        return core::Error::conflict("The subscription is already set to end on " +
                                     s.current_period_end);
    auto now_text = core::to_rfc3339(clock_());
    if (s.status == "past_due") {
        // Nothing is paid for the current period: it ends now.
        end_now(session, s, "canceled", now_text);
        SubscriptionRepository::save(session, s);
        record_event(session, s, "canceled", "canceled", {{"by", "customer"}}, now_text);
        return s;
    }
    s.version += 1;
    s.updated_at = now_text;
    s.canceled_at = now_text;
    s.cancel_at_period_end = true;
    s.pending_plan_id.reset();
    SubscriptionRepository::save(session, s);
    record_event(session, s, "updated", "cancel_requested",
                 {{"by", "customer"}, {"ends_at", s.current_period_end}}, now_text);
    return s;
}

core::Result<domain::Subscription> Subscriptions::resume(soci::session& session,
                                                         const std::string& user_id,
                                                         const std::string& subscription_id) {
    auto found = owned(session, user_id, subscription_id);
    if (!found) return found.error();
    auto s = *found;
    if (!domain::is_live(s.status))
        return core::Error::conflict("The subscription has ended; subscribe again instead");
    if (!s.cancel_at_period_end) return core::Error::conflict("The subscription is not set to end");
    auto now_text = core::to_rfc3339(clock_());
    s.cancel_at_period_end = false;
    s.canceled_at.reset();
    s.version += 1;
    s.updated_at = now_text;
    SubscriptionRepository::save(session, s);
    record_event(session, s, "updated", "resumed", {{"by", "customer"}}, now_text);
    return s;
}

core::Result<domain::Subscription> Subscriptions::cancel_now(soci::session& session,
                                                             const std::string& subscription_id,
                                                             const std::string& admin) {
    auto found = SubscriptionRepository::lock(session, subscription_id);
    if (!found) return core::Error::not_found("There is no subscription with this id");
    auto s = *found;
    if (!domain::is_live(s.status)) return core::Error::conflict("The subscription has ended");
    end_now(session, s, "canceled_by_admin", core::to_rfc3339(clock_()));
    SubscriptionRepository::save(session, s);
    record_event(session, s, "canceled", "canceled", {{"by", "admin"}, {"admin", admin}},
                 s.updated_at);
    return s;
}

core::Result<domain::Invoice> Subscriptions::refund(const std::string& invoice_id,
                                                    std::optional<std::int64_t> amount,
                                                    const std::string& key,
                                                    const std::string& admin) {
    auto invoice = database_.with_session(
        [&](soci::session& session) { return InvoiceRepository::find(session, invoice_id); });
    if (!invoice) return core::Error::not_found("There is no invoice with this id");
    std::int64_t left = invoice->amount - invoice->refunded_amount;
    if (invoice->status != "paid" || !invoice->charge_id || left <= 0)
        return core::Error::conflict("The invoice has nothing left to refund");
    std::int64_t give_back = amount.value_or(left);
    if (give_back <= 0 || give_back > left) {
        return core::Error::unprocessable(
            "At most " + money(left, invoice->currency) + " of this invoice can be refunded",
            {{"amount", "must be between 1 and " + std::to_string(left)}});
    }
    if (auto refunded = provider_.refund(*invoice->charge_id, give_back, key); !refunded)
        return refunded.error();
    return database_.transaction([&](soci::session& session) -> core::Result<domain::Invoice> {
        auto current = InvoiceRepository::lock(session, invoice_id);
        if (!current) return core::Error::not_found("There is no invoice with this id");
        auto now_text = core::to_rfc3339(clock_());
        if (!InvoiceRepository::add_refund(session, invoice_id, key, give_back, admin, now_text))
            return *current;  // the same request, recorded already
        current->refunded_amount += give_back;
        current->updated_at = now_text;
        InvoiceRepository::save(session, *current);
        SubscriptionRepository::add_history(
            session, current->subscription_id, now_text, "refunded",
            boost::json::serialize(boost::json::object{
                {"invoice_id", current->id}, {"amount", give_back}, {"admin", admin}}));
        return *current;
    });
}

}  // namespace codeflix::subscription::app
