#pragma once

#include <chrono>
#include <codeflix/db/database.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/metrics.hpp>
#include <codeflix/messaging/publisher.hpp>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string_view>
#include <thread>

namespace codeflix::messaging {

/// Writes `event` to the service's `outbox` table on the caller's session, so it commits or rolls
/// back with the change it describes. The table (each service's migrations create it):
///   outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT | BIGSERIAL, id TEXT UNIQUE, aggregate_type,
///           aggregate_id, type, payload TEXT (the CloudEvent), created_at TEXT, published_at TEXT)
void enqueue(soci::session& session, const CloudEvent& event, std::string_view aggregate_type);

struct RelayOptions {
    /// How often the relay looks for new rows when nobody calls notify().
    std::chrono::milliseconds poll{250};
    std::size_t batch = 200;
    /// Published rows are deleted after this long.
    std::chrono::hours retention{24 * 7};
    /// Waits between attempts while the broker is away: 250 ms doubling up to this.
    std::chrono::milliseconds max_backoff{4000};
};

/// Publishes outbox rows in commit order (`seq`), so the events of one aggregate leave in the
/// order they were written, then marks them sent. While the broker is away it keeps the rows and
/// retries forever; nothing is lost when the process dies between commit and publish (the rows
/// are still there) or between publish and mark (they are published again, and consumers skip
/// what their inbox has seen). On PostgreSQL, copies of a service take turns through an advisory
/// lock, so one relay publishes at a time.
class OutboxRelay {
  public:
    OutboxRelay(db::Database& database, Publisher& publisher, Metrics& metrics,
                RelayOptions options);
    ~OutboxRelay();

    void start();
    /// Wakes the relay: a transaction that wrote to the outbox has committed.
    void notify();
    /// Stops after publishing what is pending, waiting at most `drain` for the broker.
    void stop(std::chrono::milliseconds drain);

    /// One pass: publishes up to one batch, returns how many rows were published.
    std::size_t publish_pending();
    /// Deletes rows published longer ago than the retention; returns how many.
    std::size_t prune();
    /// Rows not yet published, and refreshes the backlog gauges.
    std::int64_t backlog();

  private:
    void loop();

    db::Database& database_;
    Publisher& publisher_;
    Metrics& metrics_;
    RelayOptions options_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool notified_ = false;
    std::size_t last_selected_ = 0;  // rows the last pass found
    std::thread thread_;
};

}  // namespace codeflix::messaging
