#pragma once

#include <atomic>
#include <chrono>
#include <codeflix/db/database.hpp>
#include <codeflix/media/probe.hpp>
#include <codeflix/messaging/consumer.hpp>
#include <codeflix/storage/object_store.hpp>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../domain/ffmpeg_command.hpp"
#include "../domain/ladder.hpp"
#include "../repositories/job_repository.hpp"

namespace codeflix::encoder::app {

/// What the ladder and the command need to know of a probed source.
inline domain::SourceInfo source_info(const media::ProbeResult& probe) {
    return {probe.display_width, probe.display_height, probe.frame_rate, probe.has_audio,
            probe.duration_seconds};
}

struct RunnerSettings {
    /// Jobs run at once by this copy.
    int jobs = 1;
    /// Working folders of running jobs: <scratch>/<pid>/<job id>/.
    std::filesystem::path scratch = "var/scratch/encoder";
    std::string ffmpeg = "ffmpeg";
    domain::EncodeOptions encode;
    /// A running job's lease; renewed every quarter of it while ffmpeg runs.
    std::chrono::seconds lease{60};
    /// Claims of a job before it fails for good (the first run plus the retries).
    int max_attempts = 6;
    /// Wait before the first retry; each next one waits twice as long.
    std::chrono::milliseconds first_retry_delay{1000};
    /// How often an idle worker looks for due jobs when nothing woke it.
    std::chrono::milliseconds poll{1000};
    /// At most one progress event per job per interval.
    std::chrono::milliseconds progress_interval{2000};
};

/// The encoder's jobs (ARCHITECTURE §7). `media_uploaded` events become rows of the jobs table
/// (intake); worker threads claim due jobs by lease, so copies share the work and a job whose
/// copy died is taken again when its lease runs out (or at once when a copy on the same host
/// finds its owner's process gone). A job: check the source (complete, probe), run ONE ffmpeg
/// encode as a supervised child (ladder, CMAF for HLS and DASH, poster, trick-play), store the
/// output under media/<video>/<kind>/<encoding>/ (replacing what an interrupted attempt left),
/// then emit `completed`, or `failed` with the reason: at once for a source that can never
/// encode, after the retries for a failing ffmpeg.
class JobRunner {
  public:
    JobRunner(db::Database& database, storage::ObjectStore& store, RunnerSettings settings,
              std::function<void()> written);
    ~JobRunner();

    /// Handles codeflix.catalog.video.media_uploaded.v1 on `consumer` (a job per upload).
    void subscribe(messaging::Consumer& consumer);

    /// Starts the workers (after requeueing jobs of dead copies on this host and cleaning their
    /// scratch folders).
    void start();
    /// Stops the workers: running ffmpeg children are terminated and their jobs queued again
    /// (without counting an attempt).
    void stop();

  private:
    enum class Outcome { completed, retry, permanent, cancelled, lost };
    struct Attempt;
    class Heartbeat;

    void recover();
    void worker_loop();
    void run(const repositories::Job& job);
    Outcome encode(Attempt& attempt);
    void publish_output(Attempt& attempt);
    void settle(const Attempt& attempt, Outcome outcome);
    void wake();

    db::Database& database_;
    storage::ObjectStore& store_;
    RunnerSettings settings_;
    std::function<void()> written_;
    std::string owner_;
    std::filesystem::path scratch_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace codeflix::encoder::app
