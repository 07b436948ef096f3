#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace codeflix::messaging {

/// The durable topic exchange every event is published to, routed by its type.
inline constexpr std::string_view kEventsExchange = "codeflix.events";
/// The direct exchange that carries what consumers park: `<queue>.dlq` is bound to it with its
/// own name as the key.
inline constexpr std::string_view kDeadLetterExchange = "codeflix.dlx";

/// Headers CODEFLIX adds to messages it moves between queues.
inline constexpr const char* kAttemptHeader = "x-codeflix-attempt";
inline constexpr const char* kErrorHeader = "x-codeflix-error";
inline constexpr const char* kDeadReasonHeader = "x-codeflix-dead-reason";

/// Where and how to reach RabbitMQ.
struct BrokerSettings {
    /// amqp://user:password@host:port/vhost
    std::string url = "amqp://guest:guest@127.0.0.1:5672/";
    /// Shown in the broker's connection list (e.g. "catalog-admin publisher").
    std::string connection_name;
    /// How long a connect, a declaration or a publisher confirm may take.
    std::chrono::milliseconds timeout{5000};
};

/// A broker that cannot be reached or that refused an operation.
class BrokerError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Throws core::ConfigError when `url` is not an amqp:// URL rabbitmq-c can use.
void validate_amqp_url(std::string_view url);

/// The URL without its password, for logs.
std::string redact_amqp_url(std::string_view url);

/// Growing waits between reconnection attempts: `first`, doubled each time, at most `max`.
class Backoff {
  public:
    Backoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
        : first_(first), max_(max), next_(first) {}
    std::chrono::milliseconds next() {
        auto wait = next_;
        next_ = std::min(max_, next_ * 2);
        return wait;
    }
    void reset() { next_ = first_; }

  private:
    std::chrono::milliseconds first_;
    std::chrono::milliseconds max_;
    std::chrono::milliseconds next_;
};

}  // namespace codeflix::messaging
