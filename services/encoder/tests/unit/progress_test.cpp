#include "src/domain/progress.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace codeflix::encoder::domain {
namespace {

// Two reports of ffmpeg 5.1 for a 10 s encode, as written to -progress pipe:1.
const std::string kTwoReports =
    "frame=77\nfps=0.00\nstream_0_0_q=27.0\nstream_0_1_q=29.0\nstream_1_0_q=0.0\n"
    "bitrate=N/A\ntotal_size=N/A\nout_time_us=2624000\nout_time_ms=2624000\n"
    "out_time=00:00:02.624000\ndup_frames=0\ndrop_frames=0\nspeed=4.86x\nprogress=continue\n"
    "frame=300\nfps=138.44\nstream_0_0_q=-1.0\nstream_0_1_q=-1.0\nbitrate=N/A\n"
    "total_size=N/A\nout_time_us=10026667\nout_time_ms=10026667\nout_time=00:00:10.026667\n"
    "dup_frames=0\ndrop_frames=0\nspeed= 531x\nprogress=end\n";

void expect_the_two_reports(const std::vector<ProgressBlock>& blocks) {
    ASSERT_EQ(blocks.size(), 2U);
    EXPECT_EQ(blocks[0].frame, 77);
    EXPECT_DOUBLE_EQ(*blocks[0].out_time_seconds, 2.624);
    EXPECT_DOUBLE_EQ(*blocks[0].speed, 4.86);
    EXPECT_FALSE(blocks[0].end);
    EXPECT_EQ(blocks[1].frame, 300);
    EXPECT_DOUBLE_EQ(*blocks[1].out_time_seconds, 10.026667);
    EXPECT_DOUBLE_EQ(*blocks[1].speed, 531);
    EXPECT_TRUE(blocks[1].end);
}

TEST(ProgressParser, ReadsFfmpegReports) {
    ProgressParser parser;
    expect_the_two_reports(parser.feed(kTwoReports));
}

TEST(ProgressParser, LinesMaySplitAtAnyByte) {
    for (std::size_t at = 0; at <= kTwoReports.size(); ++at) {
        ProgressParser parser;
        auto blocks = parser.feed(std::string_view(kTwoReports).substr(0, at));
        for (auto& block : parser.feed(std::string_view(kTwoReports).substr(at)))
            blocks.push_back(block);
        SCOPED_TRACE("split at " + std::to_string(at));
        expect_the_two_reports(blocks);
    }
}

TEST(ProgressParser, ByteByByte) {
    ProgressParser parser;
    std::vector<ProgressBlock> blocks;
    for (char c : kTwoReports)
        for (auto& block : parser.feed(std::string_view(&c, 1))) blocks.push_back(block);
    expect_the_two_reports(blocks);
}

TEST(ProgressParser, OutTimeMsIsMicrosecondsAndOutTimeIsAClock) {
    ProgressParser parser;
    auto blocks = parser.feed(
        "out_time_ms=1500000\nprogress=continue\n"
        "out_time=01:02:03.500000\nprogress=continue\n"
        "out_time=00:00:07.000000\nout_time_us=2000000\nout_time=00:00:09.000000\n"
        "progress=continue\n");
    ASSERT_EQ(blocks.size(), 3U);
    EXPECT_DOUBLE_EQ(*blocks[0].out_time_seconds, 1.5);
    EXPECT_DOUBLE_EQ(*blocks[1].out_time_seconds, 3723.5);
    EXPECT_DOUBLE_EQ(*blocks[2].out_time_seconds, 2);
}

TEST(ProgressParser, UnknownValuesLeaveFieldsEmpty) {
    ProgressParser parser;
    auto blocks = parser.feed(
        "frame=0\nout_time_us=N/A\nout_time_ms=N/A\nout_time=N/A\nspeed=N/A\nprogress=continue\n"
        "out_time_us=-9223372036854775807\nout_time_ms=-9223372036854775807\n"
        "out_time=-2562047788:00:54.775807\nspeed=N/A\nprogress=continue\n"
        "out_time_us=-21333\nspeed=abc\nframe=x\nprogress=continue\n");
    ASSERT_EQ(blocks.size(), 3U);
    EXPECT_FALSE(blocks[0].out_time_seconds);
    EXPECT_FALSE(blocks[0].speed);
    EXPECT_FALSE(blocks[1].out_time_seconds);
    EXPECT_DOUBLE_EQ(*blocks[2].out_time_seconds, -0.021333);
    EXPECT_FALSE(blocks[2].speed);
    EXPECT_EQ(blocks[2].frame, 0);
}

TEST(ProgressParser, ToleratesCarriageReturnsBlankLinesAndNoise) {
    ProgressParser parser;
    auto blocks = parser.feed("\r\nnoise\n=\nframe=5\r\nout_time_us=1000000\r\nprogress=end\r\n");
    ASSERT_EQ(blocks.size(), 1U);
    EXPECT_EQ(blocks[0].frame, 5);
    EXPECT_DOUBLE_EQ(*blocks[0].out_time_seconds, 1);
    EXPECT_TRUE(blocks[0].end);
}

TEST(ProgressParser, DropsOverlongLinesWithoutBufferingThem) {
    ProgressParser parser;
    std::string flood(ProgressParser::kMaxLineBytes * 3, 'x');
    EXPECT_TRUE(parser.feed("frame=9\nout_time_us=" + flood).empty());
    EXPECT_TRUE(parser.feed(flood).empty());
    auto blocks = parser.feed("3\nprogress=continue\n");
    ASSERT_EQ(blocks.size(), 1U);
    EXPECT_EQ(blocks[0].frame, 9);
    EXPECT_FALSE(blocks[0].out_time_seconds);
}

TEST(ProgressParser, KeepsAnUnfinishedBlockForLater) {
    ProgressParser parser;
    EXPECT_TRUE(parser.feed("frame=1\nout_time_us=500000\n").empty());
    auto blocks = parser.feed("progress=continue\nframe=2\n");
    ASSERT_EQ(blocks.size(), 1U);
    EXPECT_DOUBLE_EQ(*blocks[0].out_time_seconds, 0.5);
}

TEST(Percent, RoundsDownAndStaysBelow100) {
    EXPECT_EQ(percent(5, 10), 50);
    EXPECT_EQ(percent(9.99, 10), 99);
    EXPECT_EQ(percent(10, 10), 99);
    EXPECT_EQ(percent(1000, 10), 99);
    EXPECT_EQ(percent(0.05, 10), 0);
    EXPECT_EQ(percent(-0.02, 10), 0);
    EXPECT_EQ(percent(5, 0), 0);
    EXPECT_EQ(percent(std::nan(""), 10), 0);
    EXPECT_EQ(percent(5, std::nan("")), 0);
}

}  // namespace
}  // namespace codeflix::encoder::domain
