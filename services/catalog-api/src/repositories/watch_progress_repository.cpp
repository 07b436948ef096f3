#include "watch_progress_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::catalog_api::repositories {
namespace {

constexpr const char* kSaveProgress =
    "INSERT INTO watch_progress (user_id, video_id, position_ms, duration_ms, updated_at) "
    "VALUES (:user_id, :video_id, :position_ms, :duration_ms, :updated_at) "
    "ON CONFLICT (user_id, video_id) DO UPDATE SET position_ms = excluded.position_ms, "
    "duration_ms = excluded.duration_ms, updated_at = excluded.updated_at";
constexpr const char* kFindProgress =
    "SELECT position_ms, duration_ms FROM watch_progress "
    "WHERE user_id = :user_id AND video_id = :video_id";
constexpr const char* kInProgress =
    "SELECT v.doc, w.position_ms, w.duration_ms, w.updated_at "
    "FROM watch_progress w JOIN videos v ON v.id = w.video_id "
    "WHERE w.user_id = :user_id AND v.visible = 1 AND w.position_ms >= :started_ms "
    "AND w.position_ms * 100 < w.duration_ms * :finished_percent "
    "ORDER BY w.updated_at DESC, w.video_id DESC LIMIT :limit OFFSET :offset";
constexpr const char* kCountInProgress =
    "SELECT COUNT(*) FROM watch_progress w JOIN videos v ON v.id = w.video_id "
    "WHERE w.user_id = :user_id AND v.visible = 1 AND w.position_ms >= :started_ms "
    "AND w.position_ms * 100 < w.duration_ms * :finished_percent";

}  // namespace

void WatchProgressRepository::save(soci::session& session, const std::string& user_id,
                                   const std::string& video_id, const Progress& progress,
                                   const std::string& updated_at) {
    db::execute(session, kSaveProgress,
                db::Params()
                    .set("user_id", user_id)
                    .set("video_id", video_id)
                    .set("position_ms", progress.position_ms)
                    .set("duration_ms", progress.duration_ms)
                    .set("updated_at", updated_at));
}

std::optional<Progress> WatchProgressRepository::find(soci::session& session,
                                                      const std::string& user_id,
                                                      const std::string& video_id) {
    std::optional<Progress> found;
    db::for_each_row(session, kFindProgress,
                     db::Params().set("user_id", user_id).set("video_id", video_id),
                     [&](const soci::row& row) {
                         found = Progress{db::get_int64(row, 0), db::get_int64(row, 1)};
                     });
    return found;
}

std::vector<ProgressEntry> WatchProgressRepository::in_progress(
    soci::session& session, const std::string& user_id, std::int64_t started_ms,
    std::int64_t finished_percent, std::int64_t limit, std::int64_t offset, std::int64_t* total) {
    auto params = [&] {
        return db::Params()
            .set("user_id", user_id)
            .set("started_ms", started_ms)
            .set("finished_percent", finished_percent);
    };
    std::vector<ProgressEntry> out;
    db::for_each_row(session, kInProgress, params().set("limit", limit).set("offset", offset),
                     [&](const soci::row& row) {
                         out.push_back({db::get_text(row, 0),
                                        {db::get_int64(row, 1), db::get_int64(row, 2)},
                                        db::get_text(row, 3)});
                     });
    if (total) *total = db::query_int(session, kCountInProgress, params());
    return out;
}

}  // namespace codeflix::catalog_api::repositories
