#pragma once

#include <atomic>
#include <chrono>
#include <codeflix/db/database.hpp>
#include <codeflix/messaging/broker.hpp>
#include <codeflix/messaging/event.hpp>
#include <codeflix/messaging/metrics.hpp>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace codeflix::messaging {

/// Thrown by a handler for an event it can never apply (retrying cannot help): the message is
/// parked in the DLQ at once with this reason.
class PermanentError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Applies one event on the session of the transaction that also records it in the inbox.
using EventHandler = std::function<void(soci::session&, const CloudEvent&)>;

struct ConsumerOptions {
    /// `<service>.<purpose>`; `<queue>.retry` and `<queue>.dlq` come with it.
    std::string queue;
    /// Routing keys bound on codeflix.events (`#` and `*` wildcards allowed).
    std::vector<std::string> bindings;
    std::uint16_t prefetch = 64;
    /// Retries of a failing handler before the message is parked.
    int max_retries = 5;
    /// Delay before the first retry; each next one waits four times longer.
    std::chrono::milliseconds first_retry_delay{1000};
    /// Inbox rows older than this are deleted (well beyond any redelivery).
    std::chrono::hours inbox_retention{24 * 14};
};

/// Consumes one durable queue on its own thread and connection (ARCHITECTURE §5): manual acks,
/// prefetch, handlers in a database transaction with the inbox insert, retries through
/// `<queue>.retry` with per-message TTLs, and the DLQ for what cannot be handled, with the
/// reason in the `x-codeflix-dead-reason` header. The inbox table (the service's migrations):
///   inbox (consumer TEXT, event_id TEXT, received_at TEXT, PRIMARY KEY (consumer, event_id))
class Consumer {
  public:
    Consumer(db::Database& database, BrokerSettings settings, ConsumerOptions options,
             Metrics& metrics);
    ~Consumer();
    Consumer(const Consumer&) = delete;
    Consumer& operator=(const Consumer&) = delete;

    /// Handles events of exactly `type` (with its version), e.g.
    /// "codeflix.catalog.video.updated.v1".
    void on(const std::string& type, EventHandler handler);

    /// Runs after each transaction of this consumer's handlers has committed, on the consumer's
    /// thread (e.g. to drop caches the handlers made stale: dropping them before the commit would
    /// let a reader cache the old state again).
    void after_commit(std::function<void()> hook) { after_commit_ = std::move(hook); }

    void start();
    /// Stops taking deliveries; what is in flight finishes, unacknowledged ones return to the
    /// queue.
    void stop();

    /// True while connected and consuming.
    bool consuming() const { return consuming_.load(); }
    const ConsumerOptions& options() const { return options_; }

  private:
    struct Impl;
    void loop();

    db::Database& database_;
    BrokerSettings settings_;
    ConsumerOptions options_;
    Metrics& metrics_;
    std::map<std::string, EventHandler, std::less<>> handlers_;
    std::function<void()> after_commit_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> consuming_{false};
    std::thread thread_;
};

}  // namespace codeflix::messaging
