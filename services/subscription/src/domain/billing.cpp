#include "billing.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace codeflix::subscription::domain {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Active ISO 4217 codes (2024 list, funds and precious metals left out).
constexpr auto kCurrencies = std::to_array<std::string_view>(
    {"AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
     "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
     "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
     "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
     "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
     "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
     "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
     "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
     "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
     "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
     "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
     "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL"});

constexpr std::array<std::string_view, 3> kQualities = {"480p", "720p", "1080p"};

std::int64_t annual(std::int64_t price, std::string_view interval) {
    return interval == "month" ? price * 12 : price;
}

/// a * b / c rounded half up, for non-negative values (b <= c keeps it within 64 bits for
/// prices below 2^31 minor units per second of a period).
std::int64_t share(std::int64_t a, std::int64_t b, std::int64_t c) {
    if (c <= 0) return 0;
    long double exact =
        static_cast<long double>(a) * static_cast<long double>(b) / static_cast<long double>(c);
    return static_cast<std::int64_t>(std::floor(exact + 0.5L));
}

}  // namespace

bool is_currency(std::string_view code) {
    return std::binary_search(kCurrencies.begin(), kCurrencies.end(), code);
}

bool is_quality(std::string_view quality) { return quality_rank(quality) > 0; }

int quality_rank(std::string_view quality) {
    for (std::size_t i = 0; i < kQualities.size(); ++i) {
        if (kQualities[i] == quality) return static_cast<int>(i) + 1;
    }
    return 0;
}

bool is_interval(std::string_view interval) { return interval == "month" || interval == "year"; }

TimePoint add_intervals(TimePoint anchor, std::string_view interval, int count) {
    auto day = floor<days>(anchor);
    auto time_of_day = anchor - day;
    year_month_day ymd{day};
    int months = interval == "year" ? 12 * count : count;
    auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    auto last =
        std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
    auto d = std::min(ymd.day(), last.day());
    return sys_days{ym / d} + time_of_day;
}

TimePoint next_period_end(TimePoint anchor, std::string_view interval, TimePoint after) {
    // Estimate the count from the elapsed time, then step to the first boundary after `after`.
    auto elapsed = std::chrono::duration_cast<days>(after - anchor).count();
    int count =
        interval == "year" ? static_cast<int>(elapsed / 366) : static_cast<int>(elapsed / 31);
    count = std::max(count, 1);
    while (count > 1 && add_intervals(anchor, interval, count - 1) > after) --count;
    while (add_intervals(anchor, interval, count) <= after) ++count;
    return add_intervals(anchor, interval, count);
}

std::int64_t proration(std::int64_t old_price, std::string_view old_interval,
                       std::int64_t new_price, std::string_view new_interval,
                       TimePoint period_start, TimePoint period_end, TimePoint now) {
    using std::chrono::seconds;
    auto length = std::chrono::duration_cast<seconds>(period_end - period_start).count();
    auto left = std::chrono::duration_cast<seconds>(period_end - now).count();
    left = std::clamp<std::int64_t>(left, 0, std::max<std::int64_t>(length, 0));
    std::int64_t unused = share(old_price, left, length);
    std::int64_t due =
        old_interval == new_interval ? share(new_price, left, length) - unused : new_price - unused;
    return std::max<std::int64_t>(due, 0);
}

bool is_upgrade(std::int64_t old_price, std::string_view old_interval, std::int64_t new_price,
                std::string_view new_interval) {
    return annual(new_price, new_interval) >= annual(old_price, old_interval);
}

std::optional<TimePoint> next_payment_attempt(TimePoint first_failure, int failed_attempts,
                                              const std::vector<int>& retry_days) {
    auto index = static_cast<std::size_t>(std::max(failed_attempts, 1) - 1);
    if (index >= retry_days.size()) return std::nullopt;
    return first_failure + days(retry_days[index]);
}

std::optional<CardCheck> read_card_number(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ' ' && c != '-') {
            return std::nullopt;
        }
        if (digits.size() > 19) return std::nullopt;
    }
    if (digits.size() < 12) return std::nullopt;
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    if (sum % 10 != 0) return std::nullopt;
    std::string brand = "unknown";
    auto prefix = [&](std::size_t n) { return std::stoi(digits.substr(0, n)); };
    if (digits[0] == '4') {
        brand = "visa";
    } else if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720)) {
        brand = "mastercard";
    } else if (prefix(2) == 34 || prefix(2) == 37) {
        brand = "amex";
    } else if (prefix(4) == 6011 || prefix(2) == 65) {
        brand = "discover";
    }
    return CardCheck{brand, digits.substr(digits.size() - 4), digits};
}

bool card_expired(int exp_month, int exp_year, TimePoint now) {
    year_month_day today{floor<days>(now)};
    int year = static_cast<int>(today.year());
    int month = static_cast<int>(static_cast<unsigned>(today.month()));
    return exp_year < year || (exp_year == year && exp_month < month);
}

}  // namespace codeflix::subscription::domain
