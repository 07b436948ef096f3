#pragma once

#include <codeflix/http/message.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::http {

using Handler = std::function<Response(Request&)>;

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

    Response dispatch(Request& request) const;

  private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

}  // namespace codeflix::http
