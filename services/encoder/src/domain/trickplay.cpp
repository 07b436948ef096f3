#include "trickplay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "ladder.hpp"

namespace codeflix::encoder::domain {
namespace {

/// A WebVTT timestamp, hh:mm:ss.ttt (hours grow past two digits when they must).
std::string vtt_time(double seconds) {
    long long millis = std::llround(seconds * 1000);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld", millis / 3600000,
                  millis / 60000 % 60, millis / 1000 % 60, millis % 1000);
    return buffer;
}

}  // namespace

int trickplay_tile_height(int tile_width, int display_width, int display_height) {
    return scaled_even(tile_width, display_height, display_width);
}

std::int64_t trickplay_cue_count(double duration_seconds, int interval_seconds) {
    if (!std::isfinite(duration_seconds) || duration_seconds <= 0 || interval_seconds <= 0)
        return 0;
    // A millisecond of slack: a probed 20.0004 s is 20 s of frames, not a third thumbnail.
    double count = std::ceil(duration_seconds / interval_seconds - 0.001 / interval_seconds);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(count));
}

std::string sprite_file_name(std::string_view pattern, std::int64_t number) {
    std::string out;
    bool filled = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out += pattern[i];
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            out += '%';
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        bool zeros = j < pattern.size() && pattern[j] == '0';
        std::size_t width = 0;
        while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9')
            width = width * 10 + static_cast<std::size_t>(pattern[j++] - '0');
        if (filled || j >= pattern.size() || pattern[j] != 'd') {
            out += pattern[i];  // not a number field: kept as written
            continue;
        }
        std::string digits = std::to_string(number);
        if (digits.size() < width) digits.insert(0, width - digits.size(), zeros ? '0' : ' ');
        out += digits;
        filled = true;
        i = j;
    }
    return out;
}

std::string trickplay_vtt(double duration_seconds, int interval_seconds, int tile_width,
                          int tile_height, int columns, int rows,
                          const std::string& sprite_pattern) {
    if (interval_seconds <= 0 || tile_width <= 0 || tile_height <= 0 || columns <= 0 || rows <= 0)
        throw std::invalid_argument("trickplay_vtt: the layout must be positive");
    const std::int64_t tiles = std::int64_t{columns} * rows;
    const std::int64_t leading_blanks = tiles - 1;
    std::string vtt = "WEBVTT\n";
    std::int64_t cues = trickplay_cue_count(duration_seconds, interval_seconds);
    for (std::int64_t cue = 0; cue < cues; ++cue) {
        std::int64_t place = cue + leading_blanks;
        std::int64_t tile = place % tiles;
        std::int64_t sprite = place / tiles + kTrickplayFirstSpriteNumber;
        double start = static_cast<double>(cue) * interval_seconds;
        double end = std::min(start + interval_seconds, duration_seconds);
        vtt += '\n';
        vtt += vtt_time(start) + " --> " + vtt_time(end) + '\n';
        vtt += sprite_file_name(sprite_pattern, sprite) +
               "#xywh=" + std::to_string(tile % columns * tile_width) + ',' +
               std::to_string(tile / columns * tile_height) + ',' + std::to_string(tile_width) +
               ',' + std::to_string(tile_height) + '\n';
    }
    return vtt;
}

}  // namespace codeflix::encoder::domain
