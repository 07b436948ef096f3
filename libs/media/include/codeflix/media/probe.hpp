#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace codeflix::media {

/// What libavformat reads from a media file's header and stream parameters. Only the first video
/// stream (attached cover pictures aside) and the first audio stream are described.
struct ProbeResult {
    std::string format_name;  ///< libavformat's short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    /// The container's duration, else the longest stream's; 0 if unknown.
    double duration_seconds = 0;
    std::int64_t bit_rate = 0;  ///< bits per second for the whole file; 0 if unknown
    bool has_video = false;
    bool has_audio = false;
    std::string video_codec;  ///< avcodec_get_name, e.g. "h264"
    std::string audio_codec;  ///< e.g. "aac"
    int width = 0;            ///< the stored frame size, before rotation
    int height = 0;
    /// Degrees, one of 0, 90, 180, 270: how far a player turns the stored frame *clockwise* to
    /// show it upright, from the display matrix. A phone's portrait recording (QuickTime matrix
    /// 0 1 -1 0, the old `rotate=90` tag) is 90; ffprobe's side-data "rotation" for it is -90,
    /// because libavutil counts counter-clockwise. Mirroring in the matrix is ignored.
    int rotation = 0;
    int display_width = 0;  ///< the frame size as shown: width and height swapped for 90 and 270
    int display_height = 0;
    double frame_rate = 0;             ///< average frame rate, else the base (r_frame_rate) one
    bool variable_frame_rate = false;  ///< average and base frame rates differ by more than 1%
    int audio_channels = 0;
    int audio_sample_rate = 0;
    std::string pixel_format;  ///< e.g. "yuv420p"; empty if unknown
};

/// Why a file could not be probed, in words an admin can act on ("not a media file ffmpeg can
/// read", "file is empty", "file is truncated or corrupt: ...").
struct ProbeFailure {
    explicit ProbeFailure(std::string why, bool out_of_time = false)
        : reason(std::move(why)), timed_out(out_of_time) {}
    std::string reason;
    /// True when the file was not judged (the time limit ran out): trying again may succeed.
    bool timed_out = false;
};

using ProbeOutcome = std::variant<ProbeResult, ProbeFailure>;

/// Reads the container header and stream parameters of a local file with libavformat, bounded:
/// at most 50 MB and 30 s of media are analysed, and the work is abandoned after `timeout`. The
/// file may not pull in other files or URLs (HLS playlists, QuickTime reference movies, concat
/// lists are refused), so an upload cannot make the server read elsewhere. A file with neither
/// audio nor video fails. Never throws for bad input; safe to call from several threads.
/// libav's own log lines go to the debug level of codeflix::log instead of stderr.
ProbeOutcome probe(const std::filesystem::path& file,
                   std::chrono::milliseconds timeout = std::chrono::seconds(30));

/// Reads every packet of the file (without decoding) to catch a truncated upload whose header
/// looks complete, such as a `-movflags +faststart` MP4 cut short. Fails when the container's
/// index points past the end of the file, when reading stops with an error other than end of
/// file, or when the last packet ends short of the header's duration by more than max(2 s, 5%).
/// Everything probe() refuses is refused here too.
std::optional<ProbeFailure> check_complete(
    const std::filesystem::path& file,
    std::chrono::milliseconds timeout = std::chrono::seconds(120));

}  // namespace codeflix::media
