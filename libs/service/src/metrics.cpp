#include "metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <chrono>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace codeflix::service {

namespace {

struct Series {
    prometheus::Counter* requests;
    prometheus::Histogram* latency;
};

bool is_standard_method(std::string_view method) {
    for (std::string_view m : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        if (m == method) return true;
    }
    return false;
}

}  // namespace

struct HttpMetrics::Impl {
    /// Family::Add locks and hashes its labels; the series seen so far are looked up here instead.
    std::shared_mutex series_mutex;
    std::unordered_map<std::string, Series> series;

    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests =
        prometheus::BuildCounter()
            .Name("http_requests_total")
            .Help("HTTP requests by method, route and status")
            .Register(*registry);
    prometheus::Family<prometheus::Histogram>& latency = prometheus::BuildHistogram()
                                                             .Name("http_request_duration_seconds")
                                                             .Help("HTTP request latency by route")
                                                             .Register(*registry);
};

HttpMetrics::HttpMetrics() : impl_(std::make_unique<Impl>()) {}
HttpMetrics::~HttpMetrics() = default;

http::Middleware HttpMetrics::middleware() {
    return [impl = impl_.get()](http::Request& request, const http::Handler& next) {
        auto started = std::chrono::steady_clock::now();
        http::Response response = next(request);
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::string route = request.route.empty() ? std::string("unmatched") : request.route;
        std::string status = std::to_string(response.status);
        // Clients choose the method: only the standard ones become label values, so nobody can
        // grow the series without bound.
        std::string method =
            is_standard_method(request.method) ? request.method : std::string("OTHER");
        std::string key = method + ' ' + route + ' ' + status;
        Series found{nullptr, nullptr};
        {
            std::shared_lock lock(impl->series_mutex);
            if (auto it = impl->series.find(key); it != impl->series.end()) found = it->second;
        }
        if (!found.requests) {
            static const prometheus::Histogram::BucketBoundaries kBuckets = {
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
            found = {
                &impl->requests.Add({{"method", method}, {"route", route}, {"status", status}}),
                &impl->latency.Add({{"route", route}}, kBuckets)};
            std::unique_lock lock(impl->series_mutex);
            impl->series.emplace(std::move(key), found);
        }
        found.requests->Increment();
        found.latency->Observe(seconds);
        return response;
    };
}

std::string HttpMetrics::render() const {
    return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace codeflix::service
