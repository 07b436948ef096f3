#include "media_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::catalog_admin::repositories {
namespace {

constexpr const char* kInsertUpload =
    "INSERT INTO media_uploads (id, video_id, kind, file_name, content_type, size, status, "
    "created_at, expires_at) VALUES (:id, :video_id, :kind, :file_name, :content_type, :size, "
    "'open', :created_at, :expires_at)";
constexpr const char* kUploadColumns =
    "SELECT id, video_id, kind, file_name, content_type, size, status, failure_reason, "
    "created_at, expires_at FROM media_uploads ";
constexpr const char* kFindUpload = "WHERE id = :id";
constexpr const char* kExpiredUploads =
    "WHERE status = 'open' AND expires_at < :now ORDER BY expires_at LIMIT {limit}";
constexpr const char* kFinishUpload =
    "UPDATE media_uploads SET status = :status, failure_reason = :reason, completed_at = :now "
    "WHERE id = :id AND status = 'open'";
constexpr const char* kSelectSlots =
    "SELECT video_id, kind, upload_id, progress, failure_reason, current FROM video_media "
    "WHERE video_id IN {ids}";
constexpr const char* kUpsertSlot =
    "INSERT INTO video_media (video_id, kind, upload_id, progress, failure_reason, current, "
    "updated_at) VALUES (:video_id, :kind, :upload_id, :progress, :reason, :current, :now) "
    "ON CONFLICT (video_id, kind) DO UPDATE SET upload_id = excluded.upload_id, "
    "progress = excluded.progress, failure_reason = excluded.failure_reason, "
    "current = excluded.current, updated_at = excluded.updated_at";
constexpr const char* kAddGarbage =
    "INSERT INTO media_garbage (target, is_prefix, reason, delete_after, created_at) VALUES "
    "(:target, :is_prefix, :reason, :delete_after, :created_at) ON CONFLICT (target) DO NOTHING";
constexpr const char* kDueGarbage =
    "SELECT target, is_prefix FROM media_garbage WHERE delete_after <= :now "
    "ORDER BY delete_after LIMIT {limit}";
constexpr const char* kForgetGarbage = "DELETE FROM media_garbage WHERE target = :target";
constexpr const char* kLockVideo =
    "UPDATE videos SET version = version WHERE id = :id AND deleted_at IS NULL";
// One statement per kind: a column name is never built from input.
constexpr std::array<const char*, 5> kSetStatus = {
    "UPDATE videos SET video_status = :status, version = version + 1, updated_at = :now "
    "WHERE id = :id AND deleted_at IS NULL",
    "UPDATE videos SET trailer_status = :status, version = version + 1, updated_at = :now "
    "WHERE id = :id AND deleted_at IS NULL",
    "UPDATE videos SET thumbnail_status = :status, version = version + 1, updated_at = :now "
    "WHERE id = :id AND deleted_at IS NULL",
    "UPDATE videos SET thumbnail_half_status = :status, version = version + 1, "
    "updated_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE videos SET banner_status = :status, version = version + 1, updated_at = :now "
    "WHERE id = :id AND deleted_at IS NULL",
};
static_assert(kSetStatus.size() == domain::kMediaKinds.size());

Upload upload_from_row(const soci::row& row) {
    Upload u;
    u.id = db::get_text(row, 0);
    u.video_id = db::get_text(row, 1);
    u.kind = db::get_text(row, 2);
    u.file_name = db::get_text(row, 3);
    u.content_type = db::get_text(row, 4);
    u.size = db::get_int64(row, 5);
    u.status = db::get_text(row, 6);
    u.failure_reason = db::get_optional_text(row, 7);
    u.created_at = db::get_text(row, 8);
    u.expires_at = db::get_text(row, 9);
    return u;
}

}  // namespace

void MediaRepository::insert_upload(soci::session& session, const Upload& upload) {
    db::execute(session, kInsertUpload,
                db::Params()
                    .set("id", upload.id)
                    .set("video_id", upload.video_id)
                    .set("kind", upload.kind)
                    .set("file_name", upload.file_name)
                    .set("content_type", upload.content_type)
                    .set("size", upload.size)
                    .set("created_at", upload.created_at)
                    .set("expires_at", upload.expires_at));
}

