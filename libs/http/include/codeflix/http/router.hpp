#pragma once

#include <codeflix/http/message.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::http {

using Handler = std::function<Response(Request&)>;
/// A route's non-blocking first try (see Router::fast): an answer from memory, or nullopt.
using FastHandler = std::function<std::optional<Response>(Request&)>;

/// Routes by method and path pattern; `{name}` segments capture a path parameter. Unknown paths
/// get 404, known paths with another method 405 with `Allow`.
class Router {
  public:
    void add(std::string_view method, std::string_view pattern, Handler handler);
    void get(std::string_view pattern, Handler h) { add("GET", pattern, std::move(h)); }
    void post(std::string_view pattern, Handler h) { add("POST", pattern, std::move(h)); }
    void put(std::string_view pattern, Handler h) { add("PUT", pattern, std::move(h)); }
    void patch(std::string_view pattern, Handler h) { add("PATCH", pattern, std::move(h)); }
    void del(std::string_view pattern, Handler h) { add("DELETE", pattern, std::move(h)); }

    /// Gives the route added with (method, pattern) a fast path that the server runs on its I/O
    /// thread before handing the request to a worker: it must never block (no database, no
    /// network; a lookup in memory), and returns nullopt to let the route's handler answer.
    void fast(std::string_view method, std::string_view pattern, FastHandler handler);

    Response dispatch(Request& request) const;
    /// The fast path of the route matching `request` (filling route and path_params); nullopt
    /// when it has none or declines.
    std::optional<Response> dispatch_fast(Request& request) const;

  private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        FastHandler fast = {};
    };
    /// Whether `route`'s pattern matches the path `segments` (whatever the method).
    static bool matches(const Route& route, const std::vector<std::string>& segments);
    /// Fills the request's route and path_params from a route that matches.
    static void bind(const Route& route, const std::vector<std::string>& segments,
                     Request& request);
    std::vector<Route> routes_;
};

}  // namespace codeflix::http
