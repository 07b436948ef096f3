#include <codeflix/messaging/metrics.hpp>
#include <sstream>

namespace codeflix::messaging {
namespace {

template <class T>
void write(std::ostringstream& out, const char* name, const char* kind, const char* help,
           const T& value) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << kind << '\n'
        << name << ' ' << value << '\n';
}

}  // namespace

std::string Metrics::render() const {
    std::ostringstream out;
    write(out, "codeflix_events_published_total", "counter", "Messages handed to the broker.",
          published.load());
    write(out, "codeflix_events_confirmed_total", "counter",
          "Messages the broker confirmed (publisher confirms).", confirmed.load());
    write(out, "codeflix_events_publish_failures_total", "counter",
          "Publish attempts that did not get every confirm.", publish_failures.load());
    write(out, "codeflix_outbox_backlog", "gauge", "Outbox rows not yet published.",
          outbox_backlog.load());
    write(out, "codeflix_outbox_oldest_age_seconds", "gauge",
          "Age of the oldest unpublished outbox row.", outbox_oldest_age_seconds.load());
    write(out, "codeflix_events_consumed_total", "counter", "Deliveries received by consumers.",
          consumed.load());
    write(out, "codeflix_events_handled_total", "counter", "Events applied by a handler.",
          handled.load());
    write(out, "codeflix_events_duplicates_total", "counter",
          "Deliveries skipped because the inbox had seen the event.", duplicates.load());
    write(out, "codeflix_events_retried_total", "counter",
          "Deliveries sent to a retry queue after a handler failed.", retried.load());
    write(out, "codeflix_events_dead_lettered_total", "counter",
          "Deliveries parked in a dead-letter queue.", dead_lettered.load());
    write(out, "codeflix_broker_publisher_connected", "gauge",
          "1 while the publisher holds a broker connection.", publisher_connected.load() ? 1 : 0);
    write(out, "codeflix_broker_consumers_connected", "gauge", "Consumers currently consuming.",
          consumers_connected.load());
    return out.str();
}

}  // namespace codeflix::messaging
