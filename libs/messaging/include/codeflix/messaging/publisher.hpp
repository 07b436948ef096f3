#pragma once

#include <codeflix/messaging/broker.hpp>
#include <codeflix/messaging/metrics.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace codeflix::messaging {

/// One message to publish: persistent, with `message_id` and `type` properties.
struct OutgoingMessage {
    std::string exchange;
    std::string routing_key;
    std::string body;
    std::string message_id;
    std::string type;
    std::string content_type = "application/cloudevents+json";
    /// String-valued headers.
    std::vector<std::pair<std::string, std::string>> headers;
    /// Per-message TTL in milliseconds (empty: none).
    std::string expiration_ms;
};

/// Publishes persistent messages with publisher confirms over one connection, which it opens
/// when first needed and again after a failure. Thread-safe (one publish at a time).
class Publisher {
  public:
    Publisher(BrokerSettings settings, Metrics& metrics);
    ~Publisher();
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    /// Publishes `messages` in order and waits for the broker's confirms. Returns how many of the
    /// first messages were confirmed: all of them, or a prefix when the broker refused one, the
    /// connection failed or the confirms did not arrive in time (the connection is then dropped
    /// and the next call reconnects). Never throws for broker trouble.
    std::size_t publish(const std::vector<OutgoingMessage>& messages);

    /// Declares the events and dead-letter exchanges (idempotent); false when unreachable.
    bool declare_exchanges();

    bool connected() const;
    void close();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    mutable std::mutex mutex_;
};

}  // namespace codeflix::messaging
