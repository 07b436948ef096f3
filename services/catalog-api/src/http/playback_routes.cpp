#include "playback_routes.hpp"

#include <boost/json/serialize.hpp>
#include <cmath>
#include <codeflix/core/uuid.hpp>
#include <codeflix/http/body.hpp>
#include <codeflix/http/problem.hpp>
#include <utility>
#include <vector>

#include "../app/seconds.hpp"
#include "../domain/playback_media.hpp"
#include "personal.hpp"

namespace codeflix::catalog_api::http_api {
namespace {

using http::Request;
using http::Response;

constexpr const char* kSessions = "/api/catalog/videos/{id}/playback";
constexpr const char* kSession = "/api/catalog/videos/{id}/playback/{session}";
constexpr const char* kTrailer = "/api/catalog/videos/{id}/trailer";

/// The video id, and the session id when the route has one: canonical UUIDs, or 400.
struct Target {
    std::string video_id;
    std::string session_id;
};

core::Result<Target> target_of(const Request& request, bool with_session) {
    std::vector<core::FieldError> errors;
    Target target;
    auto video = core::canonical_uuid(request.path_param("id"));
    if (video)
        target.video_id = *video;
    else
        errors.push_back({"id", "must be a UUID"});
    if (with_session) {
        auto session = core::canonical_uuid(request.path_param("session"));
        if (session)
            target.session_id = *session;
        else
            errors.push_back({"session", "must be a UUID"});
    }
    if (!errors.empty())
        return core::Error::invalid("The ids in the path must be UUIDs", std::move(errors));
    return target;
}

/// `{"position_seconds": number, "state": "playing"|"paused"|"ended"}`; other members are
/// ignored (newer players may send more).
core::Result<app::Heartbeat> read_heartbeat(const boost::json::object& object) {
    std::vector<core::FieldError> errors;
    app::Heartbeat beat;
    const auto* position = object.if_contains("position_seconds");
    if (position == nullptr) {
        errors.push_back({"position_seconds", "is required"});
    } else {
        double seconds = position->is_number() ? position->to_number<double>() : -1;
        if (!std::isfinite(seconds) || seconds < 0 || seconds > domain::kMaxDurationSeconds)
            errors.push_back({"position_seconds", "must be a number of seconds, at least 0"});
        else
            beat.position_ms = app::milliseconds_of(seconds);
    }
    if (const auto* state = object.if_contains("state"); state != nullptr && !state->is_null()) {
        std::string_view text = state->is_string() ? std::string_view(state->as_string()) : "";
        if (text == "playing" || text == "paused" || text == "ended")
            beat.state = std::string(text);
        else
            errors.push_back({"state", "must be playing, paused or ended"});
    }
    if (!errors.empty()) return core::Error::invalid("The heartbeat is invalid", std::move(errors));
    return beat;
}

}  // namespace

void add_playback_routes(http::Router& router, app::Playback& playback) {
    router.post(kSessions, [&playback](Request& request) {
        if (auto answer = require_viewer(request)) return std::move(*answer);
        auto target = target_of(request, false);
        if (!target) return personal(http::problem(target.error()));
        // The body is optional and has no members yet; when present it must be an object.
        if (auto body = http::json_object_body(request, true); !body)
            return personal(http::problem(body.error()));
        auto started = playback.start(request.principal->subject, target->video_id);
        if (!started.ok()) return refused(started.refusal());
        std::string session_id(started->at("session_id").as_string());
        Response response = Response::json(201, boost::json::serialize(*started));
        response.headers.set("Location",
                             "/api/catalog/videos/" + target->video_id + "/playback/" + session_id);
        return personal(std::move(response));
    });
    router.put(kSession, [&playback](Request& request) {
        if (auto answer = require_viewer(request)) return std::move(*answer);
        auto target = target_of(request, true);
        if (!target) return personal(http::problem(target.error()));
        auto body = http::json_object_body(request);
        if (!body) return personal(http::problem(body.error()));
        auto beat = read_heartbeat(*body);
        if (!beat) return personal(http::problem(beat.error()));
        auto done = playback.heartbeat(request.principal->subject, target->video_id,
                                       target->session_id, *beat);
        if (!done.ok()) return refused(done.refusal());
        return personal(Response::json(200, boost::json::serialize(*done)));
    });
    // Anonymous: the token in the answer opens the trailer's folder only.
    router.get(kTrailer, [&playback](Request& request) {
        auto target = target_of(request, false);
        if (!target) return personal(http::problem(target.error()));
        auto trailer = playback.trailer(target->video_id);
        if (!trailer.ok()) return refused(trailer.refusal());
        return personal(Response::json(200, boost::json::serialize(*trailer)));
    });
    router.del(kSession, [&playback](Request& request) {
        if (auto answer = require_viewer(request)) return std::move(*answer);
        auto target = target_of(request, true);
        if (!target) return personal(http::problem(target.error()));
        auto done = playback.stop(request.principal->subject, target->video_id, target->session_id);
        if (!done.ok()) return refused(done.refusal());
        return personal(Response::no_content());
    });
}

}  // namespace codeflix::catalog_api::http_api
