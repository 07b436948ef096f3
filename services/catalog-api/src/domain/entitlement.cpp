#include "entitlement.hpp"

#include <array>
#include <codeflix/core/text.hpp>
#include <codeflix/core/uuid.hpp>
#include <limits>
#include <utility>

namespace codeflix::catalog_api::domain {
namespace {

constexpr std::array<std::pair<Quality, std::string_view>, 3> kQualities = {
    {{Quality::p480, "480p"}, {Quality::p720, "720p"}, {Quality::p1080, "1080p"}}};
constexpr std::array<std::pair<SubscriptionStatus, std::string_view>, 5> kStatuses = {
    {{SubscriptionStatus::trialing, "trialing"},
     {SubscriptionStatus::active, "active"},
     {SubscriptionStatus::past_due, "past_due"},
     {SubscriptionStatus::canceled, "canceled"},
     {SubscriptionStatus::expired, "expired"}}};

/// Reads the fields of the event data, keeping the first problem.
class Fields {
  public:
    explicit Fields(const boost::json::object& data) : data_(data) {}

    std::string text(std::string_view field, std::size_t max_chars) {
        const auto* value = data_.if_contains(field);
        if (value == nullptr || !value->is_string()) {
            fail(field, "is not a string");
            return {};
        }
        std::string_view raw = value->get_string();
        if (raw.empty() || core::utf8_length(raw) > max_chars ||
            core::has_control_characters(raw, false) || core::trim(raw) != raw) {
            fail(field, "must be 1 to " + std::to_string(max_chars) +
                            " characters without control characters or surrounding spaces");
            return {};
        }
        return std::string(raw);
    }

    std::string uuid(std::string_view field) {
        auto id = core::canonical_uuid(text(field, 36));
        if (!id) fail(field, "is not a UUID");
        return id.value_or("");
    }

    std::int64_t integer(std::string_view field, std::int64_t min, std::int64_t max) {
        const auto* value = data_.if_contains(field);
        if (value == nullptr || !value->is_int64() || value->get_int64() < min ||
            value->get_int64() > max) {
            fail(field,
                 "is not an integer from " + std::to_string(min) + " to " + std::to_string(max));
            return min;
        }
        return value->get_int64();
    }

    bool boolean(std::string_view field) {
        const auto* value = data_.if_contains(field);
        if (value == nullptr || !value->is_bool()) {
            fail(field, "is not a boolean");
            return false;
        }
        return value->get_bool();
    }

    core::TimePoint time(std::string_view field) {
        const auto* value = data_.if_contains(field);
        auto parsed = value != nullptr && value->is_string()
                          ? core::parse_rfc3339(value->get_string())
                          : std::nullopt;
        if (!parsed) fail(field, "is not an RFC 3339 time");
        return parsed.value_or(core::TimePoint{});
    }

    /// Absent or null reads as nullopt.
    std::optional<core::TimePoint> optional_time(std::string_view field) {
        const auto* value = data_.if_contains(field);
        if (value == nullptr || value->is_null()) return std::nullopt;
        auto parsed = value->is_string() ? core::parse_rfc3339(value->get_string()) : std::nullopt;
        if (!parsed) fail(field, "is not an RFC 3339 time or null");
        return parsed;
    }

    template <class T, std::size_t N>
    T one_of(std::string_view field, const std::array<std::pair<T, std::string_view>, N>& names) {
        const auto* value = data_.if_contains(field);
        if (value != nullptr && value->is_string()) {
            for (const auto& [item, name] : names) {
                if (std::string_view(value->get_string()) == name) return item;
            }
        }
        std::string list;
        for (const auto& entry : names)
            list += (list.empty() ? "" : ", ") + std::string(entry.second);
        fail(field, "is not one of " + list);
        return names[0].first;
    }

    void fail(std::string_view field, const std::string& why) {
        if (problem_.empty()) problem_ = "data." + std::string(field) + " " + why;
    }
    const std::string& problem() const { return problem_; }

