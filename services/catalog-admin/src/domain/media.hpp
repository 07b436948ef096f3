#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <codeflix/media/probe.hpp>
#include <codeflix/media/sniff.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace codeflix::catalog_admin::domain {

/// What differs between the five media slots (ARCHITECTURE §7).
struct MediaKindSpec {
    std::string_view kind;
    /// Index in kMediaKinds and Video::media.
    std::size_t index;
    /// The largest upload accepted; the gateway's /uploads/ size classes match these.
    std::uint64_t max_size;
    /// Images are checked and published at /images/; videos go to the encoder.
    bool is_image;
};

inline constexpr std::uint64_t kMiB = 1024ULL * 1024ULL;
inline constexpr std::uint64_t kGiB = 1024ULL * kMiB;
/// Images larger than this on either side are refused.
inline constexpr int kMaxImageSide = 4096;
/// Sources larger than this on either side are refused (8K).
inline constexpr int kMaxVideoSide = 8192;

/// The spec of a kind, or nullptr when `kind` is not one.
const MediaKindSpec* media_kind(std::string_view kind);

struct UploadRequest {
    std::string file_name;
    std::uint64_t size = 0;
    std::string content_type;
};

/// `{"file_name", "size", "content_type"}`: a printable file name of 1–255 characters, a size
/// from 1 byte to the kind's cap, and a content type the kind accepts (video/* containers for
/// video and trailer; image/jpeg, image/png or image/webp for the images). Unknown fields are
/// errors.
core::Result<UploadRequest> parse_upload_request(const boost::json::object& body,
                                                 const MediaKindSpec& kind);

/// Why a probed source cannot be encoded (no video stream, no duration, too large), or nullopt.
std::optional<std::string> unacceptable_video(const media::ProbeResult& probe);

/// Why an image cannot be published (format differs from the declared type, too large), or
/// nullopt.
std::optional<std::string> unacceptable_image(const media::ImageInfo& image,
                                              std::string_view content_type);

/// "jpg", "png" or "webp" for a sniffed image format.
std::string_view image_extension(std::string_view format);

/// The probe's findings as the event and API show them.
boost::json::object probe_json(const media::ProbeResult& probe);

}  // namespace codeflix::catalog_admin::domain
