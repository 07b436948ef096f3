#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/result.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::catalog_api::domain {

/// The highest picture quality a plan streams, named by the short side of the frame.
enum class Quality { p480 = 480, p720 = 720, p1080 = 1080 };

std::optional<Quality> parse_quality(std::string_view text);
/// "480p", "720p" or "1080p".
std::string to_string(Quality quality);
/// The longest short side (pixels) of a rendition the quality allows.
inline int short_side_of(Quality quality) { return static_cast<int>(quality); }

enum class SubscriptionStatus { trialing, active, past_due, canceled, expired };

std::optional<SubscriptionStatus> parse_status(std::string_view text);
std::string to_string(SubscriptionStatus status);

/// catalog-api's copy of a subscription, from the subscription service's events.
struct Subscription {
    std::string id;
    std::int64_t version = 0;
    std::string user_id;
    std::string plan_id;
    std::string plan_name;
    SubscriptionStatus status = SubscriptionStatus::expired;
    int max_streams = 1;
    Quality max_quality = Quality::p480;
    core::TimePoint current_period_start;
    core::TimePoint current_period_end;
    bool cancel_at_period_end = false;
    std::optional<core::TimePoint> past_due_since;
    std::optional<core::TimePoint> ended_at;
};

/// Longest identity subject accepted as a user id.
constexpr std::size_t kMaxUserIdChars = 255;
constexpr std::size_t kMaxPlanNameChars = 255;
constexpr int kMaxStreamsLimit = 10;

/// Reads and checks the data of a `codeflix.subscription.subscription.*.v1` event: every field
/// present with its type and range, times in RFC 3339, `past_due_since` set when past due.
/// Anything else is an invalid_argument Error naming the field.
core::Result<Subscription> parse_subscription(const boost::json::object& data);

/// How long access outlives the dates of a subscription.
struct EntitlementPolicy {
    /// After current_period_end of a trialing or active subscription that renews: the renewal
    /// event may arrive a little late.
    std::chrono::seconds renewal_leeway{3600};
    /// After past_due_since: time to fix the payment.
    std::chrono::seconds past_due_grace{259200};
};

/// Whether one subscription lets its user watch at `now`: trialing or active until the end of
/// the period (plus the renewal leeway unless it is cancelled at the period's end), past due
/// until the grace after past_due_since runs out, canceled or expired never.
bool is_entitled(const Subscription& subscription, core::TimePoint now,
                 const EntitlementPolicy& policy);

/// Why a user may not watch.
enum class Denial { not_subscribed, subscription_ended, payment_overdue };

/// "not_subscribed", "subscription_ended" or "payment_overdue".
std::string reason_code(Denial denial);
/// The reason in plain language, for the viewer.
std::string explanation(Denial denial);

/// What a user's subscriptions allow at one moment.
struct Entitlement {
    bool entitled = false;
    /// The subscription that decides: when entitled, the entitled one with the highest quality
    /// and then the most streams; otherwise the one that explains the denial (absent when the
    /// user has none).
    std::optional<Subscription> subscription;
    /// Set when not entitled.
    std::optional<Denial> denial;
};

/// A user is entitled when any of their subscriptions is (old ones stay as expired rows).
/// Without one: payment_overdue when one of them is past due (its grace over), otherwise
/// not_subscribed when there are none and subscription_ended when there are.
Entitlement decide(const std::vector<Subscription>& subscriptions, core::TimePoint now,
                   const EntitlementPolicy& policy);

}  // namespace codeflix::catalog_api::domain
