#include "src/domain/billing.hpp"

#include <gtest/gtest.h>

#include <codeflix/core/clock.hpp>

#include "src/domain/model.hpp"

using namespace codeflix::subscription::domain;
using codeflix::core::parse_rfc3339;
using codeflix::core::to_rfc3339;

namespace {

TimePoint at(const char* text) { return *parse_rfc3339(text); }

}  // namespace

TEST(Periods, MonthsKeepTheAnchorDayAndClampToShortMonths) {
    auto anchor = at("2026-01-31T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(add_intervals(anchor, "month", 1)), "2026-02-28T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(add_intervals(anchor, "month", 2)), "2026-03-31T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(add_intervals(anchor, "month", 13)), "2027-02-28T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(add_intervals(at("2028-02-29T00:00:00.000Z"), "year", 1)),
              "2029-02-28T00:00:00.000Z");
    EXPECT_EQ(to_rfc3339(add_intervals(at("2026-03-15T00:00:00.000Z"), "month", -1)),
              "2026-02-15T00:00:00.000Z");
}

TEST(Periods, NextPeriodEndIsTheFirstBoundaryAfter) {
    auto anchor = at("2026-01-31T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(next_period_end(anchor, "month", at("2026-02-28T10:00:00.000Z"))),
              "2026-03-31T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(next_period_end(anchor, "month", at("2026-02-28T09:59:59.000Z"))),
              "2026-02-28T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(next_period_end(anchor, "month", at("2031-07-04T00:00:00.000Z"))),
              "2031-07-31T10:00:00.000Z");
    EXPECT_EQ(to_rfc3339(next_period_end(anchor, "year", at("2030-05-01T00:00:00.000Z"))),
              "2031-01-31T10:00:00.000Z");
}

TEST(Proration, ChargesTheDifferenceForTheTimeLeft) {
    auto start = at("2026-04-01T00:00:00.000Z");
    auto end = at("2026-05-01T00:00:00.000Z");
    auto half = at("2026-04-16T00:00:00.000Z");
    EXPECT_EQ(proration(1000, "month", 2000, "month", start, end, half), 500);
    EXPECT_EQ(proration(1000, "month", 2000, "month", start, end, start), 1000);
    EXPECT_EQ(proration(1000, "month", 2000, "month", start, end, end), 0);
    EXPECT_EQ(proration(999, "month", 1999, "month", start, end, at("2026-04-21T00:00:00.000Z")),
              333);  // 1000 * 10/30 = 333.33
    // Monthly to yearly: a new period starts now, the unused half month is credited.
    EXPECT_EQ(proration(1000, "month", 10000, "year", start, end, half), 9500);
    EXPECT_EQ(proration(20000, "month", 1000, "year", start, end, start), 0) << "never negative";
}

TEST(Proration, UpgradesCompareYearlyCost) {
    EXPECT_TRUE(is_upgrade(1000, "month", 2000, "month"));
    EXPECT_TRUE(is_upgrade(1000, "month", 1000, "month"));
    EXPECT_FALSE(is_upgrade(2000, "month", 1000, "month"));
    EXPECT_FALSE(is_upgrade(1000, "month", 11000, "year"));
    EXPECT_TRUE(is_upgrade(1000, "month", 12000, "year"));
}

TEST(Dunning, RetriesOnTheScheduleThenGivesUp) {
    auto failure = at("2026-04-01T00:00:00.000Z");
    std::vector<int> schedule{1, 3, 5};
    EXPECT_EQ(to_rfc3339(*next_payment_attempt(failure, 1, schedule)), "2026-04-02T00:00:00.000Z");
    EXPECT_EQ(to_rfc3339(*next_payment_attempt(failure, 2, schedule)), "2026-04-04T00:00:00.000Z");
    EXPECT_EQ(to_rfc3339(*next_payment_attempt(failure, 3, schedule)), "2026-04-06T00:00:00.000Z");
    EXPECT_FALSE(next_payment_attempt(failure, 4, schedule));
    EXPECT_FALSE(next_payment_attempt(failure, 1, {}));
}

TEST(Cards, LuhnBrandsAndLastFour) {
    auto visa = read_card_number("4242 4242 4242 4242");
    ASSERT_TRUE(visa);
    EXPECT_EQ(visa->brand, "visa");
    EXPECT_EQ(visa->last4, "4242");
    EXPECT_EQ(read_card_number("5555-5555-5555-4444")->brand, "mastercard");
    EXPECT_EQ(read_card_number("378282246310005")->brand, "amex");
    EXPECT_EQ(read_card_number("6011111111111117")->brand, "discover");
    EXPECT_FALSE(read_card_number("4242424242424241")) << "Luhn";
    EXPECT_FALSE(read_card_number("4242"));
    EXPECT_FALSE(read_card_number("4242x4242424242424242"));
    EXPECT_FALSE(read_card_number("42424242424242424242424242"));
    EXPECT_FALSE(read_card_number(""));
}

TEST(Cards, ExpiryIsTheEndOfTheMonth) {
    auto now = at("2026-11-28T00:00:00.000Z");
    EXPECT_FALSE(card_expired(11, 2026, now));
    EXPECT_TRUE(card_expired(10, 2026, now));
    EXPECT_TRUE(card_expired(12, 2025, now));
    EXPECT_FALSE(card_expired(1, 2027, now));
}

TEST(Values, CurrenciesQualitiesIntervals) {
    EXPECT_TRUE(is_currency("BRL"));
    EXPECT_TRUE(is_currency("USD"));
    EXPECT_TRUE(is_currency("JPY"));
    EXPECT_FALSE(is_currency("usd"));
    EXPECT_FALSE(is_currency("XXX"));
    EXPECT_FALSE(is_currency("US"));
    EXPECT_LT(quality_rank("480p"), quality_rank("720p"));
    EXPECT_LT(quality_rank("720p"), quality_rank("1080p"));
    EXPECT_FALSE(is_quality("4k"));
    EXPECT_TRUE(is_interval("year"));
    EXPECT_FALSE(is_interval("week"));
}

TEST(Plans, ParseChecksEveryField) {
    boost::json::object good{{"name", "Premium"},   {"price", 3990},    {"currency", "BRL"},
                             {"interval", "month"}, {"max_streams", 4}, {"max_quality", "1080p"}};
    auto plan = parse_plan(good, true);
    ASSERT_TRUE(plan);
    auto applied = apply({}, *plan);
    EXPECT_EQ(applied.price, 3990);
    EXPECT_EQ(applied.trial_days, 0);
    EXPECT_TRUE(applied.active);

    boost::json::object bad{{"name", ""},         {"price", -1},      {"currency", "BRX"},
                            {"interval", "week"}, {"max_streams", 0}, {"max_quality", "4k"},
                            {"trial_days", 400},  {"color", "red"}};
    auto refused = parse_plan(bad, true);
    ASSERT_FALSE(refused);
    std::set<std::string> fields;
    for (const auto& e : refused.error().fields) fields.insert(e.field);
    for (auto f : {"name", "price", "currency", "interval", "max_streams", "max_quality",
                   "trial_days", "color"})
        EXPECT_TRUE(fields.count(f)) << f;
    EXPECT_TRUE(parse_plan({{"price", 10}}, false)) << "a change needs only what changes";
    EXPECT_FALSE(parse_plan({{"price", 10}}, true)) << "a new plan needs every field";
}