  private:
    const boost::json::object& data_;
    std::string problem_;
};

}  // namespace

std::optional<Quality> parse_quality(std::string_view text) {
    for (const auto& [quality, name] : kQualities) {
        if (name == text) return quality;
    }
    return std::nullopt;
}

std::string to_string(Quality quality) {
    for (const auto& [item, name] : kQualities) {
        if (item == quality) return std::string(name);
    }
    return "480p";
}

std::optional<SubscriptionStatus> parse_status(std::string_view text) {
    for (const auto& [status, name] : kStatuses) {
        if (name == text) return status;
    }
    return std::nullopt;
}

std::string to_string(SubscriptionStatus status) {
    for (const auto& [item, name] : kStatuses) {
        if (item == status) return std::string(name);
    }
    return "expired";
}

core::Result<Subscription> parse_subscription(const boost::json::object& data) {
    Fields fields(data);
    Subscription s;
    s.id = fields.uuid("id");
    s.version = fields.integer("version", 1, std::numeric_limits<std::int64_t>::max());
    s.user_id = fields.text("user_id", kMaxUserIdChars);
    s.plan_id = fields.uuid("plan_id");
    s.plan_name = fields.text("plan_name", kMaxPlanNameChars);
    s.status = fields.one_of("status", kStatuses);
    s.max_streams = static_cast<int>(fields.integer("max_streams", 1, kMaxStreamsLimit));
    s.max_quality = fields.one_of("max_quality", kQualities);
    s.current_period_start = fields.time("current_period_start");
    s.current_period_end = fields.time("current_period_end");
    s.cancel_at_period_end = fields.boolean("cancel_at_period_end");
    s.past_due_since = fields.optional_time("past_due_since");
    s.ended_at = fields.optional_time("ended_at");
    if (fields.problem().empty() && s.current_period_end < s.current_period_start)
        fields.fail("current_period_end", "is before current_period_start");
    if (fields.problem().empty() && s.status == SubscriptionStatus::past_due && !s.past_due_since)
        fields.fail("past_due_since", "is required while the subscription is past due");
    if (!fields.problem().empty()) return core::Error::invalid(fields.problem());
    return s;
}

bool is_entitled(const Subscription& subscription, core::TimePoint now,
                 const EntitlementPolicy& policy) {
    switch (subscription.status) {
        case SubscriptionStatus::trialing:
        case SubscriptionStatus::active: {
            auto leeway =
                subscription.cancel_at_period_end ? std::chrono::seconds(0) : policy.renewal_leeway;
            return now < subscription.current_period_end + leeway;
        }
        case SubscriptionStatus::past_due:
            return now < subscription.past_due_since.value_or(subscription.current_period_end) +
                             policy.past_due_grace;
        case SubscriptionStatus::canceled:
        case SubscriptionStatus::expired:
            return false;
    }
    return false;
}

std::string reason_code(Denial denial) {
    switch (denial) {
        case Denial::not_subscribed:
            return "not_subscribed";
        case Denial::subscription_ended:
            return "subscription_ended";
        case Denial::payment_overdue:
            return "payment_overdue";
    }
    return "not_subscribed";
}

std::string explanation(Denial denial) {
    switch (denial) {
        case Denial::not_subscribed:
            return "You have no subscription. Choose a plan to start watching.";
        case Denial::subscription_ended:
            return "Your subscription has ended. Choose a plan to watch again.";
        case Denial::payment_overdue:
            return "Your last payment is overdue and its grace period is over. Update your "
                   "payment method to keep watching.";
    }
    return "You have no subscription.";
}

Entitlement decide(const std::vector<Subscription>& subscriptions, core::TimePoint now,
                   const EntitlementPolicy& policy) {
    Entitlement out;
    const Subscription* best = nullptr;
    const Subscription* overdue = nullptr;
    const Subscription* latest = nullptr;
    for (const auto& s : subscriptions) {
        if (is_entitled(s, now, policy)) {
            if (best == nullptr || s.max_quality > best->max_quality ||
                (s.max_quality == best->max_quality && s.max_streams > best->max_streams))
                best = &s;
        } else if (s.status == SubscriptionStatus::past_due) {
            overdue = &s;
        }
        if (latest == nullptr || s.current_period_end > latest->current_period_end) latest = &s;
    }
    if (best != nullptr) {
        out.entitled = true;
        out.subscription = *best;
        return out;
    }
    if (overdue != nullptr) {
        out.denial = Denial::payment_overdue;
        out.subscription = *overdue;
    } else if (latest != nullptr) {
        out.denial = Denial::subscription_ended;
        out.subscription = *latest;
    } else {
        out.denial = Denial::not_subscribed;
    }
    return out;
}

}  // namespace codeflix::catalog_api::domain
