#include "progress.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace codeflix::encoder::domain {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

template <typename Number>
std::optional<Number> number_of(std::string_view text) {
    Number value{};
    const char* end = text.data() + text.size();
    auto [at, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || at != end || text.empty()) return std::nullopt;
    return value;
}

/// A time in microseconds; empty for N/A and for the "no time yet" value of ffmpeg 5.1, which
/// starts from INT64_MIN + 1 and prints it when no output has a timestamp.
std::optional<double> microseconds_as_seconds(std::string_view text) {
    auto micros = number_of<std::int64_t>(text);
    if (!micros || *micros <= std::numeric_limits<std::int64_t>::min() + 1) return std::nullopt;
    return static_cast<double>(*micros) / 1e6;
}

/// "01:02:03.500000" (or "-00:00:00.021333") in seconds.
std::optional<double> clock_seconds(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    auto first = text.find(':');
    auto second = first == std::string_view::npos ? first : text.find(':', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    auto hours = number_of<long long>(text.substr(0, first));
    auto minutes = number_of<long long>(text.substr(first + 1, second - first - 1));
    auto seconds = number_of<double>(text.substr(second + 1));
    if (!hours || !minutes || !seconds) return std::nullopt;
    double total = static_cast<double>(*hours * 3600 + *minutes * 60) + *seconds;
    return negative ? -total : total;
}

}  // namespace

std::vector<ProgressBlock> ProgressParser::feed(std::string_view bytes) {
    std::vector<ProgressBlock> completed;
    while (!bytes.empty()) {
        auto newline = bytes.find('\n');
        std::string_view piece = bytes.substr(0, newline);
        bytes.remove_prefix(newline == std::string_view::npos ? bytes.size() : newline + 1);
        if (!dropping_line_ && line_.size() + piece.size() <= kMaxLineBytes) {
            line_.append(piece);
        } else {
            dropping_line_ = true;
            line_.clear();
        }
        if (newline == std::string_view::npos) break;
        if (!dropping_line_) take_line(line_, completed);
        line_.clear();
        dropping_line_ = false;
    }
    return completed;
}

void ProgressParser::take_line(std::string_view line, std::vector<ProgressBlock>& completed) {
    auto equals = line.find('=');
    if (equals == std::string_view::npos) return;
    std::string_view key = trimmed(line.substr(0, equals));
    std::string_view value = trimmed(line.substr(equals + 1));
    if (key == "frame") {
        block_.frame = number_of<std::int64_t>(value).value_or(block_.frame);
    } else if (key == "out_time_us" || key == "out_time_ms" || key == "out_time") {
        int source = key == "out_time_us" ? 3 : key == "out_time_ms" ? 2 : 1;
        if (source < out_time_source_) return;
        out_time_source_ = source;
        block_.out_time_seconds =
            source == 1 ? clock_seconds(value) : microseconds_as_seconds(value);
    } else if (key == "speed") {
        if (!value.empty() && value.back() == 'x') value.remove_suffix(1);
        block_.speed = number_of<double>(trimmed(value));
    } else if (key == "progress") {
        block_.end = value == "end";
        completed.push_back(block_);
        block_ = ProgressBlock{};
        out_time_source_ = 0;
    }
}

int percent(double out_time_seconds, double duration_seconds) {
    if (!std::isfinite(out_time_seconds) || !std::isfinite(duration_seconds) ||
        duration_seconds <= 0)
        return 0;
    double share = std::floor(out_time_seconds / duration_seconds * 100);
    return static_cast<int>(std::clamp(share, 0.0, 99.0));
}

}  // namespace codeflix::encoder::domain
