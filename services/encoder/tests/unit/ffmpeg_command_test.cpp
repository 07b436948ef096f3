#include "src/domain/ffmpeg_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace codeflix::encoder::domain {
namespace {

using Argv = std::vector<std::string>;

const SourceInfo kSmallWithAudio{640, 360, 30, true, 10};

Argv command(const SourceInfo& source, const EncodeOptions& options = {},
             const std::filesystem::path& output = "/out/enc") {
    return build_encode_command("ffmpeg", "/in/source.mp4", output, source, build_ladder(source),
                                options);
}

/// The argument after the `nth` occurrence of `flag`; empty when there is none.
std::string after(const Argv& argv, std::string_view flag, int nth = 0) {
    for (std::size_t i = 0; i + 1 < argv.size(); ++i)
        if (argv[i] == flag && nth-- == 0) return argv[i + 1];
    return {};
}

long count(const Argv& argv, std::string_view arg) {
    return std::count(argv.begin(), argv.end(), arg);
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// The command line checked with ffmpeg 5.1: exit 0, two rungs with keyframes at 0, 2, 4, 6,
// 8 s, 4 s segments shared by both manifests, poster and sprite, progress from the start.
TEST(FfmpegCommand, TwoRungsWithAudioAsVerified) {
    // clang-format off
    Argv expected{
        "ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-v", "error", "-y",
        "-progress", "pipe:1", "-protocol_whitelist", "file", "-i", "file:/in/source.mp4",
        "-filter_complex",
        "[0:v]fps=30,split=4[s0][s1][s2][s3];"
        "[s0]scale=426:240,format=yuv420p[v0];"
        "[s1]scale=640:360,format=yuv420p[v1];"
        "[s2]trim=end_frame=101,select='eq(n,0)+eq(n,100)',scale=640:360,setsar=1[poster];"
        "[s3]fps=1/10:round=up,scale=320:180,setsar=1,tile=10x10:init_padding=99[trickplay]",
        "-map", "[v0]", "-map", "[v1]", "-map", "0:a:0",
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
        "-b:v:0", "306720", "-maxrate:v:0", "460080", "-bufsize:v:0", "613440",
        "-b:v:1", "691200", "-maxrate:v:1", "1036800", "-bufsize:v:1", "1382400",
        "-g", "60", "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
        "-forced-idr", "1", "-x264-params", "open-gop=0", "-fps_mode", "cfr",
        "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
        "-f", "dash", "-dash_segment_type", "mp4", "-seg_duration", "4",
        "-use_template", "1", "-use_timeline", "0",
        "-hls_playlist", "1", "-hls_master_name", "master.m3u8",
        "-init_seg_name", "init_$RepresentationID$.m4s",
        "-media_seg_name", "chunk_$RepresentationID$_$Number%05d$.m4s",
        "-adaptation_sets", "id=0,streams=v id=1,streams=a",
        "file:/out/enc/manifest.mpd",
        "-map", "[poster]", "-fps_mode", "passthrough", "-update", "1", "-q:v", "3",
        "-f", "image2", "file:/out/enc/poster.jpg",
        "-map", "[trickplay]", "-fps_mode", "passthrough", "-enc_time_base", "1/1000",
        "-q:v", "5", "-start_number", "1",
        "-f", "image2", "file:/out/enc/trickplay/sprite_%03d.jpg"};
    // clang-format on
    EXPECT_EQ(command(kSmallWithAudio), expected);
}

TEST(FfmpegCommand, AVideoWithoutAudioHasNoAudioOutput) {
    auto argv = command(SourceInfo{640, 360, 25, false, 8});
    EXPECT_EQ(count(argv, "-c:a"), 0);
    EXPECT_EQ(count(argv, "0:a:0"), 0);
    EXPECT_EQ(after(argv, "-adaptation_sets"), "id=0,streams=v");
    EXPECT_EQ(after(argv, "-g"), "50");
}

TEST(FfmpegCommand, ATrailerHasAPosterButNoTrickplay) {
    EncodeOptions trailer;
    trailer.trickplay = false;
    auto argv = command(kSmallWithAudio, trailer);
    auto graph = after(argv, "-filter_complex");
    EXPECT_TRUE(has(graph, "split=3[s0][s1][s2];"));
    EXPECT_TRUE(has(graph, "[poster]"));
    EXPECT_FALSE(has(graph, "tile="));
    EXPECT_EQ(count(argv, "[trickplay]"), 0);
    EXPECT_EQ(argv.back(), "file:/out/enc/poster.jpg");
}

TEST(FfmpegCommand, WithoutImagesItIsTheLadderAlone) {
    EncodeOptions ladder_only;
    ladder_only.images = false;
    ladder_only.preset = "medium";
    auto argv = command(kSmallWithAudio, ladder_only);
    auto graph = after(argv, "-filter_complex");
    EXPECT_EQ(graph,
              "[0:v]fps=30,split=2[s0][s1];[s0]scale=426:240,format=yuv420p[v0];"
              "[s1]scale=640:360,format=yuv420p[v1]");
    EXPECT_EQ(after(argv, "-preset"), "medium");
    EXPECT_EQ(argv.back(), "file:/out/enc/manifest.mpd");
    EXPECT_EQ(count(argv, "image2"), 0);
}

TEST(FfmpegCommand, ThreadsLimitTheDecoderTheFiltersAndEveryEncoder) {
    EncodeOptions options;
    options.threads = 2;
    auto argv = command(kSmallWithAudio, options);
    EXPECT_EQ(count(argv, "-threads"), 4);  // decoder, CMAF, poster, sprites
    EXPECT_EQ(after(argv, "-filter_complex_threads"), "2");
    auto position = [&argv](std::string_view arg) {
        return std::find(argv.begin(), argv.end(), arg) - argv.begin();
    };
    EXPECT_LT(position("-threads"), position("-i"));
    EXPECT_EQ(count(command(kSmallWithAudio), "-threads"), 0);
}

TEST(FfmpegCommand, FrameRateIsExactAndGopsLastTwoSeconds) {
    auto ntsc = command(SourceInfo{1280, 720, 30000.0 / 1001, true, 12});
    EXPECT_TRUE(after(ntsc, "-filter_complex").starts_with("[0:v]fps=30000/1001,split=6"));
    EXPECT_EQ(after(ntsc, "-g"), "60");
    auto film = command(SourceInfo{1280, 720, 24000.0 / 1001, true, 12});
    EXPECT_TRUE(after(film, "-filter_complex").starts_with("[0:v]fps=24000/1001,"));
    EXPECT_EQ(after(film, "-g"), "48");
    auto fast = command(SourceInfo{1280, 720, 120, true, 12});
    EXPECT_TRUE(after(fast, "-filter_complex").starts_with("[0:v]fps=60,"));
    EXPECT_EQ(after(fast, "-g"), "120");
    auto odd = command(SourceInfo{1280, 720, 12.5, true, 12});
    EXPECT_TRUE(after(odd, "-filter_complex").starts_with("[0:v]fps=12500/1000,"));
    EXPECT_EQ(after(odd, "-g"), "25");
}

TEST(FfmpegCommand, EveryRungHasItsBitrates) {
    SourceInfo full_hd{1920, 1080, 30, true, 60};
    auto argv = command(full_hd);
    auto ladder = build_ladder(full_hd);
    for (std::size_t i = 0; i < ladder.size(); ++i) {
        std::string v = ":v:" + std::to_string(i);
        EXPECT_EQ(after(argv, "-b" + v), std::to_string(ladder[i].video_bitrate));
        EXPECT_EQ(after(argv, "-maxrate" + v), std::to_string(ladder[i].maxrate));
        EXPECT_EQ(after(argv, "-bufsize" + v), std::to_string(ladder[i].bufsize));
        EXPECT_EQ(count(argv, "[v" + std::to_string(i) + "]"), 1);
    }
    EXPECT_EQ(after(argv, "-b:v:4"), "6220800");
}

TEST(FfmpegCommand, PortraitAnd4kSizes) {
    auto portrait = after(command(SourceInfo{1080, 1920, 30, true, 60}), "-filter_complex");
    EXPECT_TRUE(has(portrait, "[s4]scale=1080:1920,format=yuv420p[v4]"));
    EXPECT_TRUE(has(portrait, "scale=1080:1920,setsar=1[poster]"));
    EXPECT_TRUE(has(portrait, "scale=320:568,setsar=1,tile=10x10"));
    auto uhd = after(command(SourceInfo{3840, 2160, 30, true, 60}), "-filter_complex");
    EXPECT_TRUE(has(uhd, "scale=1280:720,setsar=1[poster]"));
    EXPECT_TRUE(has(uhd, "[s4]scale=1920:1080,format=yuv420p[v4]"));
    EXPECT_EQ(poster_size(SourceInfo{2160, 3840, 30, true, 60}).height, 2276);
    EXPECT_EQ(poster_size(SourceInfo{853, 480, 30, true, 60}).width, 852);
}

TEST(FfmpegCommand, ThePosterIsAThirdOfTheWayInOrTheFirstFrame) {
    auto film = after(command(SourceInfo{640, 360, 25, true, 5400}), "-filter_complex");
    EXPECT_TRUE(has(film, "trim=end_frame=45001,select='eq(n,0)+eq(n,45000)',scale="));
    auto clip = after(command(SourceInfo{640, 360, 30, true, 2}), "-filter_complex");
    EXPECT_TRUE(has(clip, "trim=end_frame=21,select='eq(n,0)+eq(n,20)',scale="));
    auto unknown = after(command(SourceInfo{640, 360, 30, true, 0}), "-filter_complex");
    EXPECT_TRUE(has(unknown, "[s2]trim=end_frame=1,scale=640:360,setsar=1[poster]"));
}

TEST(FfmpegCommand, PathsAreFileUrlsAndOnlyTheSpritePatternEscapesPercent) {
    auto argv = build_encode_command("/usr/bin/ffmpeg", "-odd:name.mov", "/out/100%/-x",
                                     kSmallWithAudio, build_ladder(kSmallWithAudio), {});
    EXPECT_EQ(argv.front(), "/usr/bin/ffmpeg");
    EXPECT_EQ(after(argv, "-i"), "file:-odd:name.mov");
    EXPECT_EQ(count(argv, "file:/out/100%/-x/manifest.mpd"), 1);
    EXPECT_EQ(count(argv, "file:/out/100%/-x/poster.jpg"), 1);
    EXPECT_EQ(argv.back(), "file:/out/100%%/-x/trickplay/sprite_%03d.jpg");
}

TEST(FfmpegCommand, NoRungsIsAProgrammingError) {
    EXPECT_THROW(build_encode_command("ffmpeg", "in", "out", kSmallWithAudio, {}, {}),
                 std::invalid_argument);
}

TEST(FfmpegCommand, KnowsX264Presets) {
    EXPECT_TRUE(is_x264_preset("veryfast"));
    EXPECT_TRUE(is_x264_preset("placebo"));
    EXPECT_FALSE(is_x264_preset("VeryFast"));
    EXPECT_FALSE(is_x264_preset("veryfast -x"));
    EXPECT_FALSE(is_x264_preset(""));
}

}  // namespace
}  // namespace codeflix::encoder::domain
