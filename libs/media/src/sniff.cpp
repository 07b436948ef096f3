#include <codeflix/media/sniff.hpp>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>

namespace codeflix::media {
namespace {

using namespace std::string_view_literals;
using core::Error;

constexpr std::string_view kNotAnImage = "not a JPEG, PNG or WebP image";
constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n"sv;
constexpr std::string_view kJpegStart = "\xff\xd8\xff"sv;
constexpr std::uint32_t kMaxDimension = std::numeric_limits<int>::max();

/// Bounds-checked reads over the first bytes of a file. Callers check has() before reading a
/// field; a read outside the bytes still yields 0 rather than touching memory it does not own.
class Bytes {
  public:
    explicit Bytes(std::string_view data) : data_(data) {}

    std::size_t size() const { return data_.size(); }
    bool has(std::size_t pos, std::size_t count) const {
        return pos <= data_.size() && count <= data_.size() - pos;
    }
    bool matches(std::size_t pos, std::string_view text) const {
        return has(pos, text.size()) && data_.substr(pos, text.size()) == text;
    }
    std::uint32_t u8(std::size_t pos) const {
        return pos < data_.size() ? static_cast<unsigned char>(data_[pos]) : 0u;
    }
    std::uint32_t be16(std::size_t pos) const { return u8(pos) << 8 | u8(pos + 1); }
    std::uint32_t be32(std::size_t pos) const { return be16(pos) << 16 | be16(pos + 2); }
    std::uint32_t le16(std::size_t pos) const { return u8(pos) | u8(pos + 1) << 8; }
    std::uint32_t le24(std::size_t pos) const { return le16(pos) | u8(pos + 2) << 16; }
    std::uint32_t le32(std::size_t pos) const { return le24(pos) | u8(pos + 3) << 24; }

