#include "src/domain/capped_manifests.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace codeflix::encoder::domain {
namespace {

// ffmpeg's output for a 1080p source with audio (the 720p one in var/storage plus its top rung).
constexpr std::string_view kMaster1080 = R"(#EXTM3U
#EXT-X-VERSION:7
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_A1",NAME="audio_5",DEFAULT=YES,URI="media_5.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=439120,RESOLUTION=426x240,CODECS="avc1.640015,mp4a.40.2",AUDIO="group_A1"
media_0.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=824120,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_A1"
media_1.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=1362120,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_A1"
media_2.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=2897120,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_A1"
media_3.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=6349120,RESOLUTION=1920x1080,CODECS="avc1.640028,mp4a.40.2",AUDIO="group_A1"
media_4.m3u8

)";

constexpr std::string_view kManifest1080 = R"(<?xml version="1.0" encoding="utf-8"?>
<MPD xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xmlns="urn:mpeg:dash:schema:mpd:2011"
	xmlns:xlink="http://www.w3.org/1999/xlink"
	xsi:schemaLocation="urn:mpeg:DASH:schema:MPD:2011 http://standards.iso.org/ittf/PubliclyAvailableStandards/MPEG-DASH_schema_files/DASH-MPD.xsd"
	profiles="urn:mpeg:dash:profile:isoff-live:2011"
	type="static"
	mediaPresentationDuration="PT24.0S"
	maxSegmentDuration="PT4.0S"
	minBufferTime="PT8.0S">
	<ProgramInformation>
	</ProgramInformation>
	<ServiceDescription id="0">
	</ServiceDescription>
	<Period id="0" start="PT0.0S">
		<AdaptationSet id="0" contentType="video" startWithSAP="1" segmentAlignment="true" bitstreamSwitching="true" frameRate="30/1" maxWidth="1920" maxHeight="1080" par="16:9">
			<Representation id="0" mimeType="video/mp4" codecs="avc1.640015" bandwidth="306000" width="426" height="240" sar="640:639">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="1" mimeType="video/mp4" codecs="avc1.64001e" bandwidth="691000" width="640" height="360" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="2" mimeType="video/mp4" codecs="avc1.64001f" bandwidth="1229000" width="854" height="480" sar="1280:1281">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="3" mimeType="video/mp4" codecs="avc1.64001f" bandwidth="2764000" width="1280" height="720" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="4" mimeType="video/mp4" codecs="avc1.640028" bandwidth="6221000" width="1920" height="1080" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
		</AdaptationSet>
		<AdaptationSet id="1" contentType="audio" startWithSAP="1" segmentAlignment="true" bitstreamSwitching="true">
			<Representation id="5" mimeType="audio/mp4" codecs="mp4a.40.2" bandwidth="128000" audioSamplingRate="48000">
				<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2" />
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
		</AdaptationSet>
	</Period>
</MPD>
)";

// A phone video shot upright, without audio: portrait rungs, no audio group or set.
constexpr std::string_view kPortraitMaster = R"(#EXTM3U
#EXT-X-VERSION:7
#EXT-X-STREAM-INF:BANDWIDTH=311120,RESOLUTION=240x426,CODECS="avc1.640015"
media_0.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=696120,RESOLUTION=360x640,CODECS="avc1.64001e"
media_1.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=1234120,RESOLUTION=480x854,CODECS="avc1.64001f"
media_2.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=2769120,RESOLUTION=720x1280,CODECS="avc1.64001f"
media_3.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=6221120,RESOLUTION=1080x1920,CODECS="avc1.640028"
media_4.m3u8

)";

constexpr std::string_view kPortraitManifest = R"(<?xml version="1.0" encoding="utf-8"?>
<MPD xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xmlns="urn:mpeg:dash:schema:mpd:2011"
	profiles="urn:mpeg:dash:profile:isoff-live:2011"
	type="static"
	mediaPresentationDuration="PT6.0S"
	minBufferTime="PT8.0S">
	<Period id="0" start="PT0.0S">
		<AdaptationSet id="0" contentType="video" startWithSAP="1" segmentAlignment="true" bitstreamSwitching="true" frameRate="30/1" maxWidth="1080" maxHeight="1920" par="9:16">
			<Representation id="0" mimeType="video/mp4" codecs="avc1.640015" bandwidth="306000" width="240" height="426" sar="639:640">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="1" mimeType="video/mp4" codecs="avc1.64001e" bandwidth="691000" width="360" height="640" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="2" mimeType="video/mp4" codecs="avc1.64001f" bandwidth="1229000" width="480" height="854" sar="1281:1280">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="3" mimeType="video/mp4" codecs="avc1.64001f" bandwidth="2764000" width="720" height="1280" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
			<Representation id="4" mimeType="video/mp4" codecs="avc1.640028" bandwidth="6221000" width="1080" height="1920" sar="1:1">
				<SegmentTemplate timescale="1000000" duration="4000000" initialization="init_$RepresentationID$.m4s" media="chunk_$RepresentationID$_$Number%05d$.m4s" startNumber="1">
				</SegmentTemplate>
			</Representation>
		</AdaptationSet>
	</Period>
