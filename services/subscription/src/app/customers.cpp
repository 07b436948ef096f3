#include "customers.hpp"

#include <codeflix/core/clock.hpp>
#include <codeflix/core/text.hpp>

#include "../repositories/customer_repository.hpp"

namespace codeflix::subscription::app {
namespace {

constexpr const char* kRegistered = "codeflix.identity.user.registered.v1";

std::string text(const boost::json::object& data, std::string_view field, std::size_t max) {
    const auto* value = data.if_contains(field);
    if (value == nullptr || !value->is_string())
        throw messaging::PermanentError("data." + std::string(field) + " is not a string");
    std::string out(value->as_string());
    if (out.size() > max || !core::is_valid_utf8(out) || core::has_control_characters(out, false))
        throw messaging::PermanentError("data." + std::string(field) + " is malformed");
    return out;
}

}  // namespace

std::vector<std::string> customer_bindings() { return {kRegistered}; }

void handle_customer_events(messaging::Consumer& consumer) {
    consumer.on(kRegistered, [](soci::session& session, const messaging::CloudEvent& event) {
        const auto& data = event.data;
        repositories::Customer customer;
        customer.user_id = text(data, "id", 255);
        if (customer.user_id.empty() || customer.user_id != event.subject)
            throw messaging::PermanentError("data.id is not the event's subject");
        customer.email = text(data, "email", 320);
        customer.display_name =
            data.contains("display_name") ? text(data, "display_name", 255) : customer.email;
        auto created = text(data, "created_at", 64);
        if (!core::parse_rfc3339(created))
            throw messaging::PermanentError("data.created_at is not an RFC 3339 time");
        customer.registered_at = created;
        repositories::CustomerRepository::registered(session, customer,
                                                     core::to_rfc3339(core::now()));
    });
}

}  // namespace codeflix::subscription::app
