#include <gtest/gtest.h>

#include <codeflix/media/sniff.hpp>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

using namespace codeflix;
using namespace codeflix::media;
using namespace std::string_literals;

namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int value : values) out += static_cast<char>(value);
    return out;
}

std::string be16(std::uint32_t v) { return bytes({int(v >> 8 & 0xFF), int(v & 0xFF)}); }
std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }
std::string le16(std::uint32_t v) { return bytes({int(v & 0xFF), int(v >> 8 & 0xFF)}); }
std::string le24(std::uint32_t v) { return le16(v & 0xFFFF) + bytes({int(v >> 16 & 0xFF)}); }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

// Each prefix of `full` in a heap block of exactly its size, so that a read past the end is an
// overflow AddressSanitizer reports.
template <class Check>
void for_each_prefix(const std::string& full, Check check) {
    for (std::size_t n = 0; n <= full.size(); ++n) {
        auto copy = std::make_unique<char[]>(n);
        std::memcpy(copy.get(), full.data(), n);
        check(std::string_view(copy.get(), n), n);
    }
}

void expect_unprocessable(const core::Result<ImageInfo>& result, const std::string& reason) {
    ASSERT_FALSE(result.ok()) << "expected: " << reason;
    EXPECT_EQ(result.error().code, core::ErrorCode::unprocessable);
    EXPECT_EQ(result.error().message, reason);
}

std::string png(std::uint32_t width, std::uint32_t height) {
    return "\x89PNG\r\n\x1a\n"s + be32(13) + "IHDR" + be32(width) + be32(height) +
           bytes({8, 2, 0, 0, 0}) + be32(0x12345678);
}

std::string segment(int marker, const std::string& payload) {
    return bytes({0xFF, marker}) + be16(static_cast<std::uint32_t>(payload.size() + 2)) + payload;
}

std::string frame_header(int marker, std::uint32_t width, std::uint32_t height) {
    return segment(marker, bytes({8}) + be16(height) + be16(width) +
                               bytes({3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1}));
}

const std::string kSoi = bytes({0xFF, 0xD8});
const std::string kJfif = segment(0xE0, "JFIF\0"s + bytes({1, 1, 0, 0, 1, 0, 1, 0, 0}));
const std::string kQuantTable = segment(0xDB, std::string(65, '\x01'));
const std::string kHuffmanTable = segment(0xC4, bytes({0x00}) + std::string(16, '\0'));

std::string webp(std::string_view chunk, const std::string& payload) {
    return "RIFF"s + le32(static_cast<std::uint32_t>(12 + payload.size())) + "WEBP" +
           std::string(chunk) + le32(static_cast<std::uint32_t>(payload.size())) + payload;
}

std::string lossy_webp(std::uint32_t width, std::uint32_t height, int frame_tag = 0x10) {
    return webp("VP8 ", bytes({frame_tag, 0x02, 0x00, 0x9D, 0x01, 0x2A}) + le16(width) +
                            le16(height) + std::string(8, '\0'));
}

std::string lossless_webp(std::uint32_t width, std::uint32_t height, std::uint32_t version = 0) {
    return webp("VP8L", bytes({0x2F}) +
                            le32((width - 1) | (height - 1) << 14 | 1u << 28 | version << 29) +
                            std::string(6, '\0'));
}

std::string extended_webp(std::uint32_t width, std::uint32_t height) {
    return webp("VP8X", bytes({0x10, 0, 0, 0}) + le24(width - 1) + le24(height - 1));
}

}  // namespace

TEST(SniffContainer, IsoBmffWithFtypIsMp4AndBareQuickTimeBoxesAreMov) {
    EXPECT_EQ(sniff_container(be32(32) + "ftypisom" + be32(512) + "isomiso2avc1mp41"), "mp4");
    EXPECT_EQ(sniff_container(be32(20) + "ftypqt  " + be32(0) + "qt  "), "mp4");
    EXPECT_EQ(sniff_container(be32(8) + "wide" + be32(4096) + "mdat"), "mov");
    EXPECT_EQ(sniff_container(be32(1024) + "moov" + be32(108) + "mvhd"), "mov");
    EXPECT_EQ(sniff_container(be32(1) + "mdat" + std::string(8, '\0')), "mov");
    EXPECT_EQ(sniff_container(be32(16) + "free"), "mov");
    EXPECT_EQ(sniff_container(be32(16) + "skip"), "mov");
    EXPECT_FALSE(sniff_container(be32(3) + "ftypisom"));  // no box is 3 bytes long
    EXPECT_FALSE(sniff_container("ab ftyp"));
}

TEST(SniffContainer, MatroskaAviProgramStreamAndFlv) {
    EXPECT_EQ(sniff_container(bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81})), "matroska");
    EXPECT_EQ(sniff_container("RIFF" + le32(4096) + "AVI LIST"), "avi");
    EXPECT_FALSE(sniff_container("RIFF" + le32(4096) + "WAVEfmt "));
    EXPECT_EQ(sniff_container(bytes({0x00, 0x00, 0x01, 0xBA, 0x44, 0x00})), "mpegps");
    EXPECT_FALSE(sniff_container(bytes({0x00, 0x00, 0x01, 0xB3})));  // an elementary stream
    EXPECT_EQ(sniff_container("FLV\x01\x05"s + be32(9)), "flv");
}

