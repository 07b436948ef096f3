#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <codeflix/core/result.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entitlement.hpp"

namespace codeflix::catalog_api::domain {

/// Longest duration taken as plausible (a week).
constexpr double kMaxDurationSeconds = 7 * 86400.0;

struct Rendition {
    std::int64_t width = 0;
    std::int64_t height = 0;
};

/// What a player gets for a video at a plan's quality.
struct PlaybackMedia {
    std::string encoding_id;
    double duration_seconds = 0;
    /// Manifests and the trick-play WebVTT index (when the encoding has one), as paths under
    /// the video's media folder ("video/<encoding>/master.m3u8"): appended to the signed
    /// "/media/<token>/<expires>/<video>/" prefix they are the URLs a player fetches.
    std::string hls_path;
    std::string dash_path;
    std::optional<std::string> thumbnails_path;
    /// The rungs the plan allows (short side at most the cap), smallest first as listed.
    std::vector<Rendition> renditions;
    /// Whether the manifests are the encoding's capped ones (`master_<q>.m3u8`).
    bool capped = false;
};

/// The manifests of the live `video` encoding of catalog-admin's `media` object for a plan
/// capped at `cap`.
/// - No rung above the cap: the full `master.m3u8` and `manifest.mpd`.
/// - A rung above it and `capped[<cap>]` present: the capped manifests, which list only the
///   allowed rungs.
/// - A rung above it but no capped manifests (encodings made before the encoder wrote them):
///   the full manifests. The player is told the allowed `renditions` and should cap itself;
///   the token does not stop a modified player from fetching the higher rungs.
/// Every storage key used must lie under "media/<video_id>/<slot>/" and be a valid key;
/// anything missing or malformed is a conflict Error ("not ready"): no URL is built from
/// unchecked text. `slot` is "video", or "trailer" for the trailer's encoding.
core::Result<PlaybackMedia> playback_media(const boost::json::value* media,
                                           std::string_view video_id, Quality cap,
                                           std::string_view slot = "video");

/// How long a trailer's token works: the trailer's duration plus an hour.
std::chrono::seconds trailer_token_lifetime(double duration_seconds);

/// How long the media token of a session works: the title's duration plus two hours (pauses),
/// at least four hours.
std::chrono::seconds token_lifetime(double duration_seconds);

}  // namespace codeflix::catalog_api::domain
