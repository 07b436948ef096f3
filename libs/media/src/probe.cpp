extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <codeflix/core/log.hpp>
#include <codeflix/media/probe.hpp>
#include <codeflix/media/sniff.hpp>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <utility>

namespace codeflix::media {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kProbeBytes = 50'000'000;
constexpr std::int64_t kAnalyzeMicroseconds = std::int64_t{30} * AV_TIME_BASE;
constexpr std::string_view kRefusedReference =
    "file refers to other files or URLs (a playlist or a reference), which is not allowed";

// libav writes to stderr by default; its warnings about a bad upload belong at debug level,
// since the caller reports the outcome itself.
void forward_libav_log(void* source, int level, const char* format, va_list args) {
    if (level > AV_LOG_WARNING || !log::enabled(log::Level::debug)) return;
    thread_local int print_prefix = 1;
    std::array<char, 1024> line{};
    av_log_format_line2(source, level, format, args, line.data(), static_cast<int>(line.size()),
                        &print_prefix);
    std::string_view text(line.data());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (!text.empty()) log::debug("libav", {{"message", text}});
}

void install_log_forwarding() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(forward_libav_log); });
}

std::string libav_error(int code) {
    std::array<char, AV_ERROR_MAX_STRING_SIZE> text{};
    av_strerror(code, text.data(), text.size());
    return text.data();
}

std::string describe_duration(std::chrono::milliseconds duration) {
    if (duration.count() % 1000 == 0) return std::to_string(duration.count() / 1000) + " s";
    return std::to_string(duration.count()) + " ms";
}

std::string describe_seconds(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f s", value);
    return text.data();
}

std::string read_head(const std::filesystem::path& file, std::size_t count) {
    std::ifstream in(file, std::ios::binary);
    std::string head(count, '\0');
    in.read(head.data(), static_cast<std::streamsize>(count));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

std::optional<ProbeFailure> check_file(const std::filesystem::path& file) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(file, error);
    if (status.type() == fs::file_type::not_found) return ProbeFailure{"file not found"};
    if (error) return ProbeFailure{"file cannot be read: " + error.message()};
    if (!fs::is_regular_file(status)) return ProbeFailure{"not a regular file"};
    const std::uintmax_t size = fs::file_size(file, error);
    if (error) return ProbeFailure{"file cannot be read: " + error.message()};
    if (size == 0) return ProbeFailure{"file is empty"};
    return std::nullopt;
}

std::string describe_open_error(int code, const std::filesystem::path& file) {
    if (code == AVERROR(ENOENT)) return "file not found";
    if (code == AVERROR(EACCES)) return "file cannot be read: permission denied";
    if (code == AVERROR_INVALIDDATA) {
        // An MP4 cut short without its moov box (written last unless +faststart) lands here too.
        if (auto container = sniff_container(read_head(file, 512))) {
            return "file is truncated or corrupt: it starts like " + *container +
                   " but ffmpeg cannot read its header";
        }
        return "not a media file ffmpeg can read";
    }
    return "file cannot be opened: " + libav_error(code);
}

/// Per-call state that libav's callbacks reach through AVFormatContext::opaque and
/// interrupt_callback.opaque (nested demuxer contexts share the same opaque).
struct Guard {
    std::string url;
    Clock::time_point deadline;
    int (*default_open)(AVFormatContext*, AVIOContext**, const char*, int,
                        AVDictionary**) = nullptr;
    std::atomic<bool> refused{false};
};

int interrupt_when_late(void* opaque) {
    return Clock::now() >= static_cast<const Guard*>(opaque)->deadline ? 1 : 0;
}

// Demuxers open further inputs through io_open: HLS segments, concat lists, QuickTime references.
// An uploaded playlist could make the server fetch URLs or read local files, so only the probed
// file itself may be opened.
int open_only_the_input(AVFormatContext* context, AVIOContext** pb, const char* url, int flags,
                        AVDictionary** options) {
    auto* guard = static_cast<Guard*>(context->opaque);
    if (url == nullptr || guard->url != url || (flags & AVIO_FLAG_WRITE) != 0) {
        guard->refused = true;
        return AVERROR(EPERM);
    }
    return guard->default_open(context, pb, url, flags, options);
}

struct FormatCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};

struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

