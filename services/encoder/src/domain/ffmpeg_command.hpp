#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ladder.hpp"

namespace codeflix::encoder::domain {

/// What an encoding's output folder holds (ARCHITECTURE §7). The DASH manifest and the HLS
/// playlists (master, media_<N>.m3u8 per representation) share one set of CMAF files:
/// init_<N>.m4s and chunk_<N>_<00001>.m4s.
constexpr std::string_view kManifestName = "manifest.mpd";
constexpr std::string_view kMasterPlaylistName = "master.m3u8";
constexpr std::string_view kInitSegmentTemplate = "init_$RepresentationID$.m4s";
constexpr std::string_view kMediaSegmentTemplate = "chunk_$RepresentationID$_$Number%05d$.m4s";
constexpr std::string_view kPosterName = "poster.jpg";
/// The sub-folder of the sprites (trickplay.hpp); the caller creates it.
constexpr std::string_view kTrickplayFolder = "trickplay";

/// Closed GOPs of 2 s, aligned across rungs (a keyframe at the first frame at or after every
/// multiple of 2 s); segments of 4 s, two GOPs each.
constexpr int kGopSeconds = 2;
constexpr int kSegmentSeconds = 4;
/// AAC-LC stereo.
constexpr std::string_view kAudioBitrate = "128k";
constexpr int kAudioChannels = 2;
constexpr int kAudioSampleRate = 48000;
/// The poster is the displayed picture scaled down to at most this width.
constexpr int kPosterMaxWidth = 1280;
/// JPEG quality (-q:v, 2 best .. 31 worst) of the poster and of the sprites.
constexpr int kPosterQuality = 3;
constexpr int kSpriteQuality = 5;

/// Choices of an encode that do not depend on the source.
struct EncodeOptions {
    /// The libx264 preset (is_x264_preset).
    std::string preset = "veryfast";
    /// Trick-play sprites; off for trailers.
    bool trickplay = true;
    /// Threads of the decoder, the filter graph and each encoder; 0 lets ffmpeg decide.
    int threads = 0;
    /// The poster and the sprites. Off, the command is the ladder alone (same ladder, preset
    /// and options, one CMAF output): what a benchmark compares the full encode with.
    bool images = true;
};

/// Whether `name` is one of libx264's presets (ultrafast ... placebo).
bool is_x264_preset(std::string_view name);

struct PictureSize {
    int width = 0;
    int height = 0;
};

/// The poster's size: the displayed picture at most kPosterMaxWidth wide, even sides.
PictureSize poster_size(const SourceInfo& source);

/// The argv of ONE ffmpeg run (no shell: run it with execvp, nothing is quoted) that decodes
/// `input` once and writes into `output_dir` (which exists, with its trick-play folder when
/// options.images and options.trickplay are on; the command creates no folder):
/// - the `rungs` (build_ladder) as H.264 High, yuv420p, constant frame rate
///   (output_frame_rate), closed 2 s GOPs aligned across rungs, with AAC when the source has
///   audio, in one CMAF output with both manifests (kManifestName, kMasterPlaylistName);
/// - poster.jpg: the frame at a third of the duration (the first frame when the duration is
///   unknown or the video ends sooner);
/// - trickplay/sprite_NNN.jpg laid out as trickplay_vtt describes.
/// ffmpeg writes -progress reports to its standard output (ProgressParser) and errors only to
/// its standard error; it reads nothing from standard input. Paths are passed as file: URLs,
/// so a name starting with '-' or holding ':' is a plain file, and the input may only use the
/// file protocol (a playlist disguised as a video cannot make ffmpeg fetch URLs). Throws
/// std::invalid_argument when `rungs` is empty.
std::vector<std::string> build_encode_command(const std::string& ffmpeg,
                                              const std::filesystem::path& input,
                                              const std::filesystem::path& output_dir,
                                              const SourceInfo& source,
                                              const std::vector<Rung>& rungs,
                                              const EncodeOptions& options);

}  // namespace codeflix::encoder::domain
