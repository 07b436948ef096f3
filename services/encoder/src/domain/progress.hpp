#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::encoder::domain {

/// One report of ffmpeg's `-progress` output: key=value lines ending with `progress=continue`,
/// or `progress=end` for the last one.
struct ProgressBlock {
    /// How far the outputs are, in seconds of the source: from out_time_us, else out_time_ms
    /// (also microseconds in ffmpeg 5.1, despite its name), else out_time (hh:mm:ss.micros).
    /// Empty when ffmpeg knew no time yet (N/A, or the INT64_MIN + 1 that 5.1 prints before any
    /// output has a timestamp). Can be slightly negative at the start (audio priming).
    std::optional<double> out_time_seconds;
    /// Times real time ("1.53x"); empty when ffmpeg printed N/A.
    std::optional<double> speed;
    /// Frames encoded of the first video output: the smallest rung.
    std::int64_t frame = 0;
    /// This is the last report (ffmpeg is finishing, not necessarily successfully).
    bool end = false;
};

/// An incremental parser of ffmpeg's -progress output: bytes go in as the pipe delivers them,
/// completed blocks come out. Unknown keys are ignored, unreadable values leave their field
/// empty, and a line longer than kMaxLineBytes is dropped rather than buffered.
class ProgressParser {
  public:
    static constexpr std::size_t kMaxLineBytes = 4096;

    /// Feeds bytes as they arrive (lines may be split across calls); returns the blocks
    /// completed.
    std::vector<ProgressBlock> feed(std::string_view bytes);

  private:
    void take_line(std::string_view line, std::vector<ProgressBlock>& completed);

    std::string line_;
    bool dropping_line_ = false;
    ProgressBlock block_;
    /// Which key out_time came from in this block: 0 none, 1 out_time, 2 out_time_ms,
    /// 3 out_time_us; a better key replaces what a worse one gave.
    int out_time_source_ = 0;
};

/// The percentage of a job done when its outputs are `out_time_seconds` into a source
/// `duration_seconds` long, rounded down and clamped to 0..99: 100 is for the caller to report
/// once ffmpeg has exited with success. 0 when the duration is unknown.
int percent(double out_time_seconds, double duration_seconds);

}  // namespace codeflix::encoder::domain
