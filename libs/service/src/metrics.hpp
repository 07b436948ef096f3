#pragma once

#include <codeflix/http/middleware.hpp>
#include <memory>
#include <string>

namespace codeflix::service {

/// Prometheus metrics of the HTTP server: requests by method, route and status, and a latency
/// histogram by route.
class HttpMetrics {
  public:
    HttpMetrics();
    ~HttpMetrics();

    http::Middleware middleware();
    /// The Prometheus text exposition of every metric.
    std::string render() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace codeflix::service
