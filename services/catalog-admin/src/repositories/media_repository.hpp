#pragma once

#include <soci/soci.h>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../domain/video.hpp"

namespace codeflix::catalog_admin::repositories {

/// One signed upload of a media slot (table media_uploads).
struct Upload {
    std::string id;
    std::string video_id;
    std::string kind;
    std::string file_name;
    std::string content_type;
    std::int64_t size = 0;
    /// open (waiting for the PUT and the complete call), accepted or rejected.
    std::string status = "open";
    std::optional<std::string> failure_reason;
    std::string created_at;
    std::string expires_at;
};

/// Uploads and the media slots of videos (tables media_uploads, video_media and the videos'
/// <kind>_status columns).
class MediaRepository {
  public:
    static void insert_upload(soci::session& session, const Upload& upload);
    static std::optional<Upload> find_upload(soci::session& session, const std::string& id);
    /// Moves an open upload to `status` (accepted or rejected); false when it was not open.
    static bool finish_upload(soci::session& session, const std::string& id,
                              const std::string& status,
                              const std::optional<std::string>& failure_reason,
                              const std::string& now);
    /// Open uploads whose URL expired before `now`, oldest first, at most `limit`.
    static std::vector<Upload> expired_uploads(soci::session& session, const std::string& now,
                                               int limit);

    /// The slot details (upload, progress, reason, live media) of each video, by video id, in
    /// kMediaKinds order; statuses stay as the videos table has them.
    static void attach_slots(soci::session& session, std::vector<domain::Video>& videos);
    /// Writes one slot's details (insert or update).
    static void save_slot(soci::session& session, const std::string& video_id,
                          std::size_t kind_index, const domain::MediaSlot& slot,
                          const std::string& now);
    /// Storage to delete once `delete_after` passes (table media_garbage); a target already
    /// listed keeps its first entry.
    static void add_garbage(soci::session& session, const std::string& target, bool is_prefix,
                            const std::string& reason, const std::string& delete_after,
                            const std::string& now);
    struct Garbage {
        std::string target;
        bool is_prefix = false;
    };
    /// Garbage due at `now`, oldest first, at most `limit`.
    static std::vector<Garbage> due_garbage(soci::session& session, const std::string& now,
                                            int limit);
    static void forget_garbage(soci::session& session, const std::string& target);

    /// Takes the video's row lock until the transaction ends (PostgreSQL; SQLite transactions are
    /// already exclusive), so slot read-modify-writes of one video never interleave; false when
    /// the video is gone.
    static bool lock_video(soci::session& session, const std::string& video_id);
    /// Sets a live video's <kind>_status and raises its version; false when the video is gone.
    static bool set_status(soci::session& session, const std::string& video_id,
                           std::size_t kind_index, const std::string& status,
                           const std::string& now);
};

}  // namespace codeflix::catalog_admin::repositories