TEST(SniffContainer, TransportStreamNeedsSyncBytesOfAtLeastTwoPackets) {
    std::string ts(3 * 188, '\xFF');
    ts[0] = ts[188] = ts[376] = 0x47;
    EXPECT_EQ(sniff_container(ts), "mpegts");
    EXPECT_EQ(sniff_container(ts.substr(0, 189)), "mpegts");
    EXPECT_FALSE(sniff_container(ts.substr(0, 188)));  // one packet: 'G' alone proves nothing
    ts[376] = 0;
    EXPECT_FALSE(sniff_container(ts));

    std::string m2ts(3 * 192, '\0');
    m2ts[4] = m2ts[196] = m2ts[388] = 0x47;
    EXPECT_EQ(sniff_container(m2ts), "mpegts");
}

TEST(SniffContainer, AnythingElseIsUnknownAndNoPrefixIsReadOutOfBounds) {
    EXPECT_FALSE(sniff_container(""));
    EXPECT_FALSE(sniff_container("GIF89a"));
    EXPECT_FALSE(sniff_container("Hello, this is a text file and not a video at all.\n"));
    EXPECT_FALSE(sniff_container(png(16, 16)));
    const std::string samples[] = {be32(32) + "ftyp", bytes({0x1A, 0x45, 0xDF, 0xA3}),
                                   "RIFF" + le32(4096) + "AVI ", bytes({0, 0, 1, 0xBA}), "FLV"};
    for (const std::string& sample : samples) {
        for_each_prefix(sample, [&](std::string_view head, std::size_t n) {
            const bool known = sniff_container(head).has_value();
            EXPECT_EQ(known, n == sample.size()) << n;
        });
    }
}

TEST(SniffImage, PngDimensionsComeFromIhdr) {
    EXPECT_EQ(sniff_image(png(640, 480)).value(), (ImageInfo{"png", 640, 480}));
    EXPECT_EQ(sniff_image(png(1, 65535)).value(), (ImageInfo{"png", 1, 65535}));
    expect_unprocessable(sniff_image(png(0, 480)), "PNG header gives a zero width or height");
    expect_unprocessable(sniff_image(png(0x80000000u, 1)),
                         "PNG header gives dimensions out of range");
    std::string wrong_chunk = png(640, 480);
    wrong_chunk.replace(12, 4, "IDAT");
    expect_unprocessable(sniff_image(wrong_chunk),
                         "corrupt PNG header: the first chunk is not IHDR");
}

TEST(SniffImage, EveryTruncatedPngHeaderIsRejected) {
    const std::string full = png(640, 480);
    for_each_prefix(full, [](std::string_view head, std::size_t n) {
        auto result = sniff_image(head);
        if (n == 0) {
            expect_unprocessable(result, "not a JPEG, PNG or WebP image");
        } else if (n < 24) {
            expect_unprocessable(result, "truncated PNG header");
        } else {
            EXPECT_EQ(result.value(), (ImageInfo{"png", 640, 480})) << n;
        }
    });
}

TEST(SniffImage, JpegWalksSegmentsToTheFrameHeader) {
    const std::string baseline = kSoi + kJfif + kQuantTable + frame_header(0xC0, 640, 480) +
                                 kHuffmanTable + segment(0xDA, bytes({1, 1, 0, 0, 0x3F, 0}));
    EXPECT_EQ(sniff_image(baseline).value(), (ImageInfo{"jpeg", 640, 480}));

    // DHT (C4), JPG (C8) and DAC (CC) sit among the SOF codes but are not frame headers.
    const std::string progressive = kSoi + kHuffmanTable + segment(0xC8, "x") +
                                    segment(0xCC, bytes({0, 0x10})) +
                                    frame_header(0xC2, 1920, 1080);
    EXPECT_EQ(sniff_image(progressive).value(), (ImageInfo{"jpeg", 1920, 1080}));

    // Fill bytes before a marker, and markers without a length (RST0, TEM).
    const std::string padded = kSoi + bytes({0xFF, 0xFF, 0xFF}) + kJfif + bytes({0xFF, 0xD0}) +
                               bytes({0xFF, 0x01}) + frame_header(0xCF, 4000, 3000);
    EXPECT_EQ(sniff_image(padded).value(), (ImageInfo{"jpeg", 4000, 3000}));
}

