#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../domain/ladder.hpp"

namespace codeflix::encoder::app {

/// Writes, next to ffmpeg's master.m3u8 and manifest.mpd in `folder`, the manifests of plans
/// capped below the ladder's top (master_<q>p.m3u8, manifest_<q>p.mpd: domain/capped_manifests).
/// Returns the caps written; an unprocessable Error when ffmpeg's manifests cannot be read as
/// expected (another try would do the same). I/O failures throw.
core::Result<std::vector<int>> write_capped_manifests(const std::filesystem::path& folder,
                                                      const std::vector<domain::Rung>& ladder);

/// The completed event's `capped`: {"480p": {"hls": key, "dash": key}, ...} for the caps
/// written, the keys under `folder` (the encoding's storage folder, ending in '/').
boost::json::object capped_manifest_keys(const std::string& folder, const std::vector<int>& caps);

}  // namespace codeflix::encoder::app
