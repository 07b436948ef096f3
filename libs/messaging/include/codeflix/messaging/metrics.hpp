#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace codeflix::messaging {

/// Counters and gauges of one process's messaging, rendered in the Prometheus text format.
struct Metrics {
    std::atomic<std::uint64_t> published{0};  // messages handed to the broker
    std::atomic<std::uint64_t> confirmed{0};  // ... and confirmed by it
    std::atomic<std::uint64_t> publish_failures{0};
    std::atomic<std::int64_t> outbox_backlog{0};  // rows not yet published
    std::atomic<double> outbox_oldest_age_seconds{0};
    std::atomic<std::uint64_t> consumed{0};       // deliveries received
    std::atomic<std::uint64_t> handled{0};        // ... applied by a handler
    std::atomic<std::uint64_t> duplicates{0};     // ... skipped: already in the inbox
    std::atomic<std::uint64_t> retried{0};        // ... sent to <queue>.retry
    std::atomic<std::uint64_t> dead_lettered{0};  // ... parked in <queue>.dlq
    std::atomic<bool> publisher_connected{false};
    std::atomic<int> consumers_connected{0};

    std::string render() const;
};

}  // namespace codeflix::messaging
