#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/result.hpp>
#include <cstdint>
#include <optional>
#include <string>

// Plans, subscriptions and invoices as the service keeps them, and their JSON representations.
namespace codeflix::subscription::domain {

constexpr std::int64_t kMaxPrice = 100'000'000;  // minor units: one million of a currency
constexpr int kMaxTrialDays = 365;
constexpr int kMaxStreams = 10;

struct Plan {
    std::string id;
    std::string name;
    std::string description;
    std::int64_t price = 0;
    std::string currency;
    std::string interval;
    int trial_days = 0;
    int max_streams = 1;
    std::string max_quality;
    bool active = true;
    std::int64_t version = 0;
    std::string created_at;
    std::string updated_at;
};

/// A plan write: every field on create, the fields present on a change (PATCH).
struct PlanInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::int64_t> price;
    std::optional<std::string> currency;
    std::optional<std::string> interval;
    std::optional<int> trial_days;
    std::optional<int> max_streams;
    std::optional<std::string> max_quality;
    std::optional<bool> active;
};

core::Result<PlanInput> parse_plan(const boost::json::object& body, bool create);
/// `plan` with the input's fields applied.
Plan apply(Plan plan, const PlanInput& input);
boost::json::object to_json(const Plan& plan);

/// Statuses (Stripe Billing's): trialing and active are paid up, past_due has a failed renewal
/// being retried, canceled and expired are over (by cancellation, by failed payment).
bool is_live(std::string_view status);

struct Subscription {
    std::string id;
    std::string user_id;
    std::string plan_id;
    std::string plan_name;
    std::string status;
    std::int64_t price = 0;
    std::string currency;
    std::string interval;
    int max_streams = 1;
    std::string max_quality;
    std::string payment_method;
    std::string card_brand;
    std::string card_last4;
    std::optional<std::string> trial_end;
    std::string billing_anchor;
    std::string current_period_start;
    std::string current_period_end;
    bool cancel_at_period_end = false;
    std::optional<std::string> pending_plan_id;
    std::optional<std::string> past_due_since;
    std::optional<std::string> next_payment_attempt;
    std::optional<std::string> canceled_at;
    std::optional<std::string> ended_at;
    std::optional<std::string> end_reason;
    std::int64_t version = 0;
    std::string created_at;
    std::string updated_at;
};

boost::json::object to_json(const Subscription& subscription);
/// The data of subscription events: the entitlement catalog-api keeps.
boost::json::object entitlement_data(const Subscription& subscription);

struct Invoice {
    std::string id;
    std::string subscription_id;
    std::string user_id;
    std::string reason;
    std::string plan_id;
    std::int64_t amount = 0;
    std::string currency;
    std::string status;
    std::string period_start;
    std::string period_end;
    int attempts = 0;
    std::optional<std::string> charge_key;
    std::optional<std::string> charge_id;
    std::optional<std::string> failure_message;
    std::int64_t refunded_amount = 0;
    std::string created_at;
    std::optional<std::string> paid_at;
    std::string updated_at;
};

/// A new open invoice of `s` for [start, end) on its current plan.
Invoice new_invoice(const Subscription& s, const std::string& reason, std::int64_t amount,
                    const std::string& start, const std::string& end, const std::string& now);

boost::json::object to_json(const Invoice& invoice);

}  // namespace codeflix::subscription::domain
