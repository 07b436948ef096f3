#pragma once

#include <codeflix/messaging/consumer.hpp>
#include <string>
#include <vector>

namespace codeflix::subscription::app {

/// Keeps a customer record per identity user from `codeflix.identity.user.registered.v1`.
/// A user who subscribed before the event arrived already has one (from their token); the event
/// completes it. Malformed events are parked.
std::vector<std::string> customer_bindings();
void handle_customer_events(messaging::Consumer& consumer);

}  // namespace codeflix::subscription::app
