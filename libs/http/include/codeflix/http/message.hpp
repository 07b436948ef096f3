#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codeflix::http {

/// HTTP header fields; names compare case-insensitively, order is kept.
class Headers {
  public:
    /// Replaces every field called `name`.
    void set(std::string_view name, std::string value);
    void add(std::string_view name, std::string value);
    void remove(std::string_view name);
    std::optional<std::string_view> get(std::string_view name) const;

    auto begin() const { return fields_.begin(); }
    auto end() const { return fields_.end(); }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

/// Who made a request, as a verified access token says (set by the bearer middleware).
struct Principal {
    std::string subject;
    std::string username;
    std::string email;
    std::string client_id;
    std::vector<std::string> roles;

    bool has_role(std::string_view role) const {
        for (const auto& r : roles) {
            if (r == role) return true;
        }
        return false;
    }
};

/// A request as handlers see it: decoded path and query, whole body in memory (bounded by the
/// server's body limit).
struct Request {
    std::string method;
    std::string target;
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
    Headers headers;
    std::string body;
    std::string remote_address;

    /// Filled by the router: the matched pattern (e.g. "/api/admin/videos/{id}") and its values.
    std::string route;
    std::map<std::string, std::string, std::less<>> path_params;
    /// Filled by the request-id middleware.
    std::string request_id;
    /// Filled by the bearer middleware on protected routes.
    std::optional<Principal> principal;

    std::optional<std::string_view> query_param(std::string_view name) const;
    std::string_view path_param(std::string_view name) const;
    std::optional<std::string_view> header(std::string_view name) const {
        return headers.get(name);
    }
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;

    /// A response with `Content-Type: application/json`.
    static Response json(int status, std::string body);
    static Response no_content();
};

}  // namespace codeflix::http
