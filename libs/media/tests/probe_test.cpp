#include <gtest/gtest.h>

#include <chrono>
#include <codeflix/media/probe.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <variant>

using namespace codeflix::media;
namespace fs = std::filesystem;

namespace {

ProbeResult result_of(const ProbeOutcome& outcome) {
    if (const auto* failure = std::get_if<ProbeFailure>(&outcome)) {
        ADD_FAILURE() << "probe failed: " << failure->reason;
        return {};
    }
    return std::get<ProbeResult>(outcome);
}

std::string failure_of(const ProbeOutcome& outcome) {
    if (const auto* failure = std::get_if<ProbeFailure>(&outcome)) return failure->reason;
    ADD_FAILURE() << "probe succeeded where it should have failed";
    return {};
}

/// The reason check_complete gives, or "" when it finds the file complete.
std::string incompleteness(const fs::path& file) {
    const auto failure = check_complete(file);
    return failure ? failure->reason : "";
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

class ProbeTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "codeflix-media-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }

    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    /// Writes `name` with the ffmpeg CLI. ffmpeg is a required dependency of the platform, so a
    /// missing or failing ffmpeg fails the test rather than skipping it.
    fs::path ffmpeg(const std::string& name, const std::string& arguments) {
        const fs::path out = dir_ / name;
        const std::string command =
            "ffmpeg -nostdin -hide_banner -v error -y " + arguments + " " + quoted(out);
        if (std::system(command.c_str()) != 0) {
            throw std::runtime_error("ffmpeg (required) failed or is missing: " + command);
        }
        return out;
    }

    /// A 320x240 25 fps H.264 and/or 1 kHz mono AAC clip of `seconds`.
    fs::path clip(const std::string& name, int seconds, bool video, bool audio,
                  const std::string& options = "-movflags +faststart") {
        const std::string d = std::to_string(seconds);
        std::string arguments;
        if (video) arguments += "-f lavfi -i testsrc2=s=320x240:r=25:d=" + d + " ";
        if (audio) arguments += "-f lavfi -i sine=f=1000:d=" + d + " ";
        if (video) arguments += "-c:v libx264 -preset ultrafast -pix_fmt yuv420p ";
        if (audio) arguments += "-c:a aac ";
        return ffmpeg(name, arguments + options);
    }

    fs::path rotated(const fs::path& source, int rotate_tag) {
        return ffmpeg(
            "rotated" + std::to_string(rotate_tag) + ".mp4",
            "-i " + quoted(source) + " -c copy -metadata:s:v rotate=" + std::to_string(rotate_tag));
    }

    fs::path text_file(const std::string& name, const std::string& content) {
        const fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    fs::path dir_;
};

TEST_F(ProbeTest, DescribesAnMp4WithVideoAndAudio) {
    const fs::path file = clip("normal.mp4", 2, true, true);
    const ProbeResult result = result_of(probe(file));
    EXPECT_EQ(result.format_name, "mov,mp4,m4a,3gp,3g2,mj2");
    EXPECT_NEAR(result.duration_seconds, 2.0, 0.1);
    EXPECT_GT(result.bit_rate, 0);
    EXPECT_TRUE(result.has_video);
    EXPECT_TRUE(result.has_audio);
    EXPECT_EQ(result.video_codec, "h264");
    EXPECT_EQ(result.audio_codec, "aac");
    EXPECT_EQ(result.width, 320);
    EXPECT_EQ(result.height, 240);
    EXPECT_EQ(result.rotation, 0);
    EXPECT_EQ(result.display_width, 320);
    EXPECT_EQ(result.display_height, 240);
    EXPECT_NEAR(result.frame_rate, 25.0, 0.01);
    EXPECT_FALSE(result.variable_frame_rate);
    EXPECT_EQ(result.audio_channels, 1);
    EXPECT_EQ(result.audio_sample_rate, 44100);
    EXPECT_EQ(result.pixel_format, "yuv420p");
    EXPECT_EQ(incompleteness(file), "");
}

TEST_F(ProbeTest, VideoOnlyAndAudioOnlyFiles) {
    const ProbeResult video = result_of(probe(clip("video.mp4", 2, true, false)));
    EXPECT_TRUE(video.has_video);
    EXPECT_FALSE(video.has_audio);
    EXPECT_EQ(video.audio_codec, "");
    EXPECT_EQ(video.audio_channels, 0);
    EXPECT_EQ(video.width, 320);

    const fs::path audio_file = clip("audio.m4a", 2, false, true);
    const ProbeResult audio = result_of(probe(audio_file));
    EXPECT_FALSE(audio.has_video);
    EXPECT_TRUE(audio.has_audio);
    EXPECT_EQ(audio.video_codec, "");
    EXPECT_EQ(audio.width, 0);
    EXPECT_EQ(audio.display_height, 0);
    EXPECT_EQ(audio.frame_rate, 0);
    EXPECT_EQ(audio.audio_codec, "aac");
    EXPECT_NEAR(audio.duration_seconds, 2.0, 0.1);
    EXPECT_EQ(incompleteness(audio_file), "");
}

// Verified with ffmpeg 5.1: `-c copy -metadata:s:v rotate=270` writes the QuickTime matrix
// 0 1 -1 0 (a phone's portrait recording; ffprobe side data rotation=-90) and ffmpeg's autorotate
// turns that frame clockwise; `rotate=90` writes 0 -1 1 0 (ffprobe rotation=90), which ffmpeg
// turns counter-clockwise, i.e. 270 degrees clockwise.
TEST_F(ProbeTest, RotationIsTheClockwiseTurnThatShowsTheFrameUpright) {
    const fs::path source = clip("source.mp4", 1, true, false);

    const ProbeResult portrait = result_of(probe(rotated(source, 270)));
    EXPECT_EQ(portrait.rotation, 90);
    EXPECT_EQ(portrait.width, 320);
    EXPECT_EQ(portrait.height, 240);
    EXPECT_EQ(portrait.display_width, 240);
    EXPECT_EQ(portrait.display_height, 320);

    const ProbeResult other_way = result_of(probe(rotated(source, 90)));
    EXPECT_EQ(other_way.rotation, 270);
    EXPECT_EQ(other_way.display_width, 240);
    EXPECT_EQ(other_way.display_height, 320);

    const ProbeResult upside_down = result_of(probe(rotated(source, 180)));
    EXPECT_EQ(upside_down.rotation, 180);
    EXPECT_EQ(upside_down.display_width, 320);
    EXPECT_EQ(upside_down.display_height, 240);
}

TEST_F(ProbeTest, FilesThatAreNotMediaAreNamedAsSuch) {
    const fs::path notes = text_file("notes", "Hello, this is a text file, not a video.\n");
    EXPECT_EQ(failure_of(probe(notes)), "not a media file ffmpeg can read");
    EXPECT_EQ(failure_of(probe(text_file("empty", ""))), "file is empty");
    EXPECT_EQ(failure_of(probe(dir_ / "missing.mp4")), "file not found");
    EXPECT_EQ(failure_of(probe(dir_)), "not a regular file");
    const auto incomplete = check_complete(notes);
    ASSERT_TRUE(incomplete.has_value());
    EXPECT_EQ(incomplete->reason, "not a media file ffmpeg can read");
}

TEST_F(ProbeTest, TruncatedFaststartMp4PassesTheHeaderButNotTheCompletenessCheck) {
    const fs::path file = clip("long.mp4", 8, true, true);
    fs::resize_file(file, fs::file_size(file) / 2);
    // The moov box is at the start, so the header may still read fine.
    const ProbeOutcome outcome = probe(file);
    if (const auto* result = std::get_if<ProbeResult>(&outcome)) {
        EXPECT_TRUE(result->has_video);
        EXPECT_NEAR(result->duration_seconds, 8.0, 0.1);
    } else {
        EXPECT_FALSE(std::get<ProbeFailure>(outcome).reason.empty());
    }
    const auto incomplete = check_complete(file);
    ASSERT_TRUE(incomplete.has_value());
    EXPECT_NE(incomplete->reason.find("truncated"), std::string::npos) << incomplete->reason;
}

TEST_F(ProbeTest, ShortTruncatedMp4IsCaughtByItsSampleTable) {
    // Half of a 2 s clip is 1 s of media: within the 2 s tolerance of the timestamp check.
    const fs::path file = clip("short.mp4", 2, true, true);
    fs::resize_file(file, fs::file_size(file) / 2);
    const auto incomplete = check_complete(file);
    ASSERT_TRUE(incomplete.has_value());
    EXPECT_EQ(incomplete->reason.rfind("file is truncated: its index refers to", 0), 0u)
        << incomplete->reason;
}

TEST_F(ProbeTest, TruncatedMatroskaFailsTheCompletenessCheck) {
    const fs::path file = clip("long.mkv", 8, true, true, "");
    ASSERT_EQ(incompleteness(file), "");
    fs::resize_file(file, fs::file_size(file) / 2);
    const auto incomplete = check_complete(file);
    ASSERT_TRUE(incomplete.has_value());
    EXPECT_NE(incomplete->reason.find("truncated"), std::string::npos) << incomplete->reason;
}

TEST_F(ProbeTest, Mp4CutBeforeItsMoovBoxIsReportedAsTruncated) {
    const fs::path file = clip("plain.mp4", 2, true, false, "");  // moov written last
    fs::resize_file(file, fs::file_size(file) / 2);
    EXPECT_EQ(failure_of(probe(file)),
              "file is truncated or corrupt: it starts like mp4 but ffmpeg cannot read its header");
}

TEST_F(ProbeTest, StillImageIsCoherent) {
    const fs::path file = ffmpeg("still.png", "-f lavfi -i testsrc2=s=320x240 -frames:v 1");
    const ProbeOutcome outcome = probe(file);
    if (const auto* result = std::get_if<ProbeResult>(&outcome)) {
        EXPECT_TRUE(result->has_video);
        EXPECT_FALSE(result->has_audio);
        EXPECT_EQ(result->width, 320);
        EXPECT_EQ(result->height, 240);
        EXPECT_EQ(result->display_width, 320);
        EXPECT_GE(result->duration_seconds, 0);
    } else {
        EXPECT_FALSE(std::get<ProbeFailure>(outcome).reason.empty());
    }
}

TEST_F(ProbeTest, PlaylistsMayNotPullInOtherFiles) {
    const fs::path source = clip("source.mp4", 2, true, true);
    const fs::path segment = ffmpeg("segment.ts", "-i " + quoted(source) + " -c copy -f mpegts");
    EXPECT_EQ(result_of(probe(segment)).format_name, "mpegts");
    // Stock ffprobe follows this playlist to segment.ts, even without the .m3u8 extension.
    const fs::path playlist = text_file("playlist.m3u8",
                                        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                                        "#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.0,\nsegment.ts\n"
                                        "#EXT-X-ENDLIST\n");
    EXPECT_EQ(failure_of(probe(playlist)),
              "file refers to other files or URLs (a playlist or a reference), which is not "
              "allowed");
}

TEST_F(ProbeTest, GivesUpAfterTheTimeout) {
    const fs::path file = clip("normal.mp4", 1, true, false);
    const std::string reason = failure_of(probe(file, std::chrono::milliseconds(0)));
    EXPECT_EQ(reason.rfind("reading the file took longer than", 0), 0u) << reason;
    const auto incomplete = check_complete(file, std::chrono::milliseconds(0));
    ASSERT_TRUE(incomplete.has_value());
    EXPECT_EQ(incomplete->reason.rfind("reading the file took longer than", 0), 0u);
}
