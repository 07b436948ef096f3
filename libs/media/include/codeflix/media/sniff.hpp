#pragma once

#include <codeflix/core/result.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace codeflix::media {

/// The container of a video file, from the magic bytes at its start: "mp4" (ISO BMFF with an
/// `ftyp` box), "mov" (QuickTime starting with a `moov`, `mdat`, `free`, `wide`, `skip` or `pnot`
/// box), "matroska" (also WebM), "mpegts" (also 192-byte M2TS packets; needs at least two
/// packets' worth of bytes), "avi", "mpegps" or "flv"; nullopt for anything else. A cheap first
/// check on an upload before probing it: it says what a file claims to be, not that it plays.
std::optional<std::string> sniff_container(std::string_view head);

/// What an image header says about the image.
struct ImageInfo {
    std::string format;  ///< "jpeg", "png" or "webp"
    int width = 0;
    int height = 0;

    bool operator==(const ImageInfo&) const = default;
};

/// The format and dimensions of a JPEG, PNG or WebP image, read from its header alone. `head` is
/// the start of the file; 64 KiB reach the frame header of any JPEG whose metadata segments fit
/// in them. Fails with core::Error::unprocessable and a reason an admin can read ("not a JPEG,
/// PNG or WebP image", "truncated PNG header", ...); never reads outside `head`.
core::Result<ImageInfo> sniff_image(std::string_view head);

}  // namespace codeflix::media
