#pragma once

#include <boost/json/object.hpp>
#include <codeflix/core/result.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace codeflix::messaging {

/// A CloudEvents 1.0 event in structured JSON mode (ARCHITECTURE §5). `type` is
/// `codeflix.<service>.<aggregate>.<past-tense>.v<N>` and doubles as the routing key; `subject`
/// is the aggregate's id; `data` is always a JSON object.
struct CloudEvent {
    std::string id;
    std::string source;
    std::string type;
    std::string time;
    std::string subject;
    boost::json::object data;
};

/// A new event: a UUIDv7 id, the current time, `source` such as "/catalog-admin".
CloudEvent make_event(std::string_view source, std::string type, std::string subject,
                      boost::json::object data);

/// The structured-mode JSON document (`datacontenttype` application/json).
std::string to_json(const CloudEvent& event);

/// Reads a structured-mode document: specversion 1.0, every required attribute a non-empty
/// string, `data` an object. Anything else is an invalid_argument Error saying what is wrong.
core::Result<CloudEvent> parse_event(std::string_view body);

/// The parts of a type name: "codeflix.catalog.video.updated.v1" is family
/// "codeflix.catalog.video.updated", version 1.
struct EventType {
    std::string family;
    int version = 0;
};
std::optional<EventType> parse_event_type(std::string_view type);

}  // namespace codeflix::messaging
