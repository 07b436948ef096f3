#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/config.hpp>
#include <codeflix/core/log.hpp>
#include <cstdio>
#include <memory>
#include <mutex>

namespace codeflix::log {
namespace {

std::string quote(std::string_view text) {
    return boost::json::serialize(boost::json::string(text));
}

struct State {
    std::shared_ptr<spdlog::logger> logger;
    std::string service_json = quote("codeflix");
    Level min_level = Level::info;
};

State& state() {
    static State s = [] {
        State st;
        st.logger = spdlog::stdout_logger_mt("codeflix");
        st.logger->set_pattern("%v");
        st.logger->flush_on(spdlog::level::trace);
        return st;
    }();
    return s;
}

thread_local std::string t_request_id;

const char* level_name(Level level) {
    switch (level) {
        case Level::debug:
            return "debug";
        case Level::info:
            return "info";
        case Level::warn:
            return "warn";
        case Level::error:
            return "error";
    }
    return "info";
}

}  // namespace

Value::Value(std::string_view text) : json_(quote(text)) {}
Value::Value(std::int64_t number) : json_(std::to_string(number)) {}
Value::Value(double number) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", number);
    json_ = buf;
}
Value::Value(bool flag) : json_(flag ? "true" : "false") {}

void init(std::string_view service, std::string_view level) {
    State& s = state();
    if (level == "debug")
        s.min_level = Level::debug;
    else if (level == "info")
        s.min_level = Level::info;
    else if (level == "warn")
        s.min_level = Level::warn;
    else if (level == "error")
        s.min_level = Level::error;
    else
        throw core::ConfigError("CODEFLIX_LOG_LEVEL=\"" + std::string(level) +
                                "\" is not one of debug, info, warn, error");
    s.service_json = quote(service);
}

void set_request_id(std::string_view id) { t_request_id.assign(id); }
const std::string& request_id() { return t_request_id; }

bool enabled(Level level) { return level >= state().min_level; }

void write(Level level, std::string_view msg, Fields fields) {
    State& s = state();
    if (level < s.min_level) return;
    std::string line;
    line.reserve(160);
    line += R"({"ts":")";
    line += core::to_rfc3339(core::now());
    line += R"(","level":")";
    line += level_name(level);
    line += R"(","service":)";
    line += s.service_json;
    if (!t_request_id.empty()) {
        line += R"(,"request_id":)";
        line += quote(t_request_id);
    }
    line += R"(,"msg":)";
    line += quote(msg);
    for (const auto& [key, value] : fields) {
        line += ',';
        line += quote(key);
        line += ':';
        line += value.json();
    }
    line += '}';
    s.logger->info(line);
}

}  // namespace codeflix::log
