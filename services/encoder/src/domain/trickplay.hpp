#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace codeflix::encoder::domain {

/// Trick-play thumbnails (the pictures above the seek bar): one frame every 10 s, 320 pixels
/// wide, tiled 10x10 into JPEG sprites that a WebVTT index points into with #xywh fragments.
constexpr int kTrickplayIntervalSeconds = 10;
constexpr int kTrickplayTileWidth = 320;
constexpr int kTrickplayColumns = 10;
constexpr int kTrickplayRows = 10;
/// Sprite file names (printf style, as ffmpeg's image2 muxer takes them), numbered from 1.
constexpr std::string_view kTrickplaySpritePattern = "sprite_%03d.jpg";
constexpr int kTrickplayFirstSpriteNumber = 1;

/// The height of a tile `tile_width` wide of a `display_width` x `display_height` picture: the
/// even number ffmpeg's `scale=320:-2` computes (scaled_even).
int trickplay_tile_height(int tile_width, int display_width, int display_height);

/// The number of thumbnails of a video `duration_seconds` long: ceil(duration / interval), what
/// ffmpeg's `fps=1/10:round=up` emits (its `round=near` default would give a 2 s clip none).
/// 0 for an unknown duration.
std::int64_t trickplay_cue_count(double duration_seconds, int interval_seconds);

/// The WebVTT index of the sprites build_encode_command makes ffmpeg write: one cue per
/// interval, the last ending at the duration, each naming its tile, for example
/// `00:00:10.000 --> 00:00:20.000` and `sprite_002.jpg#xywh=0,0,320,180`.
///
/// Layout: ffmpeg's tile filter only writes a sprite once its 100 tiles are full, and ffmpeg
/// prints no -progress at all until every output has written its first frame; so the command
/// starts the tiles with `init_padding` = columns * rows - 1 blank tiles. The first sprite holds
/// only the first thumbnail, in its last tile (bottom right), and is written at once; every
/// later sprite holds the next columns * rows thumbnails, left to right, top to bottom.
/// `sprite_pattern` takes one %d, %Nd or %0Nd (and %% for a percent sign). Throws
/// std::invalid_argument for a non-positive interval, tile size, columns or rows.
std::string trickplay_vtt(double duration_seconds, int interval_seconds, int tile_width,
                          int tile_height, int columns, int rows,
                          const std::string& sprite_pattern);

/// `pattern` with its number field filled with `number`: "sprite_%03d.jpg", 7 -> sprite_007.jpg.
std::string sprite_file_name(std::string_view pattern, std::int64_t number);

}  // namespace codeflix::encoder::domain
