#pragma once

#include <chrono>
#include <codeflix/core/result.hpp>
#include <codeflix/http/message.hpp>
#include <memory>
#include <string>
#include <string_view>

namespace codeflix::http {

struct ClientResponse {
    int status = 0;
    Headers headers;
    std::string body;
};

/// A blocking HTTP client on libcurl that keeps its connection alive between calls. One
/// instance per thread.
class Client {
  public:
    explicit Client(std::string base_url,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// A transport failure (refused, timeout) is an unavailable Error; any HTTP status is a value.
    core::Result<ClientResponse> request(std::string_view method, std::string_view path,
                                         std::string_view body = {}, const Headers& headers = {});

    core::Result<ClientResponse> get(std::string_view path, const Headers& headers = {}) {
        return request("GET", path, {}, headers);
    }

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace codeflix::http
