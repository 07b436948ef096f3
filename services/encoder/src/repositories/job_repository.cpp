#include "job_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>

namespace codeflix::encoder::repositories {
namespace {

constexpr const char* kColumns =
    "SELECT id, video_id, kind, upload_id, source_key, status, attempts, not_before, "
    "lease_owner, lease_until, progress, failure_reason, created_at FROM jobs ";
constexpr const char* kWhereId = "WHERE id = :id";
constexpr const char* kWhereRunningOwner =
    "WHERE status = 'running' AND substr(lease_owner, 1, :prefix_length) = :owner_prefix "
    "ORDER BY created_at";
constexpr const char* kInsert =
    "INSERT INTO jobs (id, video_id, kind, upload_id, source_key, status, attempts, not_before, "
    "progress, created_at, updated_at) VALUES (:id, :video_id, :kind, :upload_id, :source_key, "
    "'queued', 0, :not_before, 0, :created_at, :updated_at) ON CONFLICT (upload_id) DO NOTHING";
constexpr const char* kNextDue =
    "SELECT id FROM jobs WHERE (status = 'queued' AND not_before <= :now) "
    "OR (status = 'running' AND lease_until < :now_lease) ORDER BY created_at LIMIT 1";
constexpr const char* kClaim =
    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = :owner, "
    "lease_until = :lease_until, updated_at = :now WHERE id = :id AND "
    "((status = 'queued' AND not_before <= :now_due) OR "
    "(status = 'running' AND lease_until < :now_lease))";
constexpr const char* kRenew =
    "UPDATE jobs SET lease_until = :lease_until, progress = :progress, updated_at = :now "
    "WHERE id = :id AND status = 'running' AND lease_owner = :owner";
constexpr const char* kRequeue =
    "UPDATE jobs SET status = 'queued', attempts = attempts - :refund, not_before = :not_before, "
    "lease_owner = NULL, lease_until = NULL, failure_reason = :reason, updated_at = :now "
    "WHERE id = :id AND status = 'running' AND lease_owner = :owner";
constexpr const char* kFinish =
    "UPDATE jobs SET status = :status, failure_reason = :reason, lease_owner = NULL, "
    "lease_until = NULL, progress = CASE WHEN :status2 = 'completed' THEN 100 ELSE progress END, "
    "updated_at = :now, finished_at = :finished_at WHERE id = :id AND status = 'running' AND "
    "lease_owner = :owner";
constexpr const char* kExpireLease =
    "UPDATE jobs SET lease_until = :lease_until, updated_at = :now WHERE id = :id AND "
    "status = 'running' AND lease_owner = :owner";

Job from_row(const soci::row& row) {
    Job job;
    job.id = db::get_text(row, 0);
    job.video_id = db::get_text(row, 1);
    job.kind = db::get_text(row, 2);
    job.upload_id = db::get_text(row, 3);
    job.source_key = db::get_text(row, 4);
    job.status = db::get_text(row, 5);
    job.attempts = static_cast<int>(db::get_int64(row, 6));
    job.not_before = db::get_text(row, 7);
    job.lease_owner = db::get_optional_text(row, 8);
    job.lease_until = db::get_optional_text(row, 9);
    job.progress = static_cast<int>(db::get_int64(row, 10));
    job.failure_reason = db::get_optional_text(row, 11);
    job.created_at = db::get_text(row, 12);
    return job;
}

std::optional<Job> find_where(soci::session& session, const char* where, db::Params params) {
    std::optional<Job> found;
    db::for_each_row(session, std::string(kColumns) + where, std::move(params),
                     [&](const soci::row& row) { found = from_row(row); });
    return found;
}

}  // namespace

bool JobRepository::insert(soci::session& session, const Job& job) {
    return db::execute(session, kInsert,
                       db::Params()
                           .set("id", job.id)
                           .set("video_id", job.video_id)
                           .set("kind", job.kind)
                           .set("upload_id", job.upload_id)
                           .set("source_key", job.source_key)
                           .set("not_before", job.not_before)
                           .set("created_at", job.created_at)
                           .set("updated_at", job.created_at)) == 1;
}

std::optional<Job> JobRepository::find(soci::session& session, const std::string& id) {
    return find_where(session, kWhereId, db::Params().set("id", id));
}

std::optional<Job> JobRepository::claim(soci::session& session, const std::string& owner,
                                        const std::string& now, const std::string& lease_until) {
    std::optional<std::string> id;
    db::for_each_row(session, kNextDue, db::Params().set("now", now).set("now_lease", now),
                     [&](const soci::row& row) { id = db::get_text(row, 0); });
    if (!id) return std::nullopt;
    auto claimed = db::execute(session, kClaim,
                               db::Params()
                                   .set("id", *id)
                                   .set("owner", owner)
                                   .set("lease_until", lease_until)
                                   .set("now", now)
                                   .set("now_due", now)
                                   .set("now_lease", now));
    if (claimed != 1) return std::nullopt;
    return find(session, *id);
}

bool JobRepository::renew(soci::session& session, const std::string& id, const std::string& owner,
                          const std::string& lease_until, int progress, const std::string& now) {
    return db::execute(session, kRenew,
                       db::Params()
                           .set("id", id)
                           .set("owner", owner)
                           .set("lease_until", lease_until)
                           .set("progress", progress)
                           .set("now", now)) == 1;
}

bool JobRepository::requeue(soci::session& session, const std::string& id, const std::string& owner,
                            const std::string& not_before, bool refund,
                            const std::optional<std::string>& reason, const std::string& now) {
    return db::execute(session, kRequeue,
                       db::Params()
                           .set("id", id)
                           .set("owner", owner)
                           .set("not_before", not_before)
                           .set("refund", refund ? 1 : 0)
                           .set("reason", reason)
                           .set("now", now)) == 1;
}

bool JobRepository::finish(soci::session& session, const std::string& id, const std::string& owner,
                           const std::string& status, const std::optional<std::string>& reason,
                           const std::string& now) {
    return db::execute(session, kFinish,
                       db::Params()
                           .set("id", id)
                           .set("owner", owner)
                           .set("status", status)
                           .set("status2", status)
                           .set("reason", reason)
                           .set("now", now)
                           .set("finished_at", now)) == 1;
}

std::vector<Job> JobRepository::running_owned_by(soci::session& session,
                                                 const std::string& owner_prefix) {
    std::vector<Job> jobs;
    db::for_each_row(session, std::string(kColumns) + kWhereRunningOwner,
                     db::Params()
                         .set("owner_prefix", owner_prefix)
                         .set("prefix_length", static_cast<std::int64_t>(owner_prefix.size())),
                     [&](const soci::row& row) { jobs.push_back(from_row(row)); });
    return jobs;
}

bool JobRepository::expire_lease(soci::session& session, const std::string& id,
                                 const std::string& owner, const std::string& now) {
    return db::execute(session, kExpireLease,
                       db::Params()
                           .set("id", id)
                           .set("owner", owner)
                           .set("lease_until", "")
                           .set("now", now)) == 1;
}

}  // namespace codeflix::encoder::repositories
