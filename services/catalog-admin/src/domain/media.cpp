#include "media.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "common.hpp"

namespace codeflix::catalog_admin::domain {
namespace {

constexpr std::array<MediaKindSpec, 5> kSpecs = {{
    {"video", 0, 50 * kGiB, false},
    {"trailer", 1, 1 * kGiB, false},
    {"thumbnail", 2, 5 * kMiB, true},
    {"thumbnail_half", 3, 5 * kMiB, true},
    {"banner", 4, 10 * kMiB, true},
}};

constexpr std::array<std::string_view, 9> kVideoTypes = {
    "video/mp4",       "video/quicktime", "video/x-matroska", "video/webm", "video/mp2t",
    "video/x-msvideo", "video/mpeg",      "video/x-flv",      "video/x-m4v"};
constexpr std::array<std::string_view, 3> kImageTypes = {"image/jpeg", "image/png", "image/webp"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::string human_size(std::uint64_t bytes) {
    if (bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GB";
    return std::to_string(bytes / kMiB) + " MB";
}

}  // namespace

const MediaKindSpec* media_kind(std::string_view kind) {
    for (const auto& spec : kSpecs) {
        if (spec.kind == kind) return &spec;
    }
    return nullptr;
}

core::Result<UploadRequest> parse_upload_request(const boost::json::object& body,
                                                 const MediaKindSpec& kind) {
    core::ObjectReader reader(body, {"file_name", "size", "content_type"});
    UploadRequest request;
    auto file_name = reader.string("file_name", 1, kNameMaxChars);
    auto size = reader.integer("size", 1, static_cast<std::int64_t>(kind.max_size));
    auto content_type = reader.string("content_type", 1, 100);
    if (content_type) {
        std::string lowered = *content_type;
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        bool allowed =
            kind.is_image ? contains(kImageTypes, lowered) : contains(kVideoTypes, lowered);
        if (!allowed) {
            reader.add_error("content_type",
                             kind.is_image ? "must be image/jpeg, image/png or image/webp"
                                           : "must be a video type (video/mp4, video/quicktime, "
                                             "video/x-matroska, video/webm, ...)");
        }
        request.content_type = lowered;
    }
    for (auto field : {"file_name", "size", "content_type"}) reader.require(field);
    if (!reader.errors().empty()) {
        auto errors = reader.errors();
        for (auto& error : errors) {
            // The reader names the range in bytes; say it in the words of the limit.
            if (error.field == "size" && error.message.find("between") != std::string::npos)
                error.message = "must be from 1 byte to " + human_size(kind.max_size) + " for a " +
                                std::string(kind.kind);
        }
        return core::Error::invalid("The request has invalid fields", std::move(errors));
    }
    request.file_name = *file_name;
    request.size = static_cast<std::uint64_t>(*size);
    return request;
}

std::optional<std::string> unacceptable_video(const media::ProbeResult& probe) {
    if (!probe.has_video) return "the file has no video stream";
    if (probe.display_width <= 0 || probe.display_height <= 0)
        return "the video stream has no picture size";
    if (probe.display_width > kMaxVideoSide || probe.display_height > kMaxVideoSide)
        return "the picture is larger than " + std::to_string(kMaxVideoSide) + " pixels on a side";
    if (!(probe.duration_seconds > 0) || !std::isfinite(probe.duration_seconds))
        return "the file has no duration";
    return std::nullopt;
}

std::optional<std::string> unacceptable_image(const media::ImageInfo& image,
                                              std::string_view content_type) {
    std::string declared = "image/" + image.format;
    if (declared != content_type)
        return "the file is a " + image.format + " image but was declared as " +
               std::string(content_type);
    if (image.width > kMaxImageSide || image.height > kMaxImageSide)
        return "the image is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
               "; at most " + std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide) +
               " is accepted";
    return std::nullopt;
}

std::string_view image_extension(std::string_view format) {
    if (format == "jpeg") return "jpg";
    return format;
}

boost::json::object probe_json(const media::ProbeResult& probe) {
    boost::json::object out{
        {"format", probe.format_name},      {"duration_seconds", probe.duration_seconds},
        {"video_codec", probe.video_codec}, {"width", probe.display_width},
        {"height", probe.display_height},   {"rotation", probe.rotation},
        {"frame_rate", probe.frame_rate},   {"variable_frame_rate", probe.variable_frame_rate},
        {"has_audio", probe.has_audio}};
    if (probe.has_audio) {
        out["audio_codec"] = probe.audio_codec;
        out["audio_channels"] = probe.audio_channels;
    }
    return out;
}

}  // namespace codeflix::catalog_admin::domain
