#include "src/domain/media.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace codeflix::catalog_admin::domain {
namespace {

boost::json::object body(std::string_view json) { return boost::json::parse(json).as_object(); }

std::vector<std::string> fields_of(const core::Error& error) {
    std::vector<std::string> out;
    for (const auto& field : error.fields) out.push_back(field.field);
    return out;
}

TEST(MediaKinds, KnowsTheFiveSlotsAndTheirCaps) {
    ASSERT_NE(media_kind("video"), nullptr);
    EXPECT_EQ(media_kind("video")->max_size, 50 * kGiB);
    EXPECT_EQ(media_kind("trailer")->max_size, 1 * kGiB);
    EXPECT_EQ(media_kind("banner")->max_size, 10 * kMiB);
    EXPECT_EQ(media_kind("thumbnail")->max_size, 5 * kMiB);
    EXPECT_EQ(media_kind("thumbnail_half")->max_size, 5 * kMiB);
    EXPECT_TRUE(media_kind("banner")->is_image);
    EXPECT_FALSE(media_kind("trailer")->is_image);
    EXPECT_EQ(media_kind("poster"), nullptr);
    EXPECT_EQ(media_kind("VIDEO"), nullptr);
    EXPECT_EQ(media_kind(""), nullptr);
}

TEST(UploadRequest, AcceptsAGoodRequestAndLowersTheType) {
    auto request = parse_upload_request(
        body(R"({"file_name":"Metropolis (1927).mp4","size":1048576,"content_type":"Video/MP4"})"),
        *media_kind("video"));
    ASSERT_TRUE(request);
    EXPECT_EQ(request->file_name, "Metropolis (1927).mp4");
    EXPECT_EQ(request->size, 1048576U);
    EXPECT_EQ(request->content_type, "video/mp4");
}

TEST(UploadRequest, RefusesSizesOutsideTheKindsCap) {
    for (const char* size : {"0", "-1", "5242881", "1e3", "\"10\"", "null"}) {
        auto request = parse_upload_request(
            body(std::string(R"({"file_name":"a.jpg","content_type":"image/jpeg","size":)") + size +
                 "}"),
            *media_kind("thumbnail"));
        ASSERT_FALSE(request) << size;
        EXPECT_EQ(fields_of(request.error()), std::vector<std::string>{"size"}) << size;
    }
    auto big = parse_upload_request(
        body(R"({"file_name":"a.jpg","content_type":"image/jpeg","size":5242881})"),
        *media_kind("thumbnail"));
    EXPECT_NE(big.error().fields[0].message.find("5 MB"), std::string::npos);
}

TEST(UploadRequest, RefusesTypesTheKindDoesNotTake) {
    auto image_as_video =
        parse_upload_request(body(R"({"file_name":"a.jpg","size":10,"content_type":"image/jpeg"})"),
                             *media_kind("video"));
    ASSERT_FALSE(image_as_video);
    EXPECT_EQ(fields_of(image_as_video.error()), std::vector<std::string>{"content_type"});
    auto video_as_image =
        parse_upload_request(body(R"({"file_name":"a.mp4","size":10,"content_type":"video/mp4"})"),
                             *media_kind("banner"));
    ASSERT_FALSE(video_as_image);
}

TEST(UploadRequest, ReportsMissingUnknownAndControlCharacterFields) {
    auto empty = parse_upload_request(body("{}"), *media_kind("video"));
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().fields.size(), 3U);
    auto unknown = parse_upload_request(
        body(R"({"file_name":"a","size":1,"content_type":"video/mp4","path":"../x"})"),
        *media_kind("video"));
    EXPECT_FALSE(unknown);
    auto control = parse_upload_request(
        body(R"({"file_name":"a\u0000b","size":1,"content_type":"video/mp4"})"),
        *media_kind("video"));
    EXPECT_FALSE(control);
}

TEST(ProbeChecks, NeedAVideoStreamAPictureAndADuration) {
    media::ProbeResult probe;
    probe.has_video = true;
    probe.display_width = 1920;
    probe.display_height = 1080;
    probe.duration_seconds = 12.5;
    EXPECT_FALSE(unacceptable_video(probe));
    auto audio_only = probe;
    audio_only.has_video = false;
    EXPECT_EQ(unacceptable_video(audio_only), "the file has no video stream");
    auto no_duration = probe;
    no_duration.duration_seconds = 0;
    EXPECT_TRUE(unacceptable_video(no_duration));
    auto huge = probe;
    huge.display_width = 10000;
    EXPECT_TRUE(unacceptable_video(huge));
}

TEST(ImageChecks, FormatMustMatchTheDeclaredTypeAndFitTheCap) {
    media::ImageInfo image{"png", 640, 360};
    EXPECT_FALSE(unacceptable_image(image, "image/png"));
    EXPECT_TRUE(unacceptable_image(image, "image/jpeg"));
    EXPECT_TRUE(unacceptable_image({"jpeg", 4097, 10}, "image/jpeg"));
    EXPECT_FALSE(unacceptable_image({"jpeg", 4096, 4096}, "image/jpeg"));
    EXPECT_EQ(image_extension("jpeg"), "jpg");
    EXPECT_EQ(image_extension("webp"), "webp");
}

}  // namespace
}  // namespace codeflix::catalog_admin::domain
