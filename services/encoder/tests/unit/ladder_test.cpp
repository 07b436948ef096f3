#include "src/domain/ladder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>

namespace codeflix::encoder::domain {
namespace {

SourceInfo source(int width, int height, double fps = 30) {
    return SourceInfo{width, height, fps, true, 60};
}

std::vector<std::pair<int, int>> sizes(const std::vector<Rung>& ladder) {
    std::vector<std::pair<int, int>> out;
    for (const auto& rung : ladder) out.emplace_back(rung.width, rung.height);
    return out;
}

using Sizes = std::vector<std::pair<int, int>>;

TEST(Ladder, A4kSourceStopsAt1080p) {
    EXPECT_EQ(sizes(build_ladder(source(3840, 2160))),
              (Sizes{{426, 240}, {640, 360}, {854, 480}, {1280, 720}, {1920, 1080}}));
}

TEST(Ladder, NoRungAboveTheSource) {
    EXPECT_EQ(build_ladder(source(1920, 1080)).size(), 5U);
    EXPECT_EQ(sizes(build_ladder(source(1280, 720))),
              (Sizes{{426, 240}, {640, 360}, {854, 480}, {1280, 720}}));
    EXPECT_EQ(sizes(build_ladder(source(640, 360))), (Sizes{{426, 240}, {640, 360}}));
    EXPECT_EQ(sizes(build_ladder(source(426, 240))), (Sizes{{426, 240}}));
    // 2.4:1 film: the shorter side decides, so the top rung is 720p.
    EXPECT_EQ(build_ladder(source(1920, 800)).back().width, 1728);
}

TEST(Ladder, ASourceBelow240pGetsOneRungAtItsOwnEvenHeight) {
    EXPECT_EQ(sizes(build_ladder(source(356, 200))), (Sizes{{356, 200}}));
    EXPECT_EQ(sizes(build_ladder(source(354, 199))), (Sizes{{352, 198}}));
    EXPECT_EQ(sizes(build_ladder(source(256, 144))), (Sizes{{256, 144}}));
}

TEST(Ladder, PortraitRungsAreNamedByTheShorterSide) {
    auto ladder = build_ladder(source(1080, 1920));
    EXPECT_EQ(sizes(ladder),
              (Sizes{{240, 426}, {360, 640}, {480, 854}, {720, 1280}, {1080, 1920}}));
    EXPECT_EQ(ladder.back().short_side(), 1080);
    EXPECT_EQ(ladder.front().short_side(), 240);
    auto landscape = build_ladder(source(1920, 1080));
    for (std::size_t i = 0; i < ladder.size(); ++i)
        EXPECT_EQ(ladder[i].video_bitrate, landscape[i].video_bitrate);
    // A rotated phone video probed as 360x640 displayed.
    EXPECT_EQ(sizes(build_ladder(source(360, 640))), (Sizes{{240, 426}, {360, 640}}));
}

TEST(Ladder, BitratesFollowTheBitsPerPixelRule) {
    auto ladder = build_ladder(source(1920, 1080));
    EXPECT_EQ(ladder[4].video_bitrate, 6220800);  // 1920 * 1080 * 30 * 0.1
    EXPECT_EQ(ladder[4].maxrate, 9331200);
    EXPECT_EQ(ladder[4].bufsize, 12441600);
    EXPECT_EQ(ladder[3].video_bitrate, 2764800);
    EXPECT_EQ(ladder[0].video_bitrate, 306720);  // 426 * 240 * 30 * 0.1
    EXPECT_EQ(video_bitrate(1920, 1080, 30000.0 / 1001), 6214585);
}

TEST(Ladder, TheRuleCountsFramesBetween24And60PerSecond) {
    EXPECT_EQ(build_ladder(source(1920, 1080, 15)).back().video_bitrate, 4976640);
    EXPECT_EQ(build_ladder(source(1920, 1080, 60)).back().video_bitrate, 12441600);
    EXPECT_EQ(build_ladder(source(1920, 1080, 120)).back().video_bitrate, 12441600);
    EXPECT_EQ(build_ladder(source(1920, 1080, 0)).back().video_bitrate, 6220800);
}

TEST(Ladder, OutputFrameRateKeepsTheSourcesUpTo60) {
    EXPECT_DOUBLE_EQ(output_frame_rate(source(640, 360, 30000.0 / 1001)), 30000.0 / 1001);
    EXPECT_DOUBLE_EQ(output_frame_rate(source(640, 360, 25)), 25);
    EXPECT_DOUBLE_EQ(output_frame_rate(source(640, 360, 120)), 60);
    EXPECT_DOUBLE_EQ(output_frame_rate(source(640, 360, 0)), 30);
    EXPECT_DOUBLE_EQ(output_frame_rate(source(640, 360, std::nan(""))), 30);
}

TEST(Ladder, ScaledEvenMatchesFfmpegsScaleMinusTwo) {
    // Sizes ffmpeg 5.1 gave for scale=320:-2 of these inputs.
    EXPECT_EQ(scaled_even(320, 640, 360), 568);
    EXPECT_EQ(scaled_even(320, 362, 640), 182);
    EXPECT_EQ(scaled_even(320, 800, 1920), 134);
    EXPECT_EQ(scaled_even(320, 576, 720), 256);
    EXPECT_EQ(scaled_even(240, 1280, 720), 426);
    EXPECT_EQ(scaled_even(1, 1, 1000), 2);
}

TEST(Ladder, NoPictureNoLadder) {
    EXPECT_TRUE(build_ladder(source(0, 1080)).empty());
    EXPECT_TRUE(build_ladder(source(1920, -1)).empty());
}

}  // namespace
}  // namespace codeflix::encoder::domain