/// One opened input: the format context and the guard its callbacks point to.
class Input {
  public:
    Input(const std::filesystem::path& file, std::chrono::milliseconds timeout)
        : file_(file), timeout_(timeout) {
        guard_.url = "file:" + file.string();  // never another protocol, whatever the path says
        guard_.deadline = Clock::now() + timeout;
    }
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    /// Opens the file and reads its stream parameters; on failure, says why.
    std::optional<ProbeFailure> open() {
        install_log_forwarding();
        if (auto failure = check_file(file_)) return failure;
        AVFormatContext* raw = avformat_alloc_context();
        if (raw == nullptr) return ProbeFailure{"out of memory opening the file"};
        raw->probesize = kProbeBytes;
        raw->max_analyze_duration = kAnalyzeMicroseconds;
        raw->interrupt_callback.callback = interrupt_when_late;
        raw->interrupt_callback.opaque = &guard_;
        raw->opaque = &guard_;
        guard_.default_open = raw->io_open;
        raw->io_open = open_only_the_input;
        // avformat_open_input frees the context when it fails.
        int code = avformat_open_input(&raw, guard_.url.c_str(), nullptr, nullptr);
        if (code < 0) return aborted().value_or(ProbeFailure{describe_open_error(code, file_)});
        context_.reset(raw);
        code = avformat_find_stream_info(raw, nullptr);
        if (code < 0) {
            return aborted().value_or(
                ProbeFailure{"file is truncated or corrupt: " + libav_error(code)});
        }
        if (guard_.refused) return ProbeFailure{std::string(kRefusedReference)};
        return std::nullopt;
    }

    /// Why the last libav call was cut short by this input's own limits, if it was.
    std::optional<ProbeFailure> aborted() const {
        if (guard_.refused) return ProbeFailure{std::string(kRefusedReference)};
        if (late()) {
            return ProbeFailure{"reading the file took longer than " + describe_duration(timeout_),
                                true};
        }
        return std::nullopt;
    }

    bool late() const { return Clock::now() >= guard_.deadline; }
    AVFormatContext& context() const { return *context_; }

  private:
    std::filesystem::path file_;
    std::chrono::milliseconds timeout_;
    Guard guard_;  // declared before context_, so it outlives it
    std::unique_ptr<AVFormatContext, FormatCloser> context_;
};

double seconds(std::int64_t timestamp, AVRational time_base) {
    return static_cast<double>(timestamp) * av_q2d(time_base);
}

double header_duration(const AVFormatContext& context) {
    if (context.duration == AV_NOPTS_VALUE || context.duration <= 0) return 0;
    return static_cast<double>(context.duration) / AV_TIME_BASE;
}

double duration_of(const AVFormatContext& context) {
    if (double duration = header_duration(context); duration > 0) return duration;
    double longest = 0;
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        const AVStream& stream = *context.streams[i];
        if (stream.duration == AV_NOPTS_VALUE || stream.duration <= 0) continue;
        longest = std::max(longest, seconds(stream.duration, stream.time_base));
    }
    return longest;
}

const AVStream* first_stream(const AVFormatContext& context, AVMediaType type) {
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        const AVStream* stream = context.streams[i];
        if (stream->codecpar->codec_type != type) continue;
        if ((stream->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0) continue;
        return stream;
    }
    return nullptr;
}

// av_display_rotation_get counts counter-clockwise; players turn the frame the other way round.
int clockwise_rotation(const AVStream& stream) {
    std::size_t size = 0;
    const std::uint8_t* data = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    std::array<std::int32_t, 9> matrix{};
    if (data == nullptr || size < sizeof matrix) return 0;
    std::memcpy(matrix.data(), data, sizeof matrix);  // side data carries no alignment promise
    const double counter_clockwise = av_display_rotation_get(matrix.data());
    if (std::isnan(counter_clockwise)) return 0;
    const long quarter_turns = std::lround(-counter_clockwise / 90.0) % 4;
    return static_cast<int>((quarter_turns + 4) % 4) * 90;
}

bool known(AVRational rate) { return rate.num > 0 && rate.den > 0; }

void describe_video(const AVStream& stream, ProbeResult& result) {
    const AVCodecParameters& parameters = *stream.codecpar;
    result.has_video = true;
    result.video_codec = avcodec_get_name(parameters.codec_id);
    result.width = parameters.width;
    result.height = parameters.height;
    result.rotation = clockwise_rotation(stream);
    const bool sideways = result.rotation == 90 || result.rotation == 270;
    result.display_width = sideways ? parameters.height : parameters.width;
    result.display_height = sideways ? parameters.width : parameters.height;
    const char* pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(parameters.format));
    result.pixel_format = pixel_format != nullptr ? pixel_format : "";

    const AVRational average = stream.avg_frame_rate;
    const AVRational base = stream.r_frame_rate;
    if (known(average)) {
        result.frame_rate = av_q2d(average);
    } else if (known(base)) {
        result.frame_rate = av_q2d(base);
    }
    if (known(average) && known(base)) {
        result.variable_frame_rate = std::abs(av_q2d(average) - av_q2d(base)) > 0.01 * av_q2d(base);
    }
}