</MPD>
)";

std::vector<std::string> matches(std::string_view text, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    std::string subject(text);
    for (std::sregex_iterator it(subject.begin(), subject.end(), re), end; it != end; ++it)
        out.push_back((*it)[1].str());
    return out;
}

using Texts = std::vector<std::string>;

/// The RESOLUTION of every variant and the URI after it.
Texts variants(std::string_view master) {
    return matches(master, R"(#EXT-X-STREAM-INF:[^\n]*RESOLUTION=(\d+x\d+[^\n]*\n[^#\n]+))");
}

/// "WxH" of every Representation with a size, in order.
Texts representations(std::string_view mpd) {
    Texts out;
    for (const auto& tag : matches(mpd, R"((<Representation [^>]*>))")) {
        auto width = matches(tag, R"rx(\swidth=["'](\d+))rx");
        auto height = matches(tag, R"rx(\sheight=["'](\d+))rx");
        if (width.size() == 1 && height.size() == 1) out.push_back(width[0] + "x" + height[0]);
    }
    return out;
}

std::string crlf(std::string_view text) {
    return std::regex_replace(std::string(text), std::regex("\n"), "\r\n");
}

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
    std::string out(text);
    auto at = out.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) out.replace(at, from.size(), to);
    return out;
}

/// `text` without [from, to): the first `from` and the first `to` after it.
std::string without(std::string_view text, std::string_view from, std::string_view to) {
    auto begin = text.find(from);
    auto end = text.find(to, begin);
    EXPECT_NE(end, std::string::npos) << from;
    if (end == std::string::npos) return std::string(text);
    return std::string(text.substr(0, begin)) + std::string(text.substr(end));
}

Rung rung(int width, int height) {
    Rung out;
    out.width = width;
    out.height = height;
    return out;
}

TEST(QualityCaps, NamesAndFiles) {
    EXPECT_EQ(quality_name(480), "480p");
    EXPECT_EQ(capped_master_name(720), "master_720p.m3u8");
    EXPECT_EQ(capped_manifest_name(480), "manifest_480p.mpd");
}

TEST(QualityCaps, OnlyCapsThatDropARungAndKeepOne) {
    std::vector<Rung> full{rung(426, 240), rung(640, 360), rung(854, 480), rung(1280, 720),
                           rung(1920, 1080)};
    EXPECT_EQ(quality_caps(full), (std::vector<int>{480, 720}));
    full.pop_back();
    EXPECT_EQ(quality_caps(full), (std::vector<int>{480}));  // a 720p source
    full.pop_back();
    EXPECT_TRUE(quality_caps(full).empty());  // a 480p source: nothing above either cap
    EXPECT_TRUE(quality_caps({rung(426, 240)}).empty());
    EXPECT_TRUE(quality_caps({}).empty());
    // Portrait rungs are named by their width; a lone 1080p rung would leave nothing.
    EXPECT_EQ(quality_caps({rung(240, 426), rung(720, 1280), rung(1080, 1920)}),
              (std::vector<int>{480, 720}));
    EXPECT_TRUE(quality_caps({rung(1920, 1080)}).empty());
}

TEST(CapHlsMaster, KeepsTheRungsUpToTheCapAndTheAudio) {
    auto capped = cap_hls_master(kMaster1080, 480);
    ASSERT_TRUE(capped);
    // ffmpeg lists the rungs smallest first: what stays is the text up to the first dropped one.
    EXPECT_EQ(*capped,
              kMaster1080.substr(0, kMaster1080.find("#EXT-X-STREAM-INF:BANDWIDTH=2897120")));
    EXPECT_EQ(variants(*capped),
              (Texts{"426x240,CODECS=\"avc1.640015,mp4a.40.2\",AUDIO=\"group_A1\"\nmedia_0.m3u8",
                     "640x360,CODECS=\"avc1.64001e,mp4a.40.2\",AUDIO=\"group_A1\"\nmedia_1.m3u8",
                     "854x480,CODECS=\"avc1.64001f,mp4a.40.2\",AUDIO=\"group_A1\"\nmedia_2.m3u8"}));
    EXPECT_NE(capped->find("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_A1\""), std::string::npos);

    auto hd = cap_hls_master(kMaster1080, 720);
    ASSERT_TRUE(hd);
    EXPECT_EQ(*hd, kMaster1080.substr(0, kMaster1080.find("#EXT-X-STREAM-INF:BANDWIDTH=6349120")));
    EXPECT_EQ(variants(*hd).size(), 4U);
}

