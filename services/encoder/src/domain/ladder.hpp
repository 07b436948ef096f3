#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace codeflix::encoder::domain {

/// What the encoder needs to know of a probed source. Sizes are as displayed: after the
/// rotation of the display matrix and the sample aspect ratio, so a phone video shot upright is
/// 1080x1920 although its pixels are stored 1920x1080 (ffmpeg rotates it before our filters).
struct SourceInfo {
    int display_width = 0;
    int display_height = 0;
    /// The average frame rate (avg_frame_rate); 0 when unknown.
    double frame_rate = 0;
    bool has_audio = false;
    /// 0 when unknown.
    double duration_seconds = 0;
};

/// One H.264 rendition of the ladder: its size in pixels and its rate control.
struct Rung {
    int height = 0;
    int width = 0;
    /// Bits per second (-b:v).
    std::int64_t video_bitrate = 0;
    /// Bits per second (-maxrate).
    std::int64_t maxrate = 0;
    /// Bits (-bufsize).
    std::int64_t bufsize = 0;

    /// The "p" number players show: the shorter side, so 1920x1080 and 1080x1920 are 1080p.
    int short_side() const { return height < width ? height : width; }
};

/// The standard rungs, named by their shorter side.
constexpr std::array<int, 5> kLadderShortSides{240, 360, 480, 720, 1080};

/// The bitrate rule: bits per pixel of every frame. At 0.1, 1080p30 gets 6.2 Mb/s, 720p30
/// 2.8 Mb/s, 480p30 1.2 Mb/s, 360p30 0.7 Mb/s and 240p30 0.3 Mb/s: H.264 at the veryfast
/// preset looks clean on most content there, and the rule scales with frame rate.
constexpr double kBitsPerPixel = 0.1;
/// The frame rate the rule counts is clamped to this range: a 15 fps screen recording gets
/// the budget of 24 fps, a 120 fps source (encoded at 60) the budget of 60.
constexpr double kRuleMinFrameRate = 24;
constexpr double kRuleMaxFrameRate = 60;
/// VBV: peaks up to 1.5 times the average rate, a buffer of two seconds of the average.
constexpr double kMaxrateFactor = 1.5;
constexpr double kBufsizeFactor = 2;

/// Renditions keep the source's frame rate up to this; faster sources are decimated.
constexpr double kMaxOutputFrameRate = 60;
/// The frame rate of a source that did not report one.
constexpr double kFallbackFrameRate = 30;

/// `side * numerator / denominator` rounded to the nearest even number (halves up), at least 2:
/// the size ffmpeg's scale filter gives the free side of `scale=-2:H` or `scale=W:-2`.
int scaled_even(int side, int numerator, int denominator);

/// The frame rate of every rendition: the source's average rate capped at kMaxOutputFrameRate
/// (ffmpeg's fps filter makes variable-rate sources constant at it); kFallbackFrameRate when
/// the source has none.
double output_frame_rate(const SourceInfo& source);

/// round(width * height * fps * kBitsPerPixel), fps clamped to [kRuleMinFrameRate,
/// kRuleMaxFrameRate].
std::int64_t video_bitrate(int width, int height, double frame_rate);

/// The renditions for `source`, smallest first: every standard rung whose shorter side is not
/// above the source's shorter side (a 4K source stops at 1080p, a 720p source has 4 rungs); a
/// source smaller than the first rung gets one rung at its own shorter side, rounded down to
/// even. The longer side keeps the displayed aspect ratio (scaled_even).
///
/// Rungs are named by the SHORTER side, not by the height: a portrait 1080x1920 phone video gets
/// 240x426 ... 1080x1920, the same pixel counts and bitrates as a landscape 1080p source, where
/// naming by height would have capped it at 1080 pixels tall (608x1080) and thrown away two thirds
/// of its pixels. Empty when a displayed dimension is not positive.
std::vector<Rung> build_ladder(const SourceInfo& source);

}  // namespace codeflix::encoder::domain
