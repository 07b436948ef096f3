#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::encoder::repositories {

struct Job {
    std::string id;  ///< the encoding id
    std::string video_id;
    std::string kind;  ///< video or trailer
    std::string upload_id;
    std::string source_key;
    std::string status = "queued";  ///< queued, running, completed or failed
    int attempts = 0;
    std::string not_before;
    std::optional<std::string> lease_owner;
    std::optional<std::string> lease_until;
    int progress = 0;
    std::optional<std::string> failure_reason;
    std::string created_at;
};

/// The jobs table. Times are RFC 3339 UTC with milliseconds (core::to_rfc3339), which sort as
/// text.
class JobRepository {
  public:
    /// Inserts a queued job unless one exists for the upload; true when inserted.
    static bool insert(soci::session& session, const Job& job);
    static std::optional<Job> find(soci::session& session, const std::string& id);

    /// Takes the lease of the oldest due job (queued and past not_before, or running with an
    /// expired lease) for `owner` until `lease_until`, counting an attempt; nullopt when none is
    /// due (or another copy took it first).
    static std::optional<Job> claim(soci::session& session, const std::string& owner,
                                    const std::string& now, const std::string& lease_until);
    /// Extends the lease while `owner` holds it; false when it lost it.
    static bool renew(soci::session& session, const std::string& id, const std::string& owner,
                      const std::string& lease_until, int progress, const std::string& now);
    /// Back to queued, due at `not_before`; `refund` gives the attempt back (a drain, not a
    /// failure).
    static bool requeue(soci::session& session, const std::string& id, const std::string& owner,
                        const std::string& not_before, bool refund,
                        const std::optional<std::string>& reason, const std::string& now);
    /// Final: completed or failed (with reason).
    static bool finish(soci::session& session, const std::string& id, const std::string& owner,
                       const std::string& status, const std::optional<std::string>& reason,
                       const std::string& now);
    /// Running jobs whose owner starts with `owner_prefix` (this host's copies).
    static std::vector<Job> running_owned_by(soci::session& session,
                                             const std::string& owner_prefix);
    /// Makes a running job due now (its copy is known to be dead).
    static bool expire_lease(soci::session& session, const std::string& id,
                             const std::string& owner, const std::string& now);
};

}  // namespace codeflix::encoder::repositories
