#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"

namespace codeflix::catalog_admin::domain {

constexpr int kFirstFilmYear = 1888;
constexpr int kYearsAhead = 5;
constexpr std::int64_t kMaxDurationMinutes = 100000;
constexpr std::array<std::string_view, 6> kRatings = {"L", "10", "12", "14", "16", "18"};

/// The five media slots of a video and the status each can be in.
constexpr std::array<std::string_view, 5> kMediaKinds = {"video", "trailer", "thumbnail",
                                                         "thumbnail_half", "banner"};
constexpr std::array<std::string_view, 5> kMediaStatuses = {"none", "pending", "processing",
                                                            "completed", "failed"};

/// One media slot of a video: the state of its newest upload and the media that is live. A
/// replacement keeps `current` until it completes; `status` describes the newest upload.
struct MediaSlot {
    std::string status = "none";
    int progress = 0;
    std::optional<std::string> upload_id;
    std::optional<std::string> failure_reason;
    /// The live media as a JSON object's text (see media.hpp); empty when there is none.
    std::string current;
};

struct Video {
    Meta meta;
    std::string title;
    std::string description;
    int year_launched = 0;
    bool opened = false;
    std::string rating;
    int duration = 0;
    bool published = false;
    std::vector<std::string> categories_id;
    std::vector<std::string> genres_id;
    std::vector<std::string> cast_members_id;
    /// Per media kind, in kMediaKinds order.
    std::array<MediaSlot, 5> media;
};

struct VideoInput {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::int64_t> year_launched;
    std::optional<bool> opened;
    std::optional<std::string> rating;
    std::optional<std::int64_t> duration;
    std::optional<bool> published;
    std::optional<std::vector<std::string>> categories_id;
    std::optional<std::vector<std::string>> genres_id;
    std::optional<std::vector<std::string>> cast_members_id;
};

/// `current_year` bounds year_launched (at most five years ahead).
core::Result<VideoInput> parse_video(const boost::json::object& body, WriteMode mode,
                                     int current_year);
Video apply(Video base, const VideoInput& input, WriteMode mode);

bool is_rating(std::string_view text);

/// The product's original rule: every genre belongs to at least one of the video's categories,
/// and the genres together cover every category. `genre_categories` maps each genre id of the
/// video to the categories it belongs to.
std::vector<core::FieldError> check_genres_cover_categories(
    const std::vector<std::string>& categories_id, const std::vector<std::string>& genres_id,
    const std::map<std::string, std::vector<std::string>>& genre_categories);

}  // namespace codeflix::catalog_admin::domain
