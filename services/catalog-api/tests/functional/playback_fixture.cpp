#include "playback_fixture.hpp"

#include <boost/json/array.hpp>
#include <codeflix/core/clock.hpp>
#include <codeflix/messaging/event.hpp>

namespace codeflix::catalog_api::testing {
namespace {

boost::json::object current_media(const std::string& video, const MediaSpec& spec,
                                  const std::string& slot = "video") {
    std::string encoding = new_id();
    std::string folder = "media/" + video + "/" + slot + "/" + encoding + "/";
    boost::json::array renditions;
    for (const auto& [width, height] : spec.rungs) {
        renditions.push_back(boost::json::object{
            {"width", width}, {"height", height}, {"video_bitrate", height * 4000}});
    }
    boost::json::object current{{"upload_id", new_id()},
                                {"encoding_id", encoding},
                                {"folder", folder},
                                {"hls", folder + "master.m3u8"},
                                {"dash", folder + "manifest.mpd"},
                                {"poster", folder + "poster.jpg"},
                                {"poster_url", "/images/" + video + "/poster/" + encoding + ".jpg"},
                                {"trickplay", nullptr},
                                {"duration_seconds", spec.duration_seconds},
                                {"width", spec.rungs.back().first},
                                {"height", spec.rungs.back().second},
                                {"has_audio", true},
                                {"renditions", std::move(renditions)},
                                {"attempts", 1}};
    if (spec.trickplay) current["trickplay"] = folder + "trickplay/index.vtt";
    if (spec.capped) {
        boost::json::object capped;
        for (const char* quality : {"480p", "720p"}) {
            capped[quality] =
                boost::json::object{{"hls", folder + "master_" + quality + ".m3u8"},
                                    {"dash", folder + "manifest_" + quality + ".mpd"}};
        }
        current["capped"] = std::move(capped);
    }
    return current;
}

}  // namespace

boost::json::object subscription_data(const SubscriptionSpec& spec) {
    auto now = core::now();
    auto end = now + spec.period_end_in;
    auto text = [](core::TimePoint t) { return boost::json::value(core::to_rfc3339(t)); };
    return {{"id", spec.id.empty() ? new_id() : spec.id},
            {"version", spec.version},
            {"user_id", spec.user},
            {"plan_id", "01900000-0000-7000-8000-0000000000a1"},
            {"plan_name", spec.max_quality == "1080p" ? "Premium" : "Standard"},
            {"status", spec.status},
            {"max_streams", spec.max_streams},
            {"max_quality", spec.max_quality},
            {"current_period_start", text(end - std::chrono::hours(24 * 30))},
            {"current_period_end", text(end)},
            {"cancel_at_period_end", spec.cancel_at_period_end},
            {"past_due_since",
             spec.past_due_for ? text(now - *spec.past_due_for) : boost::json::value(nullptr)},
            {"ended_at", spec.ended ? text(now) : boost::json::value(nullptr)}};
}

void PlaybackTest::SetUp() {
    CatalogApiTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(eventually([&] {
        return get("/readyz").body.find("\"consumer catalog-api.subscriptions\":\"ok\"") !=
               std::string::npos;
    })) << "the subscriptions consumer did not start";
}

std::map<std::string, std::string> PlaybackTest::extra_env() {
    auto env = CatalogApiTest::extra_env();
    for (const auto& [key, value] : issuer_.env()) env[key] = value;
    env["CODEFLIX_STORAGE_URL_SECRET"] = kUrlSecret;
    for (const auto& [key, value] : playback_env()) env[key] = value;
    return env;
}

http::Headers PlaybackTest::as(const std::string& user) const {
    return issuer_.bearer({.subject = user, .audience = "catalog-api"});
}

void PlaybackTest::publish_video(const std::string& id, const std::string& title,
                                 std::optional<MediaSpec> media) {
    auto data = video_data(id, 1, {.title = title});
    if (media) {
        data["media"].as_object()["video"] =
            boost::json::object{{"status", "completed"},
                                {"progress", 100},
                                {"error", nullptr},
                                {"upload_id", new_id()},
                                {"current", current_media(id, *media)}};
        if (media->trailer) {
            MediaSpec trailer{.duration_seconds = 95.5, .capped = false, .trickplay = false};
            data["media"].as_object()["trailer"] =
                boost::json::object{{"status", "completed"},
                                    {"progress", 100},
                                    {"error", nullptr},
                                    {"upload_id", new_id()},
                                    {"current", current_media(id, trailer, "trailer")}};
        }
    }
    publish("video", "created", data);
    ASSERT_TRUE(answers("/api/catalog/videos/" + id, 200));
}

void PlaybackTest::publish_subscription(const std::string& action,
                                        const boost::json::object& data) {
    std::string type = "codeflix.subscription.subscription." + action + ".v1";
    auto event =
        messaging::make_event("/subscription", type, std::string(data.at("id").as_string()), data);
    publish_raw(type, messaging::to_json(event));
}

boost::json::object PlaybackTest::subscribe(const SubscriptionSpec& spec) {
    auto data = subscription_data(spec);
    publish_subscription("activated", data);
    EXPECT_TRUE(entitlement_status_is(spec.user, spec.status));
    return data;
}

bool PlaybackTest::entitlement_status_is(const std::string& user, const std::string& status) {
    return eventually([&] {
        auto reply = call("GET", "/api/catalog/me/entitlement", {}, as(user));
        return reply.status == 200 && reply.text("status") == status;
    });
}

Reply PlaybackTest::start(const std::string& user, const std::string& video,
                          std::string_view body) {
    return call("POST", playback_path(video), body, as(user));
}

Reply PlaybackTest::heartbeat(const std::string& user, const std::string& video,
                              const std::string& session, const std::string& body) {
    return call("PUT", playback_path(video) + "/" + session, body, as(user));
}

Reply PlaybackTest::stop(const std::string& user, const std::string& video,
                         const std::string& session) {
    return call("DELETE", playback_path(video) + "/" + session, {}, as(user));
}

Reply PlaybackTest::continue_watching(const std::string& user) {
    return call("GET", "/api/catalog/me/continue-watching", {}, as(user));
}

}  // namespace codeflix::catalog_api::testing
