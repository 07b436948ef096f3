#include <chrono>
#include <codeflix/core/log.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/middleware.hpp>
#include <codeflix/http/problem.hpp>
#include <exception>

namespace codeflix::http {
namespace {

bool well_formed_request_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (char c : id) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '-' || c == '_' || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

bool is_json_media_type(std::string_view type) {
    auto semicolon = type.find(';');
    std::string_view base = type.substr(0, semicolon);
    while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
    std::string lower;
    for (char c : base) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    return lower == "application/json" ||
           (lower.starts_with("application/") && lower.ends_with("+json"));
}

}  // namespace

Handler chain(std::vector<Middleware> middlewares, Handler last) {
    Handler next = std::move(last);
    for (auto it = middlewares.rbegin(); it != middlewares.rend(); ++it) {
        next = [mw = std::move(*it), inner = std::move(next)](Request& request) {
            return mw(request, inner);
        };
    }
    return next;
}

Middleware request_id() {
    return [](Request& request, const Handler& next) {
        auto incoming = request.header("X-Request-Id");
        request.request_id = incoming && well_formed_request_id(*incoming) ? std::string(*incoming)
                                                                           : core::new_uuid_v7();
        log::set_request_id(request.request_id);
        Response response = next(request);
        response.headers.set("X-Request-Id", request.request_id);
        log::set_request_id({});
        return response;
    };
}

Middleware access_log() {
    return [](Request& request, const Handler& next) {
        if (!log::enabled(log::Level::info)) return next(request);
        auto started = std::chrono::steady_clock::now();
        Response response = next(request);
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        log::info("request", {{"method", request.method},
                              {"path", request.path},
                              {"route", request.route},
                              {"status", response.status},
                              {"duration_ms", ms},
                              {"remote", request.remote_address}});
        return response;
    };
}

Middleware exception_guard() {
    return [](Request& request, const Handler& next) {
        try {
            return next(request);
        } catch (const std::exception& e) {
            log::error("unhandled exception", {{"route", request.route}, {"error", e.what()}});
        } catch (...) {
            log::error("unhandled exception", {{"route", request.route}});
        }
        return problem(500,
                       "An internal error occurred; it has been logged with this request's id");
    };
}

Middleware json_content_type(std::vector<std::string> exempt_prefixes) {
    return [exempt = std::move(exempt_prefixes)](Request& request, const Handler& next) {
        bool has_body_method =
            request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
        if (has_body_method && !request.body.empty()) {
            for (const auto& prefix : exempt) {
                if (request.path.starts_with(prefix)) return next(request);
            }
            auto type = request.header("Content-Type");
            if (!type || !is_json_media_type(*type)) {
                return problem(415, "The request body must be application/json");
            }
        }
        return next(request);
    };
}

Middleware cors(CorsOptions options) {
    return [options = std::move(options)](Request& request, const Handler& next) {
        auto origin = request.header("Origin");
        bool allowed = false;
        if (origin) {
            for (const auto& o : options.allowed_origins) allowed = allowed || o == *origin;
        }
        if (!allowed) return next(request);
        std::string allowed_origin(*origin);
        if (request.method == "OPTIONS" && request.header("Access-Control-Request-Method")) {
            Response response = Response::no_content();
            response.headers.set("Access-Control-Allow-Origin", allowed_origin);
            response.headers.set("Access-Control-Allow-Methods",
                                 "GET, POST, PUT, PATCH, DELETE, OPTIONS");
            response.headers.set("Access-Control-Allow-Headers", options.allowed_headers);
            response.headers.set("Access-Control-Max-Age", "600");
            response.headers.set("Vary", "Origin");
            return response;
        }
        Response response = next(request);
        response.headers.set("Access-Control-Allow-Origin", allowed_origin);
        response.headers.set("Access-Control-Expose-Headers", options.exposed_headers);
        response.headers.set("Vary", "Origin");
        return response;
    };
}

}  // namespace codeflix::http
