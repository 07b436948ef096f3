#include "src/domain/playback_media.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <functional>

namespace codeflix::catalog_api::domain {
namespace {

using namespace std::chrono_literals;

constexpr const char* kOtherVideoId = "01900000-0000-7000-8000-000000000009";
constexpr const char* kVideoId = "01900000-0000-7000-8000-000000000001";

/// catalog-admin's media object of a video with a 240p..1080p ladder.
boost::json::value media(bool capped = true) {
    auto value = boost::json::parse(R"({
      "video": {"status": "completed", "progress": 100, "error": null, "upload_id": "u",
        "current": {
          "encoding_id": "01900000-0000-7000-8000-0000000000e1",
          "folder": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/",
          "hls": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/master.m3u8",
          "dash": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/manifest.mpd",
          "trickplay": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/trickplay/index.vtt",
          "duration_seconds": 5400.25,
          "renditions": [{"width": 426, "height": 240}, {"width": 854, "height": 480},
                         {"width": 1280, "height": 720}, {"width": 1920, "height": 1080}],
          "capped": {
            "480p": {"hls": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/master_480p.m3u8",
                     "dash": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/manifest_480p.mpd"},
            "720p": {"hls": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/master_720p.m3u8",
                     "dash": "media/01900000-0000-7000-8000-000000000001/video/01900000-0000-7000-8000-0000000000e1/manifest_720p.mpd"}}}},
      "trailer": {"status": "none", "current": null}
    })");
    if (!capped) value.at("video").at("current").as_object().erase("capped");
    return value;
}

boost::json::object& current(boost::json::value& value) {
    return value.at("video").at("current").as_object();
}

std::vector<std::int64_t> heights(const PlaybackMedia& chosen) {
    std::vector<std::int64_t> out;
    for (const auto& rendition : chosen.renditions) out.push_back(rendition.height);
    return out;
}

const std::string kEncoding = "video/01900000-0000-7000-8000-0000000000e1/";

TEST(PlaybackMedia, APlanBelowTheTopRungGetsTheCappedManifests) {
    auto value = media();
    auto chosen = playback_media(&value, kVideoId, Quality::p720);
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    EXPECT_TRUE(chosen->capped);
    EXPECT_EQ(chosen->encoding_id, "01900000-0000-7000-8000-0000000000e1");
    EXPECT_EQ(chosen->hls_path, kEncoding + "master_720p.m3u8");
    EXPECT_EQ(chosen->dash_path, kEncoding + "manifest_720p.mpd");
    EXPECT_EQ(chosen->thumbnails_path, kEncoding + "trickplay/index.vtt");
    EXPECT_DOUBLE_EQ(chosen->duration_seconds, 5400.25);
    EXPECT_EQ(heights(*chosen), (std::vector<std::int64_t>{240, 480, 720}));
    EXPECT_EQ(heights(*playback_media(&value, kVideoId, Quality::p480)),
              (std::vector<std::int64_t>{240, 480}));
}

TEST(PlaybackMedia, NoRungAboveTheCapMeansTheFullManifests) {
    auto value = media();
    auto chosen = playback_media(&value, kVideoId, Quality::p1080);
    ASSERT_TRUE(chosen.ok());
    EXPECT_FALSE(chosen->capped);
    EXPECT_EQ(chosen->hls_path, kEncoding + "master.m3u8");
    EXPECT_EQ(chosen->dash_path, kEncoding + "manifest.mpd");
    EXPECT_EQ(chosen->renditions.size(), 4u);
}

TEST(PlaybackMedia, OldEncodingsWithoutCapsUseTheFullManifestsButListOnlyAllowedRungs) {
    auto value = media(false);
    auto chosen = playback_media(&value, kVideoId, Quality::p480);
    ASSERT_TRUE(chosen.ok());
    EXPECT_FALSE(chosen->capped);
    EXPECT_EQ(chosen->hls_path, kEncoding + "master.m3u8");
    EXPECT_EQ(heights(*chosen), (std::vector<std::int64_t>{240, 480}));
}

TEST(PlaybackMedia, PortraitRungsAreCappedByTheirShortSide) {
    auto value = media();
    current(value)["renditions"] = boost::json::parse(
        R"([{"width": 360, "height": 640}, {"width": 720, "height": 1280}, {"width": 1080, "height": 1920}])");
    auto chosen = playback_media(&value, kVideoId, Quality::p720);
    ASSERT_TRUE(chosen.ok());
    EXPECT_EQ(heights(*chosen), (std::vector<std::int64_t>{640, 1280}));
}

TEST(PlaybackMedia, WhatIsMissingOrOutsideTheVideoFolderIsNotReady) {
    std::vector<std::function<void(boost::json::value&)>> breaks = {
        [](auto& v) { v.at("video").as_object()["current"] = nullptr; },
        [](auto& v) { v.as_object().erase("video"); },
        [](auto& v) { current(v).erase("hls"); },
        [](auto& v) { current(v)["dash"] = 3; },
        [](auto& v) {
            current(v)["hls"] = "media/01900000-0000-7000-8000-000000000002/video/x/master.m3u8";
        },
        [](auto& v) {
            current(v)["hls"] = "media/01900000-0000-7000-8000-000000000001/../../etc/passwd";
        },
        [](auto& v) { current(v)["hls"] = "media/01900000-0000-7000-8000-000000000001/a b.m3u8"; },
        [](auto& v) { current(v)["hls"] = "https://evil.example/master.m3u8"; },
        [](auto& v) { current(v)["hls"] = "media/01900000-0000-7000-8000-000000000001/"; },
        [](auto& v) { current(v)["trickplay"] = "../index.vtt"; },
        [](auto& v) { current(v)["capped"].as_object()["720p"].as_object()["dash"] = "/etc/x"; },
        [](auto& v) { current(v)["renditions"] = boost::json::array(); },
        [](auto& v) {
            current(v)["renditions"] = boost::json::parse(R"([{"width": 0, "height": 1}])");
        },
        [](auto& v) { current(v)["duration_seconds"] = "long"; },
        [](auto& v) { current(v)["duration_seconds"] = 0; },
        [](auto& v) { current(v)["duration_seconds"] = 1e9; },
        [](auto& v) { current(v)["encoding_id"] = "e1"; },
    };
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        auto value = media();
        breaks[i](value);
        auto chosen = playback_media(&value, kVideoId, Quality::p720);
        ASSERT_FALSE(chosen.ok()) << "case " << i << ": " << boost::json::serialize(value);
        EXPECT_EQ(chosen.error().code, core::ErrorCode::conflict);
        EXPECT_NE(chosen.error().message.find("not ready"), std::string::npos);
    }
    EXPECT_FALSE(playback_media(nullptr, kVideoId, Quality::p720).ok());
    auto value = media();
    EXPECT_FALSE(playback_media(&value, kOtherVideoId, Quality::p720).ok())
        << "another video's keys";
}

TEST(PlaybackMedia, ATrickPlayIndexIsOptional) {
    auto value = media();
    current(value)["trickplay"] = nullptr;
    auto chosen = playback_media(&value, kVideoId, Quality::p720);
    ASSERT_TRUE(chosen.ok());
    EXPECT_FALSE(chosen->thumbnails_path);
}

TEST(PlaybackMedia, TheTrailerSlotIsReadFromTheTrailerFolderOnly) {
    auto value = media();
    EXPECT_EQ(playback_media(&value, kVideoId, Quality::p1080, "trailer").error().message,
              "The trailer is not ready to play yet (no encoded trailer)");
    // The video's encoding moved into the trailer slot keeps its video/ keys: refused, so a
    // trailer token is never handed out for the title's own folder.
    value.as_object()["trailer"] = value.at("video");
    auto misplaced = playback_media(&value, kVideoId, Quality::p1080, "trailer");
    ASSERT_FALSE(misplaced.ok());
    EXPECT_NE(misplaced.error().message.find("no valid manifests"), std::string::npos);

    auto text = boost::json::serialize(value.at("trailer"));
    for (std::size_t at = text.find("/video/"); at != std::string::npos;
         at = text.find("/video/", at))
        text.replace(at, 7, "/trailer/");
    value.as_object()["trailer"] = boost::json::parse(text);
    auto chosen = playback_media(&value, kVideoId, Quality::p1080, "trailer");
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    EXPECT_EQ(chosen->hls_path, "trailer/01900000-0000-7000-8000-0000000000e1/master.m3u8");
    EXPECT_EQ(chosen->dash_path, "trailer/01900000-0000-7000-8000-0000000000e1/manifest.mpd");
}

TEST(PlaybackMedia, TrailerTokensLastTheTrailerPlusAnHour) {
    EXPECT_EQ(trailer_token_lifetime(90.2), 1h + 91s);
    EXPECT_EQ(trailer_token_lifetime(-5), 1h);
    EXPECT_EQ(trailer_token_lifetime(1e12), 7 * 24h + 1h) << "bounded";
}

TEST(PlaybackMedia, TokensLastTheTitlePlusTwoHoursAndAtLeastFour) {
    EXPECT_EQ(token_lifetime(600.5), 4h);
    EXPECT_EQ(token_lifetime(3 * 3600 + 0.2), 5h + 1s);
    EXPECT_EQ(token_lifetime(1e12), 7 * 24h + 2h) << "bounded";
}

}  // namespace
}  // namespace codeflix::catalog_api::domain
