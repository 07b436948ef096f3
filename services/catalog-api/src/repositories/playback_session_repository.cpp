#include "playback_session_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <string_view>

namespace codeflix::catalog_api::repositories {
namespace {

constexpr const char* kPublishedVideoSource =
    "SELECT source FROM videos WHERE id = :id AND visible = 1";
constexpr const char* kLockViewer =
    "INSERT INTO playback_viewers (user_id) VALUES (:user_id) "
    "ON CONFLICT (user_id) DO UPDATE SET user_id = excluded.user_id";
constexpr std::string_view kSessionColumns =
    "id, user_id, video_id, encoding_id, max_quality, duration_ms, position_ms, state, "
    "started_at, last_heartbeat_at, expires_at, ended_at";
constexpr std::string_view kLiveSessions =
    "SELECT {columns} FROM playback_sessions WHERE user_id = :user_id AND ended_at IS NULL "
    "AND last_heartbeat_at > :cutoff ORDER BY started_at, id";
constexpr std::string_view kFindSession = "SELECT {columns} FROM playback_sessions WHERE id = :id";
constexpr const char* kInsertSession =
    "INSERT INTO playback_sessions (id, user_id, video_id, encoding_id, max_quality, "
    "duration_ms, position_ms, state, started_at, last_heartbeat_at, expires_at, ended_at) "
    "VALUES (:id, :user_id, :video_id, :encoding_id, :max_quality, :duration_ms, :position_ms, "
    ":state, :started_at, :last_heartbeat_at, :expires_at, :ended_at)";
constexpr const char* kUpdateSession =
    "UPDATE playback_sessions SET position_ms = :position_ms, state = :state, "
    "last_heartbeat_at = :last_heartbeat_at, ended_at = :ended_at WHERE id = :id";
constexpr const char* kDeleteStaleSessions =
    "DELETE FROM playback_sessions WHERE last_heartbeat_at < :cutoff";

SessionRecord session_of(const soci::row& row) {
    SessionRecord record;
    record.id = db::get_text(row, 0);
    record.user_id = db::get_text(row, 1);
    record.video_id = db::get_text(row, 2);
    record.encoding_id = db::get_text(row, 3);
    record.max_quality = db::get_text(row, 4);
    record.duration_ms = db::get_int64(row, 5);
    record.position_ms = db::get_int64(row, 6);
    record.state = db::get_text(row, 7);
    record.started_at = db::get_text(row, 8);
    record.last_heartbeat_at = db::get_text(row, 9);
    record.expires_at = db::get_text(row, 10);
    record.ended_at = db::get_optional_text(row, 11);
    return record;
}

}  // namespace

std::optional<std::string> PlaybackSessionRepository::published_video_source(
    soci::session& session, const std::string& video_id) {
    std::optional<std::string> source;
    db::for_each_row(session, kPublishedVideoSource, db::Params().set("id", video_id),
                     [&](const soci::row& row) { source = db::get_text(row, 0); });
    return source;
}

void PlaybackSessionRepository::lock_viewer(soci::session& session, const std::string& user_id) {
    db::execute(session, kLockViewer, db::Params().set("user_id", user_id));
}

std::vector<SessionRecord> PlaybackSessionRepository::live_sessions(soci::session& session,
                                                                    const std::string& user_id,
                                                                    const std::string& cutoff) {
    static const std::string sql = db::fill(kLiveSessions, "columns", kSessionColumns);
    std::vector<SessionRecord> out;
    db::for_each_row(session, sql, db::Params().set("user_id", user_id).set("cutoff", cutoff),
                     [&](const soci::row& row) { out.push_back(session_of(row)); });
    return out;
}

void PlaybackSessionRepository::insert(soci::session& session, const SessionRecord& record) {
    db::execute(session, kInsertSession,
                db::Params()
                    .set("id", record.id)
                    .set("user_id", record.user_id)
                    .set("video_id", record.video_id)
                    .set("encoding_id", record.encoding_id)
                    .set("max_quality", record.max_quality)
                    .set("duration_ms", record.duration_ms)
                    .set("position_ms", record.position_ms)
                    .set("state", record.state)
                    .set("started_at", record.started_at)
                    .set("last_heartbeat_at", record.last_heartbeat_at)
                    .set("expires_at", record.expires_at)
                    .set("ended_at", record.ended_at));
}

std::optional<SessionRecord> PlaybackSessionRepository::find(soci::session& session,
                                                             const std::string& id) {
    static const std::string sql = db::fill(kFindSession, "columns", kSessionColumns);
    std::optional<SessionRecord> found;
    db::for_each_row(session, sql, db::Params().set("id", id),
                     [&](const soci::row& row) { found = session_of(row); });
    return found;
}

void PlaybackSessionRepository::update(soci::session& session, const SessionRecord& record) {
    db::execute(session, kUpdateSession,
                db::Params()
                    .set("id", record.id)
                    .set("position_ms", record.position_ms)
                    .set("state", record.state)
                    .set("last_heartbeat_at", record.last_heartbeat_at)
                    .set("ended_at", record.ended_at));
}

std::int64_t PlaybackSessionRepository::delete_stale(soci::session& session,
                                                     const std::string& cutoff) {
    return db::execute(session, kDeleteStaleSessions, db::Params().set("cutoff", cutoff));
}

}  // namespace codeflix::catalog_api::repositories