TEST(CapHlsMaster, TheOutputCapsTheSameWayAgain) {
    auto hd = cap_hls_master(kMaster1080, 720);
    ASSERT_TRUE(hd);
    EXPECT_EQ(cap_hls_master(*hd, 720), hd);
    EXPECT_EQ(cap_hls_master(*hd, 480), cap_hls_master(kMaster1080, 480));
    EXPECT_EQ(cap_hls_master(kMaster1080, 1080), std::string(kMaster1080));
}

TEST(CapHlsMaster, PortraitRungsAreCappedByTheirWidth) {
    auto capped = cap_hls_master(kPortraitMaster, 720);
    ASSERT_TRUE(capped);
    EXPECT_EQ(*capped, kPortraitMaster.substr(
                           0, kPortraitMaster.find("#EXT-X-STREAM-INF:BANDWIDTH=6221120")));
    auto sd = cap_hls_master(kPortraitMaster, 480);
    ASSERT_TRUE(sd);
    EXPECT_EQ(variants(*sd), (Texts{"240x426,CODECS=\"avc1.640015\"\nmedia_0.m3u8",
                                    "360x640,CODECS=\"avc1.64001e\"\nmedia_1.m3u8",
                                    "480x854,CODECS=\"avc1.64001f\"\nmedia_2.m3u8"}));
}

TEST(CapHlsMaster, KeepsCrlfAndReadsAttributesInAnyOrder) {
    EXPECT_EQ(cap_hls_master(crlf(kMaster1080), 480), crlf(*cap_hls_master(kMaster1080, 480)));
    // RESOLUTION first, a quoted value holding a comma and a decoy, no blank lines.
    std::string master =
        "#EXTM3U\n"
        "#EXT-X-STREAM-INF:RESOLUTION=1920x1080,NAME=\"x,RESOLUTION=1x1\",BANDWIDTH=6000000\n"
        "hd.m3u8\n"
        "#EXT-X-STREAM-INF:NAME=\"RESOLUTION=1920x1080\",BANDWIDTH=800000,RESOLUTION=640x360\n"
        "sd.m3u8";
    EXPECT_EQ(
        cap_hls_master(master, 480),
        "#EXTM3U\n"
        "#EXT-X-STREAM-INF:NAME=\"RESOLUTION=1920x1080\",BANDWIDTH=800000,RESOLUTION=640x360\n"
        "sd.m3u8");
}

TEST(CapHlsMaster, NothingUnderTheCapOrNotAMasterPlaylist) {
    EXPECT_FALSE(cap_hls_master(kMaster1080, 200));
    EXPECT_FALSE(cap_hls_master("", 480));
    EXPECT_FALSE(cap_hls_master("hello world\n", 480));
    EXPECT_FALSE(cap_hls_master("#EXTM3U\n#EXT-X-VERSION:7\n", 480));
    // A media playlist.
    EXPECT_FALSE(
        cap_hls_master("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nchunk_0_00001.m4s\n", 480));
    // No URI after the variant; a malformed resolution; an unterminated quote.
    EXPECT_FALSE(
        cap_hls_master("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=640x360\n\n", 480));
    EXPECT_FALSE(cap_hls_master("#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=640by360\na.m3u8\n", 480));
    EXPECT_FALSE(cap_hls_master(
        "#EXTM3U\n#EXT-X-STREAM-INF:CODECS=\"avc1,RESOLUTION=640x360\na.m3u8\n", 480));
    EXPECT_FALSE(cap_hls_master(kManifest1080, 480));
}

TEST(CapDashManifest, RemovesTheRepresentationsAboveTheCap) {
    auto capped = cap_dash_manifest(kManifest1080, 480);
    ASSERT_TRUE(capped);
    auto expected =
        without(kManifest1080, "\t\t\t<Representation id=\"3\"", "\t\t</AdaptationSet>");
    expected = replaced(expected, R"(maxWidth="1920" maxHeight="1080")",
                        R"(maxWidth="854" maxHeight="480")");
    EXPECT_EQ(*capped, expected);
    EXPECT_EQ(representations(*capped), (Texts{"426x240", "640x360", "854x480"}));
    EXPECT_NE(capped->find(R"(<Representation id="5" mimeType="audio/mp4")"), std::string::npos);

    auto hd = cap_dash_manifest(kManifest1080, 720);
    ASSERT_TRUE(hd);
    EXPECT_EQ(representations(*hd), (Texts{"426x240", "640x360", "854x480", "1280x720"}));
    EXPECT_NE(hd->find(R"(maxWidth="1280" maxHeight="720")"), std::string::npos);
    EXPECT_NE(hd->find("audioSamplingRate=\"48000\""), std::string::npos);
}

