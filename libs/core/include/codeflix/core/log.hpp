#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace codeflix::log {

/// A value of a structured log field, already rendered as JSON.
class Value {
  public:
    Value(std::string_view text);  // NOLINT(google-explicit-constructor)
    Value(const std::string& text) : Value(std::string_view(text)) {}        // NOLINT
    Value(const char* text) : Value(std::string_view(text)) {}               // NOLINT
    Value(std::int64_t number);                                              // NOLINT
    Value(int number) : Value(static_cast<std::int64_t>(number)) {}          // NOLINT
    Value(std::size_t number) : Value(static_cast<std::int64_t>(number)) {}  // NOLINT
    Value(double number);                                                    // NOLINT
    Value(bool flag);                                                        // NOLINT

    const std::string& json() const { return json_; }

  private:
    std::string json_;
};

using Fields = std::initializer_list<std::pair<std::string_view, Value>>;

enum class Level { debug, info, warn, error };

/// Sets up JSON-lines logging to stdout for `service`; `level` is debug, info, warn or error.
/// Throws core::ConfigError on an unknown level.
void init(std::string_view service, std::string_view level);

/// The request id that log lines written by this thread carry (empty: none).
void set_request_id(std::string_view id);
const std::string& request_id();

/// Whether lines of `level` are written (to skip building fields nobody will see).
bool enabled(Level level);

void write(Level level, std::string_view msg, Fields fields = {});
inline void debug(std::string_view msg, Fields fields = {}) { write(Level::debug, msg, fields); }
inline void info(std::string_view msg, Fields fields = {}) { write(Level::info, msg, fields); }
inline void warn(std::string_view msg, Fields fields = {}) { write(Level::warn, msg, fields); }
inline void error(std::string_view msg, Fields fields = {}) { write(Level::error, msg, fields); }

}  // namespace codeflix::log
