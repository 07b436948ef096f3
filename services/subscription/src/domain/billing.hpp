#pragma once

#include <chrono>
#include <codeflix/core/clock.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Billing rules, pure: periods, proration, plan changes, dunning, currencies and qualities.
namespace codeflix::subscription::domain {

using core::TimePoint;

/// A stored RFC 3339 time (the epoch for text the service never writes).
inline TimePoint time_of(const std::string& rfc3339) {
    return core::parse_rfc3339(rfc3339).value_or(TimePoint{});
}

/// Whether `code` is an active ISO 4217 currency code (upper case, three letters).
bool is_currency(std::string_view code);

/// "480p", "720p", "1080p": the plan's highest playback quality; the rank orders them.
bool is_quality(std::string_view quality);
int quality_rank(std::string_view quality);

/// "month" or "year".
bool is_interval(std::string_view interval);

/// The end of the `count`-th whole interval after `anchor`: calendar months (or years) in UTC,
/// the day clamped to the month's length (an anchor on the 31st ends February's period on its
/// last day and March's on the 31st), the time of day kept.
TimePoint add_intervals(TimePoint anchor, std::string_view interval, int count);

/// The first interval boundary after `after` counted from `anchor`.
TimePoint next_period_end(TimePoint anchor, std::string_view interval, TimePoint after);

/// What moving from one price to another costs for the rest of a period: the new price's share
/// of the time left minus the old price's share (never below 0), rounded half up to minor units.
/// When the interval changes the new period starts now, so it is the new price minus the old
/// price's unused share (never below 0).
std::int64_t proration(std::int64_t old_price, std::string_view old_interval,
                       std::int64_t new_price, std::string_view new_interval,
                       TimePoint period_start, TimePoint period_end, TimePoint now);

/// A change to a plan that costs as much or more per year applies at once (with proration);
/// a cheaper one waits for the period's end.
bool is_upgrade(std::int64_t old_price, std::string_view old_interval, std::int64_t new_price,
                std::string_view new_interval);

/// Dunning: after a renewal fails at `first_failure`, payment is retried `retry_days` days after
/// it (e.g. 1, 3, 5). Given how many attempts have failed so far (1 = the renewal itself), the
/// time of the next one, or nullopt when the schedule is exhausted (the subscription expires).
std::optional<TimePoint> next_payment_attempt(TimePoint first_failure, int failed_attempts,
                                              const std::vector<int>& retry_days);

/// A card as the sandbox provider reads it.
struct CardCheck {
    std::string brand;   // visa, mastercard, amex, discover, unknown
    std::string last4;   // last four digits
    std::string number;  // digits only (never stored or logged)
};
/// Digits of a card number (spaces and dashes allowed between groups), 12–19 digits, passing the
/// Luhn check; nullopt otherwise.
std::optional<CardCheck> read_card_number(std::string_view text);
/// Whether the card has not expired at `now` (valid through the end of its month).
bool card_expired(int exp_month, int exp_year, TimePoint now);

}  // namespace codeflix::subscription::domain
