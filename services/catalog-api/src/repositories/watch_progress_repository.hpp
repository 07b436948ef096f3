#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::catalog_api::repositories {

/// How far a user watched a video (milliseconds).
struct Progress {
    std::int64_t position_ms = 0;
    std::int64_t duration_ms = 0;
};

/// A title to continue: its stored document and the progress.
struct ProgressEntry {
    std::string video_doc;
    Progress progress;
    std::string updated_at;
};

/// Where each user stopped in each video (table `watch_progress`). Every call runs on the
/// caller's session.
struct WatchProgressRepository {
    static void save(soci::session& session, const std::string& user_id,
                     const std::string& video_id, const Progress& progress,
                     const std::string& updated_at);
    static std::optional<Progress> find(soci::session& session, const std::string& user_id,
                                        const std::string& video_id);
    /// The user's published titles watched from `started_ms` to under `finished_percent` of
    /// their duration, most recently watched first; `total` receives how many there are.
    static std::vector<ProgressEntry> in_progress(soci::session& session,
                                                  const std::string& user_id,
                                                  std::int64_t started_ms,
                                                  std::int64_t finished_percent, std::int64_t limit,
                                                  std::int64_t offset, std::int64_t* total);
};

}  // namespace codeflix::catalog_api::repositories
