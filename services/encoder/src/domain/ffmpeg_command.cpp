#include "ffmpeg_command.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "trickplay.hpp"

namespace codeflix::encoder::domain {
namespace {

constexpr std::array<std::string_view, 10> kX264Presets{
    "ultrafast", "superfast", "veryfast", "faster",   "fast",
    "medium",    "slow",      "slower",   "veryslow", "placebo"};

std::string file_url(const std::filesystem::path& path) { return "file:" + path.string(); }

/// image2 reads a printf pattern from the whole file name, folders included.
std::string escape_percent(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '%') out += '%';
    }
    return out;
}

/// A frame rate as the fps filter takes it, exact for whole and NTSC (N*1000/1001) rates.
std::string frame_rate_text(double fps) {
    double whole = std::round(fps);
    if (whole >= 1 && std::abs(fps - whole) < 1e-3)
        return std::to_string(static_cast<long long>(whole));
    double ntsc = std::round(fps * 1.001);
    if (ntsc >= 1 && std::abs(fps * 1.001 - ntsc) < 1e-3)
        return std::to_string(static_cast<long long>(ntsc) * 1000) + "/1001";
    return std::to_string(std::max(1LL, std::llround(fps * 1000))) + "/1000";
}

/// The GOP length in frames. The keyframes themselves come from -force_key_frames (a time
/// rule, so 29.97 fps gets them at 2.002 s); -g only keeps x264 from adding its own between.
int gop_frames(double fps) {
    return std::max(1, static_cast<int>(std::ceil(fps * kGopSeconds - 1e-6)));
}

/// The frame shown as the poster: a third of the way in, past the logos and fades of the start
/// and before the credits.
long long poster_frame(const SourceInfo& source, double fps) {
    double duration = source.duration_seconds;
    if (!std::isfinite(duration) || duration <= 0) return 0;
    return static_cast<long long>(std::floor(std::min(duration / 3, 1e9) * fps));
}

std::string filter_graph(const SourceInfo& source, const std::vector<Rung>& rungs,
                         const EncodeOptions& options) {
    const double fps = output_frame_rate(source);
    const bool poster = options.images;
    const bool trickplay = options.images && options.trickplay;
    const std::size_t branches = rungs.size() + (poster ? 1 : 0) + (trickplay ? 1 : 0);
    auto branch = [](std::size_t i) { return "[s" + std::to_string(i) + "]"; };

    // One decode, one frame-rate conversion (constant output from variable-rate sources),
    // then a branch per output.
    std::string graph = "[0:v]fps=" + frame_rate_text(fps) + ",split=" + std::to_string(branches);
    for (std::size_t i = 0; i < branches; ++i) graph += branch(i);
    // Explicit sizes without setsar: scale sets each rung's SAR so its display aspect ratio is
    // exactly the source's (426x240 of 16:9 gets SAR 640:639); the DASH muxer refuses an
    // adaptation set whose representations differ in display aspect ratio.
    for (std::size_t i = 0; i < rungs.size(); ++i) {
        graph += ";" + branch(i) + "scale=" + std::to_string(rungs[i].width) + ":" +
                 std::to_string(rungs[i].height) + ",format=yuv420p[v" + std::to_string(i) + "]";
    }
    std::size_t next = rungs.size();
    if (poster) {
        // ffmpeg prints no progress until every output has written a frame, so the poster
        // writes the first frame at once and overwrites it (-update 1) with the chosen one;
        // trim ends the branch there, so nothing more is scaled.
        long long frame = poster_frame(source, fps);
        PictureSize size = poster_size(source);
        graph += ";" + branch(next++) + "trim=end_frame=" + std::to_string(frame + 1);
        if (frame > 0) graph += ",select='eq(n,0)+eq(n," + std::to_string(frame) + ")'";
        graph += ",scale=" + std::to_string(size.width) + ":" + std::to_string(size.height) +
                 ",setsar=1[poster]";
    }
    if (trickplay) {
        // round=up: the frame at 0 s, 10 s, ..., and ceil(duration / 10) of them.
        // init_padding: see trickplay_vtt.
        int tile_height =
            trickplay_tile_height(kTrickplayTileWidth, source.display_width, source.display_height);
        graph += ";" + branch(next++) + "fps=1/" + std::to_string(kTrickplayIntervalSeconds) +
                 ":round=up,scale=" + std::to_string(kTrickplayTileWidth) + ":" +
                 std::to_string(tile_height) +
                 ",setsar=1,tile=" + std::to_string(kTrickplayColumns) + "x" +
                 std::to_string(kTrickplayRows) +
                 ":init_padding=" + std::to_string(kTrickplayColumns * kTrickplayRows - 1) +
                 "[trickplay]";
    }
    return graph;
}

}  // namespace