  private:
    std::string_view data_;
};

/// Whether `head` is a non-empty proper prefix of `signature`: the file was cut inside it.
bool cut_inside(std::string_view head, std::string_view signature) {
    return !head.empty() && head.size() < signature.size() && signature.starts_with(head);
}

// An ISO BMFF box size is 0 (to the end of the file), 1 (64-bit size follows) or at least 8.
bool plausible_box(const Bytes& bytes, std::string_view type) {
    if (!bytes.matches(4, type)) return false;
    const std::uint32_t size = bytes.be32(0);
    return size == 0 || size == 1 || size >= 8;
}

// MPEG-TS packets are 188 bytes (192 in M2TS, sync byte after a 4-byte timestamp); one 0x47 alone
// is too weak a sign (any text starting with 'G'), so at least two packets must be present.
bool has_sync_bytes(const Bytes& bytes, std::size_t first, std::size_t stride) {
    int seen = 0;
    for (std::size_t pos = first; pos < first + 3 * stride && pos < bytes.size(); pos += stride) {
        if (bytes.u8(pos) != 0x47) return false;
        ++seen;
    }
    return seen >= 2;
}

ImageInfo image(std::string format, std::uint32_t width, std::uint32_t height) {
    return {std::move(format), static_cast<int>(width), static_cast<int>(height)};
}

core::Result<ImageInfo> read_png(const Bytes& bytes) {
    // Signature (8), then IHDR first: length (4), "IHDR" (4), width (4), height (4).
    if (!bytes.has(0, 24)) return Error::unprocessable("truncated PNG header");
    if (!bytes.matches(12, "IHDR")) {
        return Error::unprocessable("corrupt PNG header: the first chunk is not IHDR");
    }
    const std::uint32_t width = bytes.be32(16);
    const std::uint32_t height = bytes.be32(20);
    if (width == 0 || height == 0) {
        return Error::unprocessable("PNG header gives a zero width or height");
    }
    if (width > kMaxDimension || height > kMaxDimension) {
        return Error::unprocessable("PNG header gives dimensions out of range");
    }
    return image("png", width, height);
}

// Markers without a length field: TEM, RST0..RST7 and a repeated SOI.
bool is_standalone(std::uint32_t marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
}

// SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
bool is_frame_header(std::uint32_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

core::Result<ImageInfo> read_jpeg(const Bytes& bytes) {
    const auto not_found = [&bytes] {
        return Error::unprocessable("JPEG header not found in the first " +
                                    std::to_string(bytes.size()) + " bytes");
    };
    const auto corrupt = [](std::size_t at) {
        return Error::unprocessable("corrupt JPEG header at byte " + std::to_string(at));
    };
    std::size_t pos = 2;  // after SOI
    while (true) {
        if (!bytes.has(pos, 1)) return not_found();
        if (bytes.u8(pos) != 0xFF) return corrupt(pos);
        while (bytes.has(pos, 1) && bytes.u8(pos) == 0xFF) ++pos;  // fill bytes
        if (!bytes.has(pos, 1)) return not_found();
        const std::uint32_t marker = bytes.u8(pos);
        ++pos;
        if (is_standalone(marker)) continue;
        if (marker == 0x00) return corrupt(pos - 1);
        if (marker == 0xD9) return Error::unprocessable("JPEG ends before its frame header");
        if (marker == 0xDA) {
            return Error::unprocessable("corrupt JPEG: scan data before the frame header");
        }
        if (!bytes.has(pos, 2)) return not_found();
        const std::uint32_t length = bytes.be16(pos);
        if (length < 2) return corrupt(pos);
        if (is_frame_header(marker)) {
            // Length (2), sample precision (1), height (2), width (2), components...
            if (length < 8) return corrupt(pos);
            if (!bytes.has(pos, 7)) return not_found();
            const std::uint32_t height = bytes.be16(pos + 3);
            const std::uint32_t width = bytes.be16(pos + 5);
            if (width == 0 || height == 0) {
                return Error::unprocessable("JPEG frame header gives a zero width or height");
            }
            return image("jpeg", width, height);
        }
        pos += length;
    }
}

core::Result<ImageInfo> read_webp(const Bytes& bytes) {
    // "RIFF", size, "WEBP", then the first chunk: four-character code, size, payload at 20.
    constexpr std::size_t kPayload = 20;
    const auto truncated = [] { return Error::unprocessable("truncated WebP header"); };
    if (!bytes.has(0, kPayload)) return truncated();
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    if (bytes.matches(12, "VP8 ")) {
        // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (the top
        // two bits of each are a scaling hint).
        if (!bytes.has(kPayload, 10)) return truncated();
        if ((bytes.u8(kPayload) & 1) != 0) {
            return Error::unprocessable("corrupt WebP header: the VP8 frame is not a key frame");
        }
        if (!bytes.matches(kPayload + 3, "\x9d\x01\x2a"sv)) {
            return Error::unprocessable("corrupt WebP header: VP8 start code missing");
        }
        width = bytes.le16(kPayload + 6) & 0x3FFF;
        height = bytes.le16(kPayload + 8) & 0x3FFF;
    } else if (bytes.matches(12, "VP8L")) {
        // Lossless: signature 0x2F, then 14 bits width - 1, 14 bits height - 1, 1 bit alpha and
        // a 3-bit version that must be 0.
        if (!bytes.has(kPayload, 5)) return truncated();
        if (bytes.u8(kPayload) != 0x2F) {
            return Error::unprocessable("corrupt WebP header: VP8L signature missing");
        }
        const std::uint32_t bits = bytes.le32(kPayload + 1);
        if ((bits >> 29) != 0) {
            return Error::unprocessable("corrupt WebP header: unknown VP8L version");
        }
        width = (bits & 0x3FFF) + 1;
        height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (bytes.matches(12, "VP8X")) {
        // Extended: flags (1), reserved (3), 24-bit canvas width - 1 and height - 1.
        if (!bytes.has(kPayload, 10)) return truncated();
        width = bytes.le24(kPayload + 4) + 1;
        height = bytes.le24(kPayload + 7) + 1;
    } else {
        return Error::unprocessable("WebP image starts with an unknown chunk");
    }
    if (width == 0 || height == 0) {
        return Error::unprocessable("WebP header gives a zero width or height");
    }
    return image("webp", width, height);
}

// A head shorter than the 12-byte RIFF header that matches "RIFF????WEBP" as far as it goes.
bool cut_inside_webp_header(std::string_view head) {
    if (head.empty() || head.size() >= 12) return false;
    return "RIFF"sv.starts_with(head.substr(0, 4)) &&
           (head.size() <= 8 || "WEBP"sv.starts_with(head.substr(8)));
}

}  // namespace

std::optional<std::string> sniff_container(std::string_view head) {
    const Bytes bytes(head);
    if (plausible_box(bytes, "ftyp")) return "mp4";
    for (std::string_view type : {"moov"sv, "mdat"sv, "free"sv, "wide"sv, "skip"sv, "pnot"sv}) {
        if (plausible_box(bytes, type)) return "mov";
    }
    if (bytes.matches(0, "\x1a\x45\xdf\xa3"sv)) return "matroska";
    if (bytes.matches(0, "RIFF") && bytes.matches(8, "AVI ")) return "avi";
    if (bytes.matches(0, "\x00\x00\x01\xba"sv)) return "mpegps";
    if (bytes.matches(0, "FLV")) return "flv";
    if (has_sync_bytes(bytes, 0, 188) || has_sync_bytes(bytes, 4, 192)) return "mpegts";
    return std::nullopt;
}

core::Result<ImageInfo> sniff_image(std::string_view head) {
    const Bytes bytes(head);
    if (bytes.matches(0, kPngSignature) || cut_inside(head, kPngSignature)) {
        return read_png(bytes);
    }
    if (bytes.matches(0, kJpegStart) || cut_inside(head, kJpegStart)) return read_jpeg(bytes);
    if (bytes.matches(0, "RIFF") && bytes.matches(8, "WEBP")) return read_webp(bytes);
    if (cut_inside_webp_header(head)) return Error::unprocessable("truncated WebP header");
    return Error::unprocessable(std::string(kNotAnImage));
}

}  // namespace codeflix::media
