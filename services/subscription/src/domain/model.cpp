#include "model.hpp"

#include <codeflix/core/uuid.hpp>

#include "billing.hpp"

namespace codeflix::subscription::domain {
namespace {

boost::json::value nullable(const std::optional<std::string>& value) {
    if (value) return boost::json::value(*value);
    return nullptr;
}

}  // namespace

core::Result<PlanInput> parse_plan(const boost::json::object& body, bool create) {
    core::ObjectReader reader(body, {"name", "description", "price", "currency", "interval",
                                     "trial_days", "max_streams", "max_quality", "active"});
    PlanInput input;
    input.name = reader.string("name", 1, 100);
    input.description = reader.string("description", 0, 2000, true);
    input.price = reader.integer("price", 0, kMaxPrice);
    input.currency = reader.string("currency", 3, 3);
    if (input.currency && !is_currency(*input.currency)) {
        reader.add_error("currency", "must be an ISO 4217 code in upper case, e.g. USD");
        input.currency.reset();
    }
    input.interval = reader.string("interval", 1, 10);
    if (input.interval && !is_interval(*input.interval)) {
        reader.add_error("interval", "must be month or year");
        input.interval.reset();
    }
    if (auto days = reader.integer("trial_days", 0, kMaxTrialDays)) input.trial_days = *days;
    if (auto streams = reader.integer("max_streams", 1, kMaxStreams)) input.max_streams = *streams;
    input.max_quality = reader.string("max_quality", 1, 10);
    if (input.max_quality && !is_quality(*input.max_quality)) {
        reader.add_error("max_quality", "must be 480p, 720p or 1080p");
        input.max_quality.reset();
    }
    input.active = reader.boolean("active");
    if (create) {
        for (auto field : {"name", "price", "currency", "interval", "max_streams", "max_quality"})
            reader.require(field);
    }
    if (!reader.errors().empty())
        return core::Error::invalid("The plan has invalid fields", reader.errors());
    return input;
}

Plan apply(Plan plan, const PlanInput& input) {
    if (input.name) plan.name = *input.name;
    if (input.description) plan.description = *input.description;
    if (input.price) plan.price = *input.price;
    if (input.currency) plan.currency = *input.currency;
    if (input.interval) plan.interval = *input.interval;
    if (input.trial_days) plan.trial_days = *input.trial_days;
    if (input.max_streams) plan.max_streams = *input.max_streams;
    if (input.max_quality) plan.max_quality = *input.max_quality;
    if (input.active) plan.active = *input.active;
    return plan;
}

boost::json::object to_json(const Plan& plan) {
    return {{"id", plan.id},
            {"name", plan.name},
            {"description", plan.description},
            {"price", plan.price},
            {"currency", plan.currency},
            {"interval", plan.interval},
            {"trial_days", plan.trial_days},
            {"max_streams", plan.max_streams},
            {"max_quality", plan.max_quality},
            {"active", plan.active},
            {"version", plan.version},
            {"created_at", plan.created_at},
            {"updated_at", plan.updated_at}};
}

bool is_live(std::string_view status) {
    return status == "trialing" || status == "active" || status == "past_due";
}

boost::json::object to_json(const Subscription& s) {
    return {{"id", s.id},
            {"user_id", s.user_id},
            {"plan_id", s.plan_id},
            {"plan_name", s.plan_name},
            {"status", s.status},
            {"price", s.price},
            {"currency", s.currency},
            {"interval", s.interval},
            {"max_streams", s.max_streams},
            {"max_quality", s.max_quality},
            {"payment_method", {{"brand", s.card_brand}, {"last4", s.card_last4}}},
            {"trial_end", nullable(s.trial_end)},
            {"current_period_start", s.current_period_start},
            {"current_period_end", s.current_period_end},
            {"cancel_at_period_end", s.cancel_at_period_end},
            {"pending_plan_id", nullable(s.pending_plan_id)},
            {"past_due_since", nullable(s.past_due_since)},
            {"next_payment_attempt", nullable(s.next_payment_attempt)},
            {"canceled_at", nullable(s.canceled_at)},
            {"ended_at", nullable(s.ended_at)},
            {"end_reason", nullable(s.end_reason)},
            {"version", s.version},
            {"created_at", s.created_at},
            {"updated_at", s.updated_at}};
}

boost::json::object entitlement_data(const Subscription& s) {
    return {{"id", s.id},
            {"version", s.version},
            {"user_id", s.user_id},
            {"plan_id", s.plan_id},
            {"plan_name", s.plan_name},
            {"status", s.status},
            {"max_streams", s.max_streams},
            {"max_quality", s.max_quality},
            {"current_period_start", s.current_period_start},
            {"current_period_end", s.current_period_end},
            {"cancel_at_period_end", s.cancel_at_period_end},
            {"past_due_since", nullable(s.past_due_since)},
            {"ended_at", nullable(s.ended_at)}};
}

Invoice new_invoice(const Subscription& s, const std::string& reason, std::int64_t amount,
                    const std::string& start, const std::string& end, const std::string& now) {
    Invoice invoice;
    invoice.id = core::new_uuid_v7();
    invoice.subscription_id = s.id;
    invoice.user_id = s.user_id;
    invoice.reason = reason;
    invoice.plan_id = s.plan_id;
    invoice.amount = amount;
    invoice.currency = s.currency;
    invoice.status = "open";
    invoice.period_start = start;
    invoice.period_end = end;
    invoice.created_at = now;
    invoice.updated_at = now;
    return invoice;
}

boost::json::object to_json(const Invoice& i) {
    return {{"id", i.id},
            {"subscription_id", i.subscription_id},
            {"reason", i.reason},
            {"plan_id", i.plan_id},
            {"amount", i.amount},
            {"currency", i.currency},
            {"status", i.status},
            {"period_start", i.period_start},
            {"period_end", i.period_end},
            {"attempts", i.attempts},
            {"failure_message", nullable(i.failure_message)},
            {"refunded_amount", i.refunded_amount},
            {"created_at", i.created_at},
            {"paid_at", nullable(i.paid_at)}};
}

}  // namespace codeflix::subscription::domain
