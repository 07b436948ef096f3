#include "src/domain/public_media.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace codeflix::catalog_api::domain {
namespace {

TEST(PublicMedia, ShowsImagesAndReadyStreamsWithoutManifests) {
    auto media = boost::json::parse(R"({
        "video": {"status": "processing", "progress": 40, "error": null, "upload_id": "u2",
                  "current": {"encoding_id": "e1", "hls": "media/v/video/e1/master.m3u8",
                              "dash": "media/v/video/e1/manifest.mpd", "duration_seconds": 61.5,
                              "poster_url": "/images/v/poster/e1.jpg", "has_audio": true,
                              "renditions": [{"width": 426, "height": 240}, {"width": 1280, "height": 720}]}},
        "trailer": {"status": "failed", "progress": 0, "error": "no video stream", "upload_id": "u3",
                    "current": null},
        "thumbnail": {"status": "completed", "current": {"url": "/images/v/thumbnail/u.jpg",
                      "width": 640, "height": 360, "format": "jpeg", "size": 1000, "upload_id": "u"}},
        "thumbnail_half": {"status": "none", "current": null}
    })");
    auto out = public_media(&media);
    EXPECT_EQ(
        boost::json::serialize(out.at("video")),
        R"({"ready":true,"duration_seconds":6.15E1,"poster_url":"/images/v/poster/e1.jpg","has_audio":true,"heights":[240,720]})");
    EXPECT_EQ(boost::json::serialize(out.at("trailer")), R"({"ready":false})");
    EXPECT_EQ(boost::json::serialize(out.at("thumbnail")),
              R"({"url":"/images/v/thumbnail/u.jpg","width":640,"height":360})");
    EXPECT_TRUE(out.at("thumbnail_half").is_null());
    EXPECT_TRUE(out.at("banner").is_null());
    EXPECT_EQ(boost::json::serialize(out).find("m3u8"), std::string::npos);
}

TEST(PublicMedia, ToleratesMissingOrMalformedMedia) {
    for (const char* text :
         {"null", "[]", "{}", R"({"video": 3, "thumbnail": {"current": "x"}})"}) {
        auto media = boost::json::parse(text);
        auto out = public_media(&media);
        EXPECT_EQ(out.at("video").at("ready").as_bool(), false) << text;
        EXPECT_TRUE(out.at("thumbnail").is_null()) << text;
    }
    EXPECT_EQ(public_media(nullptr).at("trailer").at("ready").as_bool(), false);
}

}  // namespace
}  // namespace codeflix::catalog_api::domain