TEST(SniffImage, JpegProblemsAreNamed) {
    expect_unprocessable(sniff_image(kSoi + kJfif + bytes({0xFF, 0xD9})),
                         "JPEG ends before its frame header");
    expect_unprocessable(sniff_image(kSoi + segment(0xDA, bytes({1, 1, 0, 0, 0x3F, 0}))),
                         "corrupt JPEG: scan data before the frame header");
    expect_unprocessable(sniff_image(kSoi + kJfif + "garbage"),
                         "corrupt JPEG header at byte " + std::to_string(2 + kJfif.size()));
    expect_unprocessable(sniff_image(kSoi + bytes({0xFF, 0x00, 0x00})),
                         "corrupt JPEG header at byte 3");
    expect_unprocessable(sniff_image(kSoi + bytes({0xFF, 0xE1, 0x00, 0x01}) + "xxxxxxxx"),
                         "corrupt JPEG header at byte 4");
    expect_unprocessable(sniff_image(kSoi + frame_header(0xC0, 0, 480)),
                         "JPEG frame header gives a zero width or height");
}

TEST(SniffImage, JpegFrameHeaderBeyondTheHeadIsReportedAsNotFound) {
    const std::string exif = segment(0xE1, "Exif\0\0"s + std::string(60000, 'x'));
    const std::string full = kSoi + exif + frame_header(0xC0, 800, 600);
    EXPECT_EQ(sniff_image(full).value(), (ImageInfo{"jpeg", 800, 600}));
    expect_unprocessable(sniff_image(std::string_view(full).substr(0, 4096)),
                         "JPEG header not found in the first 4096 bytes");
}

TEST(SniffImage, EveryTruncatedJpegHeaderIsRejected) {
    const std::string before_frame =
        kSoi + bytes({0xFF, 0xFF}) + kJfif + kQuantTable + kHuffmanTable + bytes({0xFF, 0xD3});
    const std::string full = before_frame + frame_header(0xC0, 1280, 720);
    const std::size_t needed = before_frame.size() + 9;  // marker (2), length, precision, h, w
    for_each_prefix(full, [&](std::string_view head, std::size_t n) {
        auto result = sniff_image(head);
        if (n == 0) {
            expect_unprocessable(result, "not a JPEG, PNG or WebP image");
        } else if (n < needed) {
            expect_unprocessable(
                result, "JPEG header not found in the first " + std::to_string(n) + " bytes");
        } else {
            EXPECT_EQ(result.value(), (ImageInfo{"jpeg", 1280, 720})) << n;
        }
    });
}

TEST(SniffImage, WebpLossyLosslessAndExtended) {
    // The top two bits of each VP8 dimension are a scaling hint, not part of the size.
    EXPECT_EQ(sniff_image(lossy_webp(800 | 0xC000, 600 | 0x4000)).value(),
              (ImageInfo{"webp", 800, 600}));
    EXPECT_EQ(sniff_image(lossless_webp(16383, 1)).value(), (ImageInfo{"webp", 16383, 1}));
    EXPECT_EQ(sniff_image(lossless_webp(1, 16384)).value(), (ImageInfo{"webp", 1, 16384}));
    EXPECT_EQ(sniff_image(extended_webp(16777216, 300)).value(),
              (ImageInfo{"webp", 16777216, 300}));
}

TEST(SniffImage, WebpProblemsAreNamed) {
    expect_unprocessable(sniff_image(lossy_webp(800, 600, 0x11)),
                         "corrupt WebP header: the VP8 frame is not a key frame");
    std::string no_start_code = lossy_webp(800, 600);
    no_start_code[23] = 0;
    expect_unprocessable(sniff_image(no_start_code), "corrupt WebP header: VP8 start code missing");
    expect_unprocessable(sniff_image(lossy_webp(0, 600)),
                         "WebP header gives a zero width or height");
    std::string no_signature = lossless_webp(10, 10);
    no_signature[20] = 0x2E;
    expect_unprocessable(sniff_image(no_signature), "corrupt WebP header: VP8L signature missing");
    expect_unprocessable(sniff_image(lossless_webp(10, 10, 1)),
                         "corrupt WebP header: unknown VP8L version");
    expect_unprocessable(sniff_image(webp("ALPH", std::string(16, '\0'))),
                         "WebP image starts with an unknown chunk");
}

TEST(SniffImage, EveryTruncatedWebpHeaderIsRejected) {
    // RIFF header (12), chunk header (8), then the bytes each kind needs for its dimensions.
    const std::pair<std::string, std::size_t> cases[] = {
        {lossy_webp(320, 240), 30}, {lossless_webp(320, 240), 25}, {extended_webp(320, 240), 30}};
    for (const auto& item : cases) {
        for_each_prefix(item.first, [&item](std::string_view head, std::size_t n) {
            auto result = sniff_image(head);
            if (n == 0) {
                expect_unprocessable(result, "not a JPEG, PNG or WebP image");
            } else if (n < item.second) {
                expect_unprocessable(result, "truncated WebP header");
            } else {
                EXPECT_EQ(result.value(), (ImageInfo{"webp", 320, 240})) << n;
            }
        });
    }
}

TEST(SniffImage, OtherFilesAreNotImages) {
    for (const std::string& other :
         {""s, "GIF89a\x01\x00\x01\x00"s, "hello world"s, "RIFF" + le32(4096) + "AVI LIST",
          be32(32) + "ftypisom", "BM" + std::string(52, '\0')}) {
        expect_unprocessable(sniff_image(other), "not a JPEG, PNG or WebP image");
    }
}