TEST(CapDashManifest, TheOutputCapsTheSameWayAgain) {
    auto hd = cap_dash_manifest(kManifest1080, 720);
    ASSERT_TRUE(hd);
    EXPECT_EQ(cap_dash_manifest(*hd, 720), hd);
    EXPECT_EQ(cap_dash_manifest(*hd, 480), cap_dash_manifest(kManifest1080, 480));
    EXPECT_EQ(cap_dash_manifest(kManifest1080, 1080), std::string(kManifest1080));
    EXPECT_EQ(cap_dash_manifest(crlf(kManifest1080), 480),
              crlf(*cap_dash_manifest(kManifest1080, 480)));
}

TEST(CapDashManifest, PortraitVideoWithoutAudio) {
    auto capped = cap_dash_manifest(kPortraitManifest, 720);
    ASSERT_TRUE(capped);
    EXPECT_EQ(representations(*capped), (Texts{"240x426", "360x640", "480x854", "720x1280"}));
    EXPECT_NE(capped->find(R"(maxWidth="720" maxHeight="1280" par="9:16")"), std::string::npos);
    EXPECT_TRUE(
        capped->ends_with("\t\t\t</Representation>\n\t\t</AdaptationSet>\n\t</Period>\n</MPD>\n"));
    EXPECT_EQ(representations(*cap_dash_manifest(kPortraitManifest, 480)),
              (Texts{"240x426", "360x640", "480x854"}));
}

TEST(CapDashManifest, AttributesInAnyOrderEitherQuoteAndSelfClosing) {
    std::string mpd =
        "<MPD><Period>\n"
        "  <AdaptationSet contentType='video' maxHeight = '1080' maxWidth='1920'>\n"
        "    <Representation height='1080' id='hd' width = \"1920\"/>\n"
        "    <Representation bandwidth=\"9\" height=\"360\" width='640'><BaseURL>a>b</BaseURL>"
        "</Representation>\n"
        "  </AdaptationSet>\n"
        "  <AdaptationSet width=\"1920\" height=\"1080\"><Representation "
        "id=\"only\"/></AdaptationSet>\n"
        "  <AdaptationSet mimeType='audio/mp4'><Representation id='a' /></AdaptationSet>\n"
        "  <!-- <Representation width=\"7680\" height=\"4320\"/> -->\n"
        "</Period></MPD>";
    EXPECT_EQ(
        cap_dash_manifest(mpd, 720),
        "<MPD><Period>\n"
        "  <AdaptationSet contentType='video' maxHeight = '360' maxWidth='640'>\n"
        "    <Representation bandwidth=\"9\" height=\"360\" width='640'><BaseURL>a>b</BaseURL>"
        "</Representation>\n"
        "  </AdaptationSet>\n"
        "  <AdaptationSet mimeType='audio/mp4'><Representation id='a' /></AdaptationSet>\n"
        "  <!-- <Representation width=\"7680\" height=\"4320\"/> -->\n"
        "</Period></MPD>");
}

TEST(CapDashManifest, NothingUnderTheCapOrNotAManifest) {
    EXPECT_FALSE(cap_dash_manifest(kManifest1080, 200));
    EXPECT_FALSE(cap_dash_manifest("", 480));
    EXPECT_FALSE(cap_dash_manifest("not xml at all", 480));
    EXPECT_FALSE(cap_dash_manifest("<html><body>hi</body></html>", 480));
    EXPECT_FALSE(cap_dash_manifest(kMaster1080, 480));
    // Only audio; unterminated tag; a Representation left open; sizes that are not numbers.
    EXPECT_FALSE(cap_dash_manifest(
        "<MPD><AdaptationSet><Representation id='a'/></AdaptationSet></MPD>", 480));
    EXPECT_FALSE(
        cap_dash_manifest("<MPD><AdaptationSet><Representation width=\"640\" height=\"360\"", 480));
    EXPECT_FALSE(cap_dash_manifest(
        "<MPD><AdaptationSet><Representation width='640' height='360'></AdaptationSet></MPD>",
        480));
    EXPECT_FALSE(cap_dash_manifest(
        "<MPD><AdaptationSet><Representation width='wide' height='360'/></AdaptationSet></MPD>",
        480));
    EXPECT_FALSE(cap_dash_manifest(
        "<MPD><AdaptationSet><Representation width='640'/></AdaptationSet></MPD>", 480));
    EXPECT_FALSE(cap_dash_manifest(
        "<MPD><AdaptationSet><Representation width='640' height=360/></AdaptationSet></MPD>", 480));
    EXPECT_FALSE(
        cap_dash_manifest(std::string(kManifest1080.substr(0, kManifest1080.size() / 2)), 480));
}

}  // namespace
}  // namespace codeflix::encoder::domain
