#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace codeflix::core {

/// Thrown at start-up when a setting is wrong; main prints its one-line message and exits.
class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Reads settings from the environment. A service-specific variable (`CODEFLIX_<SERVICE>_<KEY>`)
/// takes precedence over the shared one (`CODEFLIX_<KEY>`), which takes precedence over the
/// default.
class Config {
  public:
    /// `service` is the service's name, e.g. "catalog-admin" (becomes CATALOG_ADMIN).
    explicit Config(std::string_view service);

    std::string string(std::string_view key, std::string_view fallback) const;
    std::int64_t integer(std::string_view key, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;
    bool boolean(std::string_view key, bool fallback) const;
    /// A comma-separated list; empty items are dropped.
    std::vector<std::string> list(std::string_view key, std::string_view fallback) const;

    const std::string& service() const { return service_; }

  private:
    const char* lookup(std::string_view key, std::string* name_found) const;

    std::string service_;
    std::string prefix_;
};

}  // namespace codeflix::core
