#include <algorithm>
#include <codeflix/http/problem.hpp>
#include <codeflix/http/router.hpp>
#include <stdexcept>

namespace codeflix::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        segments.emplace_back(path.substr(i, end - i));
        i = end;
    }
    return segments;
}

bool is_param(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string_view method, std::string_view pattern, Handler handler) {
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route must start with /");
    routes_.push_back(
        {std::string(method), std::string(pattern), split_path(pattern), std::move(handler)});
}

void Router::fast(std::string_view method, std::string_view pattern, FastHandler handler) {
    for (auto& route : routes_) {
        if (route.method == method && route.pattern == pattern) {
            route.fast = std::move(handler);
            return;
        }
    }
    throw std::invalid_argument("no route " + std::string(method) + " " + std::string(pattern) +
                                " to give a fast path");
}

bool Router::matches(const Route& route, const std::vector<std::string>& segments) {
    if (route.segments.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (!is_param(route.segments[i]) && route.segments[i] != segments[i]) return false;
    }
    return true;
}

void Router::bind(const Route& route, const std::vector<std::string>& segments, Request& request) {
    request.route = route.pattern;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (is_param(route.segments[i])) {
            const auto& name = route.segments[i];
            request.path_params[name.substr(1, name.size() - 2)] = segments[i];
        }
    }
}

std::optional<Response> Router::dispatch_fast(Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
    auto segments = split_path(request.path);
    for (const auto& route : routes_) {
        if (route.method != "GET" || !matches(route, segments)) continue;
        if (!route.fast) return std::nullopt;
        bind(route, segments, request);
        return route.fast(request);
    }
    return std::nullopt;
}

Response Router::dispatch(Request& request) const {
    auto segments = split_path(request.path);
    // HEAD is answered by the GET handler; the server sends its headers without the body.
    std::string_view method =
        request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
    std::vector<std::string_view> allowed;
    auto allow_method = [&allowed](std::string_view m) {
        if (std::find(allowed.begin(), allowed.end(), m) == allowed.end()) allowed.push_back(m);
    };
    for (const auto& route : routes_) {
        if (!matches(route, segments)) continue;
        if (route.method != method) {
            allow_method(route.method);
            if (route.method == "GET") allow_method("HEAD");
            continue;
        }
        bind(route, segments, request);
        return route.handler(request);
    }
    if (!allowed.empty()) {
        std::string allow;
        for (auto m : allowed) {
            allow += allow.empty() ? "" : ", ";
            allow += m;
        }
        Response response = problem(405, "The method " + request.method + " is not allowed here");
        response.headers.set("Allow", allow);
        return response;
    }
    return problem(404, "No resource at this path");
}

}  // namespace codeflix::http
