#include "src/domain/trickplay.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace codeflix::encoder::domain {
namespace {

std::string vtt(double duration, int tile_height = 180) {
    return trickplay_vtt(duration, kTrickplayIntervalSeconds, kTrickplayTileWidth, tile_height,
                         kTrickplayColumns, kTrickplayRows, std::string(kTrickplaySpritePattern));
}

std::size_t cues_in(const std::string& text) {
    std::size_t cues = 0;
    for (auto at = text.find(" --> "); at != std::string::npos; at = text.find(" --> ", at + 1))
        ++cues;
    return cues;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// The layout ffmpeg wrote for a 25 s clip with the command's tile=10x10:init_padding=99: the
// first sprite holds the 0 s frame in its last tile, the second the 10 s and 20 s frames.
TEST(TrickplayVtt, AShortVideo) {
    EXPECT_EQ(vtt(25),
              "WEBVTT\n"
              "\n"
              "00:00:00.000 --> 00:00:10.000\n"
              "sprite_001.jpg#xywh=2880,1620,320,180\n"
              "\n"
              "00:00:10.000 --> 00:00:20.000\n"
              "sprite_002.jpg#xywh=0,0,320,180\n"
              "\n"
              "00:00:20.000 --> 00:00:25.000\n"
              "sprite_002.jpg#xywh=320,0,320,180\n");
}

TEST(TrickplayVtt, AClipUnderTenSecondsHasOneCue) {
    EXPECT_EQ(vtt(2),
              "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite_001.jpg#xywh=2880,1620,320,180\n");
}

TEST(TrickplayVtt, SpritesFillLeftToRightTopToBottom) {
    auto text = vtt(1005);
    EXPECT_EQ(cues_in(text), 101U);
    EXPECT_TRUE(has(text, "00:00:10.000 --> 00:00:20.000\nsprite_002.jpg#xywh=0,0,320,180\n"));
    EXPECT_TRUE(has(text, "00:01:40.000 --> 00:01:50.000\nsprite_002.jpg#xywh=2880,0,320,180\n"));
    EXPECT_TRUE(has(text, "00:01:50.000 --> 00:02:00.000\nsprite_002.jpg#xywh=0,180,320,180\n"));
    EXPECT_TRUE(
        has(text, "00:16:30.000 --> 00:16:40.000\nsprite_002.jpg#xywh=2560,1620,320,180\n"));
    EXPECT_TRUE(
        text.ends_with("00:16:40.000 --> 00:16:45.000\nsprite_002.jpg#xywh=2880,1620,320,180\n"));
    EXPECT_FALSE(has(text, "sprite_003.jpg"));
    auto longer = vtt(1010.5);
    EXPECT_EQ(cues_in(longer), 102U);
    EXPECT_TRUE(
        longer.ends_with("00:16:50.000 --> 00:16:50.500\nsprite_003.jpg#xywh=0,0,320,180\n"));
}

TEST(TrickplayVtt, HoursAndPortraitTiles) {
    auto text = vtt(3725, 568);
    EXPECT_EQ(cues_in(text), 373U);
    EXPECT_TRUE(
        text.ends_with("01:02:00.000 --> 01:02:05.000\nsprite_005.jpg#xywh=320,3976,320,568\n"));
}

TEST(TrickplayVtt, NoDurationNoCues) {
    EXPECT_EQ(vtt(0), "WEBVTT\n");
    EXPECT_EQ(vtt(-3), "WEBVTT\n");
}

TEST(TrickplayVtt, ABadLayoutIsAProgrammingError) {
    EXPECT_THROW(trickplay_vtt(25, 0, 320, 180, 10, 10, "s_%d.jpg"), std::invalid_argument);
    EXPECT_THROW(trickplay_vtt(25, 10, 320, 180, 0, 10, "s_%d.jpg"), std::invalid_argument);
}

TEST(TrickplayCueCount, IsWhatFfmpegsFpsFilterEmits) {
    // Frames ffmpeg 5.1 emitted with fps=1/10:round=up: 2 s -> 1, 10 s -> 1, 10.5 s -> 2,
    // 21 s -> 3, 25 s -> 3, 30 s -> 3, 31 s -> 4.
    EXPECT_EQ(trickplay_cue_count(2, 10), 1);
    EXPECT_EQ(trickplay_cue_count(10, 10), 1);
    EXPECT_EQ(trickplay_cue_count(10.5, 10), 2);
    EXPECT_EQ(trickplay_cue_count(21, 10), 3);
    EXPECT_EQ(trickplay_cue_count(25, 10), 3);
    EXPECT_EQ(trickplay_cue_count(30, 10), 3);
    EXPECT_EQ(trickplay_cue_count(31, 10), 4);
    EXPECT_EQ(trickplay_cue_count(20.0004, 10), 2);
    EXPECT_EQ(trickplay_cue_count(0.0004, 10), 1);
    EXPECT_EQ(trickplay_cue_count(0, 10), 0);
}

TEST(TrickplayTileHeight, IsWhatScale320Minus2Gives) {
    EXPECT_EQ(trickplay_tile_height(320, 1920, 1080), 180);
    EXPECT_EQ(trickplay_tile_height(320, 1080, 1920), 568);
    EXPECT_EQ(trickplay_tile_height(320, 640, 362), 182);
    EXPECT_EQ(trickplay_tile_height(320, 1920, 800), 134);
    EXPECT_EQ(trickplay_tile_height(320, 720, 576), 256);
}

TEST(SpriteFileName, FillsThePrintfField) {
    EXPECT_EQ(sprite_file_name("sprite_%03d.jpg", 7), "sprite_007.jpg");
    EXPECT_EQ(sprite_file_name("sprite_%03d.jpg", 1234), "sprite_1234.jpg");
    EXPECT_EQ(sprite_file_name("s_%d.jpg", 12), "s_12.jpg");
    EXPECT_EQ(sprite_file_name("s_%4d.jpg", 12), "s_  12.jpg");
    EXPECT_EQ(sprite_file_name("100%%_%02d_%d", 3), "100%_03_%d");
    EXPECT_EQ(sprite_file_name("plain.jpg", 3), "plain.jpg");
}

}  // namespace
}  // namespace codeflix::encoder::domain
