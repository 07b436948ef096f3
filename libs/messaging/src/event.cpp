#include <boost/json/serialize.hpp>
#include <charconv>
#include <codeflix/core/clock.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/uuid.hpp>
#include <codeflix/messaging/event.hpp>

namespace codeflix::messaging {

CloudEvent make_event(std::string_view source, std::string type, std::string subject,
                      boost::json::object data) {
    return {core::new_uuid_v7(),           std::string(source), std::move(type),
            core::to_rfc3339(core::now()), std::move(subject),  std::move(data)};
}

std::string to_json(const CloudEvent& event) {
    boost::json::object document{{"specversion", "1.0"},
                                 {"id", event.id},
                                 {"source", event.source},
                                 {"type", event.type},
                                 {"time", event.time},
                                 {"subject", event.subject},
                                 {"datacontenttype", "application/json"},
                                 {"data", event.data}};
    return boost::json::serialize(document);
}

core::Result<CloudEvent> parse_event(std::string_view body) {
    auto parsed = core::parse_json(body, 64);
    if (!parsed) return core::Error::invalid("not JSON: " + parsed.error().message);
    if (!parsed->is_object()) return core::Error::invalid("not a JSON object");
    const auto& document = parsed->get_object();
    auto text = [&](std::string_view name) { return core::string_member(document, name); };
    if (text("specversion") != "1.0") return core::Error::invalid("specversion is not 1.0");
    CloudEvent event;
    for (auto [name, field] : {std::pair{"id", &event.id}, std::pair{"source", &event.source},
                               std::pair{"type", &event.type}, std::pair{"time", &event.time},
                               std::pair{"subject", &event.subject}}) {
        auto value = text(name);
        if (!value || value->empty())
            return core::Error::invalid(std::string(name) + " is missing or empty");
        *field = std::move(*value);
    }
    if (auto content_type = text("datacontenttype");
        content_type && !content_type->starts_with("application/json")) {
        return core::Error::invalid("datacontenttype is not application/json");
    }
    const auto* data = document.if_contains("data");
    if (data == nullptr || !data->is_object()) return core::Error::invalid("data is not an object");
    event.data = data->get_object();
    return event;
}

std::optional<EventType> parse_event_type(std::string_view type) {
    auto dot = type.rfind('.');
    if (dot == std::string_view::npos || dot + 2 > type.size() || type[dot + 1] != 'v')
        return std::nullopt;
    int version = 0;
    auto digits = type.substr(dot + 2);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (error != std::errc() || end != digits.data() + digits.size() || version < 1)
        return std::nullopt;
    return EventType{std::string(type.substr(0, dot)), version};
}

}  // namespace codeflix::messaging
