#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::catalog_api::repositories {

/// The aggregates a video refers to.
enum class Kind { category, genre, cast_member };

/// A category, genre or cast member as stored: `visible` when active and not deleted.
struct NamedRecord {
    std::string id;
    std::int64_t version = 0;
    std::string name;
    std::string sort_key;
    bool visible = false;
    std::string doc;
};

/// The folded words of each searchable field of a video (core::search_text).
struct SearchFields {
    std::string title;
    std::string cast;
    std::string genres;
    std::string categories;
    std::string description;
};

struct VideoRecord {
    std::string id;
    std::int64_t version = 0;
    std::string source;  // the last event's data, JSON
    bool visible = false;
    std::string sort_title;
    std::int64_t year_launched = 0;
    std::string rating;
    std::string created_at;
    /// "c:<category id> ... g:<genre id> ..." for the search facets.
    std::string facet_keys;
    std::string doc;
    std::string etag;
    std::string title;
    std::string description;
    std::vector<std::string> categories;
    std::vector<std::string> genres;
    std::vector<std::string> cast_members;
    SearchFields search;
};

/// Writes and reads of the read model that event handlers use. Every call runs on the caller's
/// session, inside the handler's transaction.
struct ReadModelRepository {
    /// The version stored for `id` (nullopt when never seen).
    static std::optional<std::int64_t> version_of(soci::session& session, Kind kind,
                                                  const std::string& id);
    static std::optional<std::int64_t> video_version(soci::session& session, const std::string& id);
    static void upsert(soci::session& session, Kind kind, const NamedRecord& record);
    /// The stored rows of `ids` (missing ones are absent).
    static std::map<std::string, NamedRecord> named(soci::session& session, Kind kind,
                                                    const std::vector<std::string>& ids);
    /// Ids of the videos that refer to `id`.
    static std::vector<std::string> videos_using(soci::session& session, Kind kind,
                                                 const std::string& id);
    /// The last event data stored for a video.
    static std::optional<std::string> video_source(soci::session& session, const std::string& id);
    /// Stores the video, its relations and its full-text entry (removed when not visible).
    static void upsert_video(soci::session& session, const VideoRecord& video);
};

}  // namespace codeflix::catalog_api::repositories