std::optional<Upload> MediaRepository::find_upload(soci::session& session, const std::string& id) {
    std::optional<Upload> found;
    db::for_each_row(session, std::string(kUploadColumns) + kFindUpload, db::Params().set("id", id),
                     [&](const soci::row& row) { found = upload_from_row(row); });
    return found;
}

bool MediaRepository::finish_upload(soci::session& session, const std::string& id,
                                    const std::string& status,
                                    const std::optional<std::string>& failure_reason,
                                    const std::string& now) {
    return db::execute(session, kFinishUpload,
                       db::Params()
                           .set("id", id)
                           .set("status", status)
                           .set("reason", failure_reason)
                           .set("now", now)) == 1;
}

std::vector<Upload> MediaRepository::expired_uploads(soci::session& session, const std::string& now,
                                                     int limit) {
    std::vector<Upload> out;
    db::for_each_row(
        session,
        db::fill(std::string(kUploadColumns) + kExpiredUploads, "limit", std::to_string(limit)),
        db::Params().set("now", now),
        [&](const soci::row& row) { out.push_back(upload_from_row(row)); });
    return out;
}

void MediaRepository::attach_slots(soci::session& session, std::vector<domain::Video>& videos) {
    if (videos.empty()) return;
    std::map<std::string, domain::Video*> by_id;
    std::vector<std::string> ids;
    for (auto& video : videos) {
        by_id[video.meta.id] = &video;
        ids.push_back(video.meta.id);
    }
    db::Params params;
    std::string sql = db::fill(kSelectSlots, "ids", params.list("v", ids));
    db::for_each_row(session, sql, std::move(params), [&](const soci::row& row) {
        auto video = by_id.find(db::get_text(row, 0));
        if (video == by_id.end()) return;
        auto kind = db::get_text(row, 1);
        for (std::size_t i = 0; i < domain::kMediaKinds.size(); ++i) {
            if (domain::kMediaKinds[i] != kind) continue;
            auto& slot = video->second->media[i];
            slot.upload_id = db::get_optional_text(row, 2);
            slot.progress = static_cast<int>(db::get_int64(row, 3));
            slot.failure_reason = db::get_optional_text(row, 4);
            slot.current = db::get_optional_text(row, 5).value_or("");
        }
    });
}

void MediaRepository::save_slot(soci::session& session, const std::string& video_id,
                                std::size_t kind_index, const domain::MediaSlot& slot,
                                const std::string& now) {
    db::execute(session, kUpsertSlot,
                db::Params()
                    .set("video_id", video_id)
                    .set("kind", std::string(domain::kMediaKinds.at(kind_index)))
                    .set("upload_id", slot.upload_id)
                    .set("progress", slot.progress)
                    .set("reason", slot.failure_reason)
                    .set("current", slot.current.empty() ? std::optional<std::string>()
                                                         : std::optional<std::string>(slot.current))
                    .set("now", now));
}

void MediaRepository::add_garbage(soci::session& session, const std::string& target, bool is_prefix,
                                  const std::string& reason, const std::string& delete_after,
                                  const std::string& now) {
    db::execute(session, kAddGarbage,
                db::Params()
                    .set("target", target)
                    .set("is_prefix", is_prefix)
                    .set("reason", reason)
                    .set("delete_after", delete_after)
                    .set("created_at", now));
}

std::vector<MediaRepository::Garbage> MediaRepository::due_garbage(soci::session& session,
                                                                   const std::string& now,
                                                                   int limit) {
    std::vector<Garbage> out;
    db::for_each_row(session, db::fill(kDueGarbage, "limit", std::to_string(limit)),
                     db::Params().set("now", now), [&](const soci::row& row) {
                         out.push_back({db::get_text(row, 0), db::get_int64(row, 1) != 0});
                     });
    return out;
}

void MediaRepository::forget_garbage(soci::session& session, const std::string& target) {
    db::execute(session, kForgetGarbage, db::Params().set("target", target));
}

bool MediaRepository::lock_video(soci::session& session, const std::string& video_id) {
    return db::execute(session, kLockVideo, db::Params().set("id", video_id)) == 1;
}

bool MediaRepository::set_status(soci::session& session, const std::string& video_id,
                                 std::size_t kind_index, const std::string& status,
                                 const std::string& now) {
    return db::execute(session, kSetStatus.at(kind_index),
                       db::Params().set("id", video_id).set("status", status).set("now", now)) == 1;
}

}  // namespace codeflix::catalog_admin::repositories
