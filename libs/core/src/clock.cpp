#include <charconv>
#include <codeflix/core/clock.hpp>
#include <cstdio>

namespace codeflix::core {

std::string to_rfc3339(TimePoint t) {
    using namespace std::chrono;
    auto ms = time_point_cast<milliseconds>(t);
    auto days = floor<std::chrono::days>(ms);
    year_month_day ymd{days};
    hh_mm_ss hms{ms - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02d:%02d:%02d.%03dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), 'T', int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()),
                  int(hms.subseconds().count()));
    return buf;
}

namespace {
bool read_int(std::string_view text, std::size_t pos, std::size_t len, int* out) {
    if (pos + len > text.size()) return false;
    auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, *out);
    return ec == std::errc{} && end == text.data() + pos + len;
}
}  // namespace

std::optional<TimePoint> parse_rfc3339(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, frac = 0;
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text.back() != 'Z') {
        return std::nullopt;
    }
    if (!read_int(text, 0, 4, &y) || !read_int(text, 5, 2, &mo) || !read_int(text, 8, 2, &d) ||
        !read_int(text, 11, 2, &h) || !read_int(text, 14, 2, &mi) || !read_int(text, 17, 2, &s)) {
        return std::nullopt;
    }
    if (text.size() == 24) {
        if (text[19] != '.' || !read_int(text, 20, 3, &frac)) return std::nullopt;
    } else if (text.size() != 20) {
        return std::nullopt;
    }
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s} + milliseconds{frac};
}

int year_of(TimePoint t) {
    auto days = std::chrono::floor<std::chrono::days>(t);
    return int(std::chrono::year_month_day{days}.year());
}

std::int64_t unix_seconds(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace codeflix::core
