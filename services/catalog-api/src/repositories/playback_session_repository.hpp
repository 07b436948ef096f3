#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::catalog_api::repositories {

/// One playback session (table `playback_sessions`); times are RFC 3339 text.
struct SessionRecord {
    std::string id;
    std::string user_id;
    std::string video_id;
    std::string encoding_id;
    std::string max_quality;
    std::int64_t duration_ms = 0;
    std::int64_t position_ms = 0;
    /// playing, paused or ended
    std::string state = "playing";
    std::string started_at;
    std::string last_heartbeat_at;
    /// When the media token handed out at the start stops working.
    std::string expires_at;
    std::optional<std::string> ended_at;
};

/// Playback sessions and what starting one reads. Every call runs on the caller's session.
struct PlaybackSessionRepository {
    /// The last event data of a published video (with its full media object).
    static std::optional<std::string> published_video_source(soci::session& session,
                                                             const std::string& video_id);
    /// Serialises the session starts of one user until the transaction ends: upserts the
    /// user's row of `playback_viewers`, which locks it (PostgreSQL; SQLite transactions hold
    /// the database's write lock anyway).
    static void lock_viewer(soci::session& session, const std::string& user_id);
    /// The user's sessions not ended whose last heartbeat is after `cutoff`, oldest first.
    static std::vector<SessionRecord> live_sessions(soci::session& session,
                                                    const std::string& user_id,
                                                    const std::string& cutoff);
    static void insert(soci::session& session, const SessionRecord& record);
    static std::optional<SessionRecord> find(soci::session& session, const std::string& id);
    /// Writes position, state, last heartbeat and end of `record`.
    static void update(soci::session& session, const SessionRecord& record);
    /// Deletes sessions whose last heartbeat is before `cutoff` (ended or expired long ago).
    static std::int64_t delete_stale(soci::session& session, const std::string& cutoff);
};

}  // namespace codeflix::catalog_api::repositories
