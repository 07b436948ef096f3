#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ladder.hpp"

namespace codeflix::encoder::domain {

/// The playback qualities a subscription plan can be capped at below the ladder's top (1080p),
/// by the shorter side of the picture. A capped plan is served manifests of its own that list
/// only the rungs up to its cap, next to the full ones: `master_480p.m3u8`, `manifest_480p.mpd`,
/// `master_720p.m3u8`, `manifest_720p.mpd`.
constexpr std::array<int, 2> kQualityCaps{480, 720};

/// "480p": how events and plans name a cap.
std::string quality_name(int cap);
/// "master_480p.m3u8": the HLS master playlist capped at `cap`.
std::string capped_master_name(int cap);
/// "manifest_480p.mpd": the DASH manifest capped at `cap`.
std::string capped_manifest_name(int cap);

/// The caps of kQualityCaps that need capped manifests for `ladder`: those that some rung is
/// above (a capped copy of a ladder that fits would equal the full manifests) and some rung is
/// within (a cap would otherwise leave nothing to play). Smallest first.
std::vector<int> quality_caps(const std::vector<Rung>& ladder);

/// The HLS master playlist `master` with only the variants whose RESOLUTION's shorter side is
/// at most `max_short_side`: the `#EXT-X-STREAM-INF` lines of the others are dropped with their
/// URI line and the blank lines after it (likewise `#EXT-X-I-FRAME-STREAM-INF` lines); every
/// other line (`#EXTM3U`, `#EXT-X-VERSION`, `#EXT-X-MEDIA` audio, variants without RESOLUTION)
/// is kept as it was, line endings (LF or CRLF) included. nullopt when `master` is not a master
/// playlist (no `#EXTM3U` first, no variant, a variant without a URI, an unreadable attribute
/// list or RESOLUTION) or when no variant with a RESOLUTION would remain.
std::optional<std::string> cap_hls_master(std::string_view master, int max_short_side);

/// The DASH MPD `mpd` without the video representations whose shorter side (of their width and
/// height attributes, or their AdaptationSet's) is above `max_short_side`. Each removed
/// `<Representation ...>...</Representation>` or `<Representation .../>` takes its line with it
/// when it stands alone on its lines; an AdaptationSet left without representations is removed
/// whole; the maxWidth and maxHeight attributes of an AdaptationSet that kept video become the
/// largest kept width and height. Representations without width and height (audio) are kept.
/// Attributes may come in any order, quoted with " or ', and CRLF line endings are kept.
/// nullopt when `mpd` has no MPD element, cannot be scanned (an unterminated tag, comment or
/// quote, a Representation left open, a malformed attribute, a width or height that is not a
/// positive number, only one of them) or when no video representation would remain.
std::optional<std::string> cap_dash_manifest(std::string_view mpd, int max_short_side);

}  // namespace codeflix::encoder::domain
