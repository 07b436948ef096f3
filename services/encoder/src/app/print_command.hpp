#pragma once

namespace codeflix::encoder::app {

/// `codeflix-encoder command INPUT OUTPUT_DIR [--ladder-only]`: probes INPUT and prints, one
/// argument per line, the ffmpeg command the encoder runs for it (settings PRESET, THREADS and
/// FFMPEG apply); `--ladder-only` leaves out the poster and trick-play outputs (the benchmark's
/// anchor: the same ladder, preset and options, one CMAF output). Returns the exit code.
int print_command(int argc, char** argv);

}  // namespace codeflix::encoder::app
