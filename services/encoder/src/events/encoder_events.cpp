#include "encoder_events.hpp"

#include <codeflix/messaging/outbox.hpp>
#include <string>

namespace codeflix::encoder::events {

void record(soci::session& session, std::string_view action, const repositories::Job& job,
            boost::json::object data) {
    data["video_id"] = job.video_id;
    data["kind"] = job.kind;
    data["upload_id"] = job.upload_id;
    data["encoding_id"] = job.id;
    std::string type = "codeflix.encoder.media." + std::string(action) + ".v1";
    messaging::enqueue(
        session, messaging::make_event(kSource, std::move(type), job.video_id, std::move(data)),
        "media");
}

}  // namespace codeflix::encoder::events
