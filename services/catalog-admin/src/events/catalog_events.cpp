#include "catalog_events.hpp"

#include <codeflix/messaging/outbox.hpp>
#include <string>

namespace codeflix::catalog_admin::events {

void record(soci::session& session, std::string_view aggregate, std::string_view action,
            boost::json::object state) {
    std::string subject(state.at("id").as_string());
    std::string type =
        "codeflix.catalog." + std::string(aggregate) + "." + std::string(action) + ".v1";
    messaging::enqueue(
        session,
        messaging::make_event(kSource, std::move(type), std::move(subject), std::move(state)),
        aggregate);
}

}  // namespace codeflix::catalog_admin::events