void describe_audio(const AVStream& stream, ProbeResult& result) {
    const AVCodecParameters& parameters = *stream.codecpar;
    result.has_audio = true;
    result.audio_codec = avcodec_get_name(parameters.codec_id);
    result.audio_channels = parameters.ch_layout.nb_channels;
    result.audio_sample_rate = parameters.sample_rate;
}

// A sample table (MP4) or cue list (Matroska) that points past the end of the file is the surest
// sign of a cut: it is written for the whole file.
std::optional<ProbeFailure> check_index(const AVFormatContext& context) {
    const std::int64_t size = context.pb != nullptr ? avio_size(context.pb) : -1;
    if (size <= 0) return std::nullopt;
    std::int64_t furthest = 0;
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        AVStream* stream = context.streams[i];
        const int entries = avformat_index_get_entries_count(stream);
        for (int k = 0; k < entries; ++k) {
            const AVIndexEntry* entry = avformat_index_get_entry(stream, k);
            if (entry != nullptr) furthest = std::max(furthest, entry->pos + entry->size);
        }
    }
    if (furthest <= size) return std::nullopt;
    return ProbeFailure{"file is truncated: its index refers to " + std::to_string(furthest) +
                        " bytes but the file has only " + std::to_string(size)};
}

struct ReadEnd {
    int code = 0;                 ///< what av_read_frame returned last
    bool any_timestamp = false;   ///< whether any intact packet carried a timestamp
    double last_end_seconds = 0;  ///< the latest packet end, from the file's start time
};

ReadEnd read_all_packets(const Input& input) {
    AVFormatContext& context = input.context();
    ReadEnd end;
    std::unique_ptr<AVPacket, PacketFreer> packet(av_packet_alloc());
    if (!packet) {
        end.code = AVERROR(ENOMEM);
        return end;
    }
    const double start = context.start_time != AV_NOPTS_VALUE
                             ? static_cast<double>(context.start_time) / AV_TIME_BASE
                             : 0;
    end.last_end_seconds = -std::numeric_limits<double>::infinity();
    while ((end.code = av_read_frame(&context, packet.get())) >= 0) {
        const AVStream& stream = *context.streams[packet->stream_index];
        const std::int64_t at = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        // A packet the demuxer flags corrupt was cut off: it does not count as read.
        if (at != AV_NOPTS_VALUE && (packet->flags & AV_PKT_FLAG_CORRUPT) == 0) {
            const std::int64_t until = at + std::max<std::int64_t>(packet->duration, 0);
            end.last_end_seconds =
                std::max(end.last_end_seconds, seconds(until, stream.time_base) - start);
            end.any_timestamp = true;
        }
        av_packet_unref(packet.get());
        if (input.late()) break;  // leaves a non-negative code: reported as a timeout
    }
    return end;
}

}  // namespace

ProbeOutcome probe(const std::filesystem::path& file, std::chrono::milliseconds timeout) {
    Input input(file, timeout);
    if (auto failure = input.open()) return *std::move(failure);
    const AVFormatContext& context = input.context();
    const AVStream* video = first_stream(context, AVMEDIA_TYPE_VIDEO);
    const AVStream* audio = first_stream(context, AVMEDIA_TYPE_AUDIO);
    if (video == nullptr && audio == nullptr) return ProbeFailure{"no audio or video stream"};

    ProbeResult result;
    result.format_name = context.iformat->name;
    result.duration_seconds = duration_of(context);
    result.bit_rate = std::max<std::int64_t>(context.bit_rate, 0);
    if (video != nullptr) describe_video(*video, result);
    if (audio != nullptr) describe_audio(*audio, result);
    return result;
}

std::optional<ProbeFailure> check_complete(const std::filesystem::path& file,
                                           std::chrono::milliseconds timeout) {
    Input input(file, timeout);
    if (auto failure = input.open()) return failure;
    if (auto failure = check_index(input.context())) return failure;

    const ReadEnd end = read_all_packets(input);
    if (end.code != AVERROR_EOF) {
        if (auto failure = input.aborted()) return failure;
        return ProbeFailure{"file is truncated or corrupt: " + libav_error(end.code)};
    }
    const double expected = header_duration(input.context());
    if (expected <= 0) return std::nullopt;
    if (!end.any_timestamp) {
        return ProbeFailure{"file is truncated or corrupt: no packet could be read"};
    }
    const double allowed_gap = std::max(2.0, 0.05 * expected);
    if (expected - end.last_end_seconds > allowed_gap) {
        return ProbeFailure{"file is truncated: its media ends at " +
                            describe_seconds(end.last_end_seconds) + " but its header says " +
                            describe_seconds(expected)};
    }
    return std::nullopt;
}

}  // namespace codeflix::media
