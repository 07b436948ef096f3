#include "job_runner.hpp"

#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/media/probe.hpp>
#include <codeflix/storage/key.hpp>
#include <fstream>
#include <future>
#include <random>

#include "../domain/ladder.hpp"
#include "../domain/progress.hpp"
#include "../domain/trickplay.hpp"
#include "../events/encoder_events.hpp"
#include "capped_output.hpp"
#include "child_process.hpp"

namespace codeflix::encoder::app {

using repositories::Job;
using repositories::JobRepository;

namespace {

constexpr std::size_t kReasonChars = 400;

std::string now_text() { return core::to_rfc3339(core::now()); }

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "localhost";
    return name;
}

/// "<host>:<pid>:<random>": unique per process, and tells a copy on the same host whether the
/// owner of a lease is still alive.
std::string make_owner() {
    std::random_device random;
    char suffix[9];
    std::snprintf(suffix, sizeof suffix, "%08x", random());
    return host_name() + ":" + std::to_string(::getpid()) + ":" + suffix;
}

bool process_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

std::optional<pid_t> owner_pid(const std::string& owner) {
    auto first = owner.find(':');
    auto second = owner.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) return std::nullopt;
    try {
        return static_cast<pid_t>(std::stol(owner.substr(first + 1, second - first - 1)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// Replaces local paths in ffmpeg's message, which the admin reads.
std::string redact(std::string text, const std::filesystem::path& path, std::string_view as) {
    auto needle = path.string();
    if (needle.empty()) return text;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) {
        text.replace(at, needle.size(), as);
        at += as.size();
    }
    return text;
}

std::string require_text(const boost::json::object& data, std::string_view field) {
    const auto* value = data.if_contains(field);
    if (value == nullptr || !value->is_string())
        throw messaging::PermanentError("media_uploaded lacks " + std::string(field));
    return std::string(value->as_string());
}

}  // namespace

struct JobRunner::Attempt {
    Job job;
    std::filesystem::path dir;
    std::filesystem::path out;
    std::filesystem::path source;
    media::ProbeResult probe;
    std::vector<domain::Rung> ladder;
    /// The quality caps whose manifests were written next to ffmpeg's (domain::quality_caps).
    std::vector<int> caps;
    std::string reason;
    /// The completed event's data.
    boost::json::object output;
    /// Wall time of ffmpeg (with the completeness check beside it) and of storing the output.
    double encode_seconds = 0;
    double store_seconds = 0;
    /// Shared with the heartbeat: the percent done, and whether the lease was lost.
    std::atomic<int> percent{0};
    std::atomic<bool> lost{false};
};

JobRunner::JobRunner(db::Database& database, storage::ObjectStore& store, RunnerSettings settings,
                     std::function<void()> written)
    : database_(database),
      store_(store),
      settings_(std::move(settings)),
      written_(std::move(written)),
      owner_(make_owner()),
      scratch_(settings_.scratch / std::to_string(::getpid())) {}

JobRunner::~JobRunner() { stop(); }

void JobRunner::subscribe(messaging::Consumer& consumer) {
    consumer.after_commit([this] { wake(); });
    consumer.on("codeflix.catalog.video.media_uploaded.v1", [](soci::session& session,
                                                               const messaging::CloudEvent& event) {
        const auto& data = event.data;
        Job job;
        job.video_id = require_text(data, "video_id");
        job.kind = require_text(data, "kind");
        job.upload_id = require_text(data, "upload_id");
        job.source_key = require_text(data, "source_key");
        bool ids_ok = core::canonical_uuid(job.video_id) == job.video_id &&
                      core::canonical_uuid(job.upload_id) == job.upload_id;
        if (!ids_ok || (job.kind != "video" && job.kind != "trailer"))
            throw messaging::PermanentError("media_uploaded names no video media");
        // The only key the encoder reads: never one taken from the event as is.
        if (job.source_key != storage::join_key({"sources", job.video_id, job.kind, job.upload_id}))
            throw messaging::PermanentError("media_uploaded has an unexpected source key");
        job.id = core::new_uuid_v7();
        job.not_before = job.created_at = now_text();
        JobRepository::insert(session, job);  // once per upload
    });
}

void JobRunner::recover() {
    std::error_code ec;
    // Scratch folders of copies that are gone.
    for (const auto& entry : std::filesystem::directory_iterator(settings_.scratch, ec)) {
        const auto name = entry.path().filename().string();
        pid_t pid = 0;
        try {
            pid = static_cast<pid_t>(std::stol(name));
        } catch (const std::exception&) {
            continue;
        }
        if (pid == ::getpid() || !process_alive(pid)) std::filesystem::remove_all(entry.path(), ec);
    }
    // Jobs of dead copies on this host are due at once (others wait for their lease).
    auto prefix = host_name() + ":";
    auto orphans = database_.with_session(
        [&](soci::session& s) { return JobRepository::running_owned_by(s, prefix); });
    for (const auto& job : orphans) {
        auto pid = owner_pid(job.lease_owner.value_or(""));
        if (pid && *pid != ::getpid() && process_alive(*pid)) continue;
        database_.transaction([&](soci::session& s) {
            return JobRepository::expire_lease(s, job.id, *job.lease_owner, now_text());
        });
        log::info("job of a stopped copy is due again", {{"job", job.id}});
    }
}

void JobRunner::start() {
    stopping_ = false;
    recover();
    std::filesystem::create_directories(scratch_);
    for (int i = 0; i < settings_.jobs; ++i) workers_.emplace_back([this] { worker_loop(); });
}

void JobRunner::stop() {
    stopping_ = true;
    wake();
    for (auto& worker : workers_) {
        if (worker.joinable()) worker.join();
    }
    workers_.clear();
}

void JobRunner::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void JobRunner::worker_loop() {
    while (!stopping_) {
        std::optional<Job> job;
        try {
            auto now = core::now();
            job = database_.transaction([&](soci::session& s) {
                return JobRepository::claim(s, owner_, core::to_rfc3339(now),
                                            core::to_rfc3339(now + settings_.lease));
            });
        } catch (const std::exception& e) {
            log::warn("cannot claim a job", {{"error", e.what()}});
        }
        if (job) {
            run(*job);
            continue;
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, settings_.poll, [&] { return woken_ || stopping_.load(); });
        woken_ = false;
    }
}

/// Renews the job's lease every quarter of it for as long as the attempt runs (copying the
/// source, checks, ffmpeg, storing the output), with the progress; flags the attempt as lost when
/// another copy holds the job. A failing database only skips a renewal: the lease is lost only
/// when it really ran out.
class JobRunner::Heartbeat {
  public:
    Heartbeat(JobRunner& runner, Attempt& attempt)
        : thread_([&runner, &attempt](const std::stop_token& stop) {
              std::mutex mutex;
              std::unique_lock lock(mutex);
              std::condition_variable_any wake;
              for (;;) {
                  // Returns early only when the attempt ends (stop requested).
                  wake.wait_for(lock, stop, runner.settings_.lease / 4, [] { return false; });
                  if (stop.stop_requested()) return;
                  auto now = core::now();
                  try {
                      bool held = runner.database_.transaction([&](soci::session& s) {
                          return JobRepository::renew(
                              s, attempt.job.id, runner.owner_,
                              core::to_rfc3339(now + runner.settings_.lease),
                              attempt.percent.load(), core::to_rfc3339(now));
                      });
                      if (!held) attempt.lost = true;
                  } catch (const std::exception& e) {
                      log::warn("cannot renew a job's lease",
                                {{"job", attempt.job.id}, {"error", e.what()}});
                  }
              }
          }) {}

  private:
    std::jthread thread_;
};

void JobRunner::run(const Job& job) {
    Attempt attempt;
    attempt.job = job;
    attempt.dir = scratch_ / job.id;
    attempt.out = attempt.dir / "out";
    log::info(
        "encoding",
        {{"job", job.id}, {"video", job.video_id}, {"kind", job.kind}, {"attempt", job.attempts}});
    Outcome outcome = Outcome::retry;
    std::error_code ec;
    std::filesystem::remove_all(attempt.dir, ec);
    if (job.attempts > settings_.max_attempts) {
        // Claimed again and again without an outcome: its copies died during it.
        outcome = Outcome::permanent;
        attempt.reason = "the encoder stopped during this job " + std::to_string(job.attempts - 1) +
                         " times; giving up";
    } else {
        Heartbeat heartbeat(*this, attempt);
        try {
            std::filesystem::create_directories(attempt.out);
            outcome = encode(attempt);
            if (outcome == Outcome::completed) {
                // Stored only while this copy holds the job: never two copies in one folder.
                if (attempt.lost)
                    outcome = Outcome::lost;
                else if (stopping_)
                    outcome = Outcome::cancelled;
                else
                    publish_output(attempt);
            }
        } catch (const std::exception& e) {
            outcome = Outcome::retry;
            attempt.reason = std::string("the encoder failed: ") + e.what();
        }
        if (attempt.lost) outcome = Outcome::lost;
    }
    std::filesystem::remove_all(attempt.dir, ec);
    try {
        settle(attempt, outcome);
    } catch (const std::exception& e) {
        // The lease runs out and the job is taken again.
        log::error("cannot record a job's outcome", {{"job", job.id}, {"error", e.what()}});
    }
}

JobRunner::Outcome JobRunner::encode(Attempt& attempt) {
    const Job& job = attempt.job;
    if (auto local = store_.local_path(job.source_key)) {
        attempt.source = *local;
    } else {
        attempt.source = attempt.dir / "source";
        auto in = store_.get(job.source_key);
        std::ofstream out(attempt.source, std::ios::binary);
        out << in->rdbuf();
        if (!out) throw std::runtime_error("cannot copy the source to the scratch folder");
    }
    if (!std::filesystem::exists(attempt.source)) {
        attempt.reason = "the source file is missing from storage";
        return Outcome::permanent;
    }
    auto probed = media::probe(attempt.source);
    if (const auto* failure = std::get_if<media::ProbeFailure>(&probed)) {
        attempt.reason = failure->reason;
        return failure->timed_out ? Outcome::retry : Outcome::permanent;
    }
    attempt.probe = std::get<media::ProbeResult>(probed);
    if (!attempt.probe.has_video) {
        attempt.reason = "the file has no video stream";
        return Outcome::permanent;
    }
    auto source = source_info(attempt.probe);
    attempt.ladder = domain::build_ladder(source);
    auto options = settings_.encode;
    options.trickplay = job.kind == "video";
    if (options.trickplay) std::filesystem::create_directories(attempt.out / "trickplay");
    auto argv = domain::build_encode_command(settings_.ffmpeg, attempt.source, attempt.out, source,
                                             attempt.ladder, options);

    // Reading every packet of the source (a truncated file) runs beside the encode instead of
    // before it; its verdict stops ffmpeg. A film takes a while to read: a limit that grows
    // with the size (at least 20 MB/s), and a limit that runs out is worth another try.
    std::error_code size_error;
    auto source_bytes = std::filesystem::file_size(attempt.source, size_error);
    auto limit = std::chrono::seconds(120) +
                 std::chrono::seconds(size_error ? 0 : source_bytes / (20ULL * 1024 * 1024));
    auto completeness = std::async(std::launch::async, [path = attempt.source, limit] {
        return media::check_complete(path, limit);
    });
    std::optional<media::ProbeFailure> incomplete;
    bool checked = false;
    auto take_verdict = [&](bool wait) {
        if (checked) return;
        if (!wait && completeness.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        incomplete = completeness.get();
        checked = true;
    };

    auto encode_started = std::chrono::steady_clock::now();
    ChildProcess child(argv, attempt.dir / "ffmpeg.log");
    domain::ProgressParser parser;
    auto last_event = std::chrono::steady_clock::time_point{};
    bool cancelled = false;
    while (auto bytes = child.read(std::chrono::milliseconds(250))) {
        for (const auto& block : parser.feed(*bytes)) {
            if (block.out_time_seconds)
                attempt.percent = domain::percent(*block.out_time_seconds, source.duration_seconds);
        }
        take_verdict(false);
        if (!cancelled && (stopping_ || attempt.lost || incomplete)) {
            cancelled = true;
            child.terminate();
        }
        auto now = std::chrono::steady_clock::now();
        if (!cancelled && now - last_event >= settings_.progress_interval && attempt.percent > 0) {
            last_event = now;
            try {
                database_.transaction([&](soci::session& s) {
                    events::record(
                        s, "progress", job,
                        {{"percent", attempt.percent.load()}, {"attempt", job.attempts}});
                    return true;
                });
                if (written_) written_();
            } catch (const std::exception& e) {
                // A report is skipped; the encode goes on.
                log::warn("cannot record progress", {{"job", job.id}, {"error", e.what()}});
            }
        }
    }
    int code = child.wait();
    take_verdict(true);
    attempt.encode_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - encode_started).count();
    if (attempt.lost) return Outcome::lost;
    if (incomplete) {
        attempt.reason = incomplete->reason;
        return incomplete->timed_out ? Outcome::retry : Outcome::permanent;
    }
    if (cancelled) return Outcome::cancelled;
    if (code != 0) {
        auto tail = tail_of(attempt.dir / "ffmpeg.log", kReasonChars);
        tail = redact(redact(std::move(tail), attempt.source, "<source>"), attempt.out, "<output>");
        attempt.reason = "ffmpeg exited with status " + std::to_string(code) +
                         (tail.empty() ? std::string() : ": " + tail);
        return Outcome::retry;
    }
    for (const char* name : {"manifest.mpd", "master.m3u8", "poster.jpg"}) {
        if (!std::filesystem::exists(attempt.out / name)) {
            attempt.reason = std::string("ffmpeg wrote no ") + name;
            return Outcome::retry;
        }
    }
    if (options.trickplay) {
        using namespace domain;
        int tile_height =
            trickplay_tile_height(kTrickplayTileWidth, source.display_width, source.display_height);
        std::ofstream index(attempt.out / "trickplay" / "index.vtt");
        index << trickplay_vtt(source.duration_seconds, kTrickplayIntervalSeconds,
                               kTrickplayTileWidth, tile_height, kTrickplayColumns, kTrickplayRows,
                               std::string(kTrickplaySpritePattern));
        index.close();
        if (!index) throw std::runtime_error("cannot write the trick-play index");
    }
    // Plans capped below the ladder's top get manifests that list only the rungs up to the cap.
    auto caps = write_capped_manifests(attempt.out, attempt.ladder);
    if (!caps) {
        attempt.reason = caps.error().message;
        return Outcome::permanent;
    }
    attempt.caps = std::move(*caps);
    return Outcome::completed;
}

void JobRunner::publish_output(Attempt& attempt) {
    const Job& job = attempt.job;
    auto folder = storage::join_key({"media", job.video_id, job.kind, job.id}) + "/";
    // What an interrupted attempt stored is replaced, never added to.
    store_.remove_prefix(folder);
    auto started = std::chrono::steady_clock::now();
    store_.put_folder(folder, attempt.out);
    attempt.store_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    boost::json::array renditions;
    for (const auto& rung : attempt.ladder) {
        renditions.push_back({{"width", rung.width},
                              {"height", rung.height},
                              {"video_bitrate", rung.video_bitrate}});
    }
    boost::json::object data{{"folder", folder},
                             {"hls", folder + "master.m3u8"},
                             {"dash", folder + "manifest.mpd"},
                             {"poster", folder + "poster.jpg"},
                             {"duration_seconds", attempt.probe.duration_seconds},
                             {"width", attempt.probe.display_width},
                             {"height", attempt.probe.display_height},
                             {"has_audio", attempt.probe.has_audio},
                             {"renditions", std::move(renditions)},
                             {"attempts", job.attempts}};
    data["trickplay"] = job.kind == "video" ? boost::json::value(folder + "trickplay/index.vtt")
                                            : boost::json::value(nullptr);
    data["capped"] = capped_manifest_keys(folder, attempt.caps);
    attempt.output = std::move(data);
}

void JobRunner::settle(const Attempt& attempt, Outcome outcome) {
    const Job& job = attempt.job;
    const std::string& reason = attempt.reason;
    auto now = now_text();
    bool final_failure = outcome == Outcome::permanent ||
                         (outcome == Outcome::retry && job.attempts >= settings_.max_attempts);
    database_.transaction([&](soci::session& s) {
        switch (outcome) {
            case Outcome::completed: {
                if (!JobRepository::finish(s, job.id, owner_, "completed", std::nullopt, now))
                    return false;
                events::record(s, "completed", job, attempt.output);
                return true;
            }
            case Outcome::cancelled:
                return JobRepository::requeue(s, job.id, owner_, now, true, std::nullopt, now);
            case Outcome::lost:
                return false;
            case Outcome::retry:
            case Outcome::permanent:
                break;
        }
        if (final_failure) {
            if (!JobRepository::finish(s, job.id, owner_, "failed", reason, now)) return false;
            events::record(s, "failed", job,
                           {{"reason", reason},
                            {"permanent", outcome == Outcome::permanent},
                            {"attempts", job.attempts}});
            return true;
        }
        auto delay = settings_.first_retry_delay * (1LL << std::min(job.attempts - 1, 20));
        auto due = core::to_rfc3339(core::now() + delay);
        return JobRepository::requeue(s, job.id, owner_, due, false, reason, now);
    });
    if (written_) written_();
    if (outcome == Outcome::completed)
        log::info("encoded", {{"job", job.id},
                              {"video", job.video_id},
                              {"encode_seconds", attempt.encode_seconds},
                              {"store_seconds", attempt.store_seconds}});
    else if (outcome != Outcome::cancelled && outcome != Outcome::lost)
        log::warn(final_failure ? "encoding failed" : "encoding will be retried",
                  {{"job", job.id}, {"reason", reason}, {"attempt", job.attempts}});
}

}  // namespace codeflix::encoder::app