bool is_x264_preset(std::string_view name) {
    return std::find(kX264Presets.begin(), kX264Presets.end(), name) != kX264Presets.end();
}

PictureSize poster_size(const SourceInfo& source) {
    if (source.display_width <= 0 || source.display_height <= 0) return {};
    int width = std::max(2, std::min(source.display_width, kPosterMaxWidth) / 2 * 2);
    return {width, scaled_even(width, source.display_height, source.display_width)};
}

std::vector<std::string> build_encode_command(const std::string& ffmpeg,
                                              const std::filesystem::path& input,
                                              const std::filesystem::path& output_dir,
                                              const SourceInfo& source,
                                              const std::vector<Rung>& rungs,
                                              const EncodeOptions& options) {
    if (rungs.empty()) throw std::invalid_argument("build_encode_command: no rungs");
    const std::string threads = std::to_string(options.threads);
    const bool limit_threads = options.threads > 0;
    std::vector<std::string> argv{ffmpeg,  "-hide_banner", "-nostdin",  "-nostats", "-v",
                                  "error", "-y",           "-progress", "pipe:1"};
    auto add = [&argv](std::initializer_list<std::string> args) {
        argv.insert(argv.end(), args.begin(), args.end());
    };
    if (limit_threads) add({"-threads", threads, "-filter_complex_threads", threads});
    add({"-protocol_whitelist", "file", "-i", file_url(input)});
    add({"-filter_complex", filter_graph(source, rungs, options)});

    for (std::size_t i = 0; i < rungs.size(); ++i) add({"-map", "[v" + std::to_string(i) + "]"});
    if (source.has_audio) add({"-map", "0:a:0"});
    // Phone videos carry GPS positions and device names in their metadata.
    add({"-map_metadata", "-1", "-map_chapters", "-1"});
    add({"-c:v", "libx264", "-preset", options.preset, "-profile:v", "high"});
    for (std::size_t i = 0; i < rungs.size(); ++i) {
        std::string v = ":v:" + std::to_string(i);
        add({"-b" + v, std::to_string(rungs[i].video_bitrate), "-maxrate" + v,
             std::to_string(rungs[i].maxrate), "-bufsize" + v, std::to_string(rungs[i].bufsize)});
    }
    add({"-g", std::to_string(gop_frames(output_frame_rate(source))), "-sc_threshold", "0",
         "-force_key_frames", "expr:gte(t,n_forced*" + std::to_string(kGopSeconds) + ")",
         "-forced-idr", "1", "-x264-params", "open-gop=0", "-fps_mode", "cfr"});
    if (source.has_audio) {
        add({"-c:a", "aac", "-b:a", std::string(kAudioBitrate), "-ac",
             std::to_string(kAudioChannels), "-ar", std::to_string(kAudioSampleRate)});
    }
    if (limit_threads) add({"-threads", threads});
    // One CMAF output for both protocols: the DASH muxer also writes the HLS playlists.
    add({"-f", "dash", "-dash_segment_type", "mp4", "-seg_duration",
         std::to_string(kSegmentSeconds), "-use_template", "1", "-use_timeline", "0"});
    add({"-hls_playlist", "1", "-hls_master_name", std::string(kMasterPlaylistName)});
    add({"-init_seg_name", std::string(kInitSegmentTemplate), "-media_seg_name",
         std::string(kMediaSegmentTemplate)});
    add({"-adaptation_sets",
         source.has_audio ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v"});
    add({file_url(output_dir / kManifestName)});

    if (!options.images) return argv;
    // passthrough: image2 would otherwise be fed at a constant rate, duplicating frames.
    add({"-map", "[poster]", "-fps_mode", "passthrough", "-update", "1", "-q:v",
         std::to_string(kPosterQuality)});
    if (limit_threads) add({"-threads", threads});
    add({"-f", "image2", file_url(output_dir / kPosterName)});
    if (!options.trickplay) return argv;
    // A sprite's timestamp counts in ffmpeg's out_time as its pts plus one tick of the
    // encoder's time base, which is 1000 s by default (1 / the tile's frame rate).
    add({"-map", "[trickplay]", "-fps_mode", "passthrough", "-enc_time_base", "1/1000", "-q:v",
         std::to_string(kSpriteQuality), "-start_number",
         std::to_string(kTrickplayFirstSpriteNumber)});
    if (limit_threads) add({"-threads", threads});
    add({"-f", "image2",
         "file:" + escape_percent((output_dir / kTrickplayFolder).string()) + "/" +
             std::string(kTrickplaySpritePattern)});
    return argv;
}

}  // namespace codeflix::encoder::domain
