#include "ladder.hpp"

#include <algorithm>
#include <cmath>

namespace codeflix::encoder::domain {

int scaled_even(int side, int numerator, int denominator) {
    if (side <= 0 || numerator <= 0 || denominator <= 0) return 2;
    // floor(x / 2 + 1/2) * 2 with x = side * numerator / denominator, in integers: ffmpeg
    // rounds the half-size to nearest with halves away from zero (av_rescale), then doubles it.
    std::int64_t scaled = std::int64_t{side} * numerator;
    std::int64_t half = (scaled + denominator) / (std::int64_t{2} * denominator);
    return static_cast<int>(std::max<std::int64_t>(half * 2, 2));
}

double output_frame_rate(const SourceInfo& source) {
    if (!std::isfinite(source.frame_rate) || source.frame_rate <= 0) return kFallbackFrameRate;
    return std::min(source.frame_rate, kMaxOutputFrameRate);
}

std::int64_t video_bitrate(int width, int height, double frame_rate) {
    double fps = std::isfinite(frame_rate) ? frame_rate : kFallbackFrameRate;
    fps = std::clamp(fps, kRuleMinFrameRate, kRuleMaxFrameRate);
    return std::llround(static_cast<double>(width) * height * fps * kBitsPerPixel);
}

std::vector<Rung> build_ladder(const SourceInfo& source) {
    if (source.display_width <= 0 || source.display_height <= 0) return {};
    bool landscape = source.display_width >= source.display_height;
    int short_side = landscape ? source.display_height : source.display_width;
    int long_side = landscape ? source.display_width : source.display_height;

    std::vector<int> short_sides;
    for (int side : kLadderShortSides)
        if (side <= short_side) short_sides.push_back(side);
    if (short_sides.empty()) short_sides.push_back(std::max(2, short_side / 2 * 2));

    double fps = output_frame_rate(source);
    std::vector<Rung> ladder;
    for (int side : short_sides) {
        int other = scaled_even(side, long_side, short_side);
        Rung rung;
        rung.height = landscape ? side : other;
        rung.width = landscape ? other : side;
        rung.video_bitrate = video_bitrate(rung.width, rung.height, fps);
        rung.maxrate = std::llround(static_cast<double>(rung.video_bitrate) * kMaxrateFactor);
        rung.bufsize = std::llround(static_cast<double>(rung.video_bitrate) * kBufsizeFactor);
        ladder.push_back(rung);
    }
    return ladder;
}

}  // namespace codeflix::encoder::domain
