#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace codeflix::messaging::testing {

/// The broker `./codeflix test` starts (CODEFLIX_TEST_AMQP_URL); throws when it is not set.
std::string broker_url();

/// A virtual host of its own for one test, made through the management API
/// (CODEFLIX_TEST_RABBIT_API) and deleted with everything in it afterwards: services under test
/// declare the real queue names there without meeting another test's.
class TestVhost {
  public:
    TestVhost();
    ~TestVhost();
    TestVhost(const TestVhost&) = delete;
    TestVhost& operator=(const TestVhost&) = delete;

    /// The broker URL of this vhost.
    const std::string& url() const { return url_; }
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::string url_;
};

/// A name no other test uses (queues, event types).
std::string unique_name(std::string_view prefix);

/// A message read back from a queue.
struct Received {
    std::string body;
    std::string message_id;
    std::string type;
    std::string routing_key;
    std::map<std::string, std::string> headers;
};

/// A second, plain connection to the broker for looking at queues the way an operator would.
class QueueProbe {
  public:
    explicit QueueProbe(const std::string& url);
    ~QueueProbe();

    /// A durable queue bound to codeflix.events with `binding`, to watch what is published.
    void watch(const std::string& queue, const std::string& binding);
    /// Takes (and acknowledges) one message, waiting up to `timeout` for one to arrive.
    std::optional<Received> take(const std::string& queue, std::chrono::milliseconds timeout);
    /// Messages ready in a queue (0 when it does not exist).
    std::int64_t ready(const std::string& queue);
    /// Publishes raw bytes to codeflix.events (to deliver what a good producer never would).
    void publish(const std::string& routing_key, const std::string& body,
                 const std::string& message_id = "raw");
    /// Deletes queues (the queue, its .retry and .dlq) a test made.
    void remove_consumer_queues(const std::string& queue);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string url_;
};

/// A TCP proxy in front of the broker that a test can cut (every connection dropped, new ones
/// closed at once) and restore, to play a broker outage without stopping the shared broker.
class TcpProxy {
  public:
    explicit TcpProxy(const std::string& broker_url);
    ~TcpProxy();
    /// The broker URL with the proxy's port.
    const std::string& url() const { return url_; }
    void cut();
    void restore();

  private:
    void run();
    int listener_ = -1;
    int target_port_ = 0;
    std::string url_;
    std::atomic<bool> cut_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace codeflix::messaging::testing
