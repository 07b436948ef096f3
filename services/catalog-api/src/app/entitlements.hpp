#pragma once

#include <codeflix/messaging/consumer.hpp>
#include <string>
#include <utility>
#include <vector>

#include "clock.hpp"

namespace codeflix::catalog_api::app {

/// Keeps catalog-api's copy of the subscription service's subscriptions from its events
/// (activated, renewed, updated, past_due, canceled, expired): each carries the whole
/// subscription and its version, and is applied only when newer than the stored one, so
/// redelivered and reordered events are harmless. Malformed data is refused for good
/// (PermanentError: DLQ). A user catalog-api has never seen is fine: users live in identity.
class Entitlements {
  public:
    explicit Entitlements(Clock clock = core::now) : clock_(std::move(clock)) {}

    void subscribe(messaging::Consumer& consumer) const;
    /// The routing keys to bind: every subscription event of version 1.
    static std::vector<std::string> bindings();

  private:
    Clock clock_;
};

}  // namespace codeflix::catalog_api::app
