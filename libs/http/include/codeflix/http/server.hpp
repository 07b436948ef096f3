#pragma once

#include <chrono>
#include <codeflix/http/router.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace codeflix::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  ///< 0 picks a free port; see Server::port().
    std::size_t io_threads = 1;
    std::size_t workers = 8;        ///< handler threads (handlers may block on the database)
    std::size_t queue_limit = 256;  ///< requests waiting for a worker before 503 + Retry-After
    std::size_t body_limit = std::size_t{1024} * 1024;
    std::size_t header_limit = std::size_t{16} * 1024;
    std::chrono::seconds idle_timeout{60};
    std::chrono::seconds drain_timeout{10};
    /// Tried on the I/O thread before the worker pool, for answers held in memory (see
    /// Router::fast); nullopt hands the request to the pool. Must never block.
    std::function<std::optional<Response>(Request&)> fast_path = {};
};

/// HTTP/1.1 server with keep-alive. Handlers run on a bounded worker pool, never on I/O threads
/// (only the non-blocking fast_path does).
/// Oversized bodies get 413, malformed requests 400, a full queue 503.
class Server {
  public:
    Server(ServerOptions options, Handler handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds, listens and starts the threads; throws std::runtime_error when it cannot bind.
    void start();
    /// The bound port (after start()).
    std::uint16_t port() const;
    /// Graceful drain: stops accepting, lets requests in flight finish (up to drain_timeout),
    /// closes idle connections, then stops the threads.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace codeflix::http
