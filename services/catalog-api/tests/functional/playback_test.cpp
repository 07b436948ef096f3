// Playback sessions over HTTP with real tokens: who may start one, what URLs they get, the
// stream limit, heartbeats and watch progress.

#include <codeflix/core/clock.hpp>
#include <codeflix/storage/url_signer.hpp>
#include <thread>

#include "playback_fixture.hpp"

using namespace codeflix::catalog_api::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1)
        parts.push_back(text.substr(start, at - start));
    parts.push_back(text.substr(start));
    return parts;
}

class Playback : public PlaybackWithTitleTest {
  protected:
    /// The session id of a started session (checks the 201).
    std::string started(const std::string& user, const std::string& video) {
        auto reply = start(user, video);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.text("session_id");
    }
};

TEST_P(Playback, AnonymousViewersBrowseButMustSignInToPlay) {
    auto anonymous = post(playback_path(video_), "{}");
    expect_problem(anonymous, 401);
    EXPECT_EQ(anonymous.header("WWW-Authenticate"), "Bearer realm=\"codeflix\"");
    expect_problem(get("/api/catalog/me/entitlement"), 401);
    expect_problem(get("/api/catalog/me/continue-watching"), 401);
    expect_problem(del(playback_path(video_) + "/" + new_id()), 401);
    EXPECT_EQ(get("/api/catalog/videos/" + video_).status, 200) << "browsing stays anonymous";
    EXPECT_EQ(get("/api/catalog/search?q=bacurau").status, 200);

    codeflix::http::Headers forged;
    forged.set("Authorization", "Bearer not.a.token");
    expect_problem(call("POST", playback_path(video_), {}, forged), 401);
    // A token that is sent is verified, also on public reads.
    expect_problem(call("GET", "/api/catalog/videos/" + video_, {}, forged), 401);
}

TEST_P(Playback, WithoutASubscriptionPlaybackIsRefusedWithTheReason) {
    auto reply = start("nobody", video_);
    expect_problem(reply, 403);
    EXPECT_EQ(reply.text("reason"), "not_subscribed");
    EXPECT_EQ(reply.text("plans_url"), "/api/subscription/plans");
    EXPECT_NE(reply.text("detail").find("no subscription"), std::string::npos) << reply.body;
    auto entitlement = call("GET", "/api/catalog/me/entitlement", {}, as("nobody"));
    ASSERT_EQ(entitlement.status, 200);
    EXPECT_EQ(entitlement.json.at("entitled"), false);
    EXPECT_EQ(entitlement.text("reason"), "not_subscribed");
    EXPECT_EQ(entitlement.header("Cache-Control"), "no-store");
}

TEST_P(Playback, AnEntitledViewerGetsSignedManifestsCappedToThePlan) {
    subscribe({.user = "ana", .max_streams = 2, .max_quality = "720p"});
    auto before = codeflix::core::now();
    auto reply = start("ana", video_);
    ASSERT_EQ(reply.status, 201) << reply.body;
    std::string session = reply.text("session_id");
    EXPECT_EQ(reply.header("Location"), playback_path(video_) + "/" + session);
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    EXPECT_EQ(reply.text("video_id"), video_);
    EXPECT_EQ(reply.text("max_quality"), "720p");
    EXPECT_EQ(reply.json.at("heartbeat_interval_seconds"), 30);
    EXPECT_EQ(reply.json.at("session_timeout_seconds"), 90);
    EXPECT_EQ(reply.json.at("resume_position_seconds"), 0);
    EXPECT_DOUBLE_EQ(reply.json.at("duration_seconds").to_number<double>(), 600.5);

    // /media/<token>/<expires>/<video>/video/<encoding>/master_720p.m3u8
    auto hls = split(reply.text("hls_url"), '/');
    ASSERT_EQ(hls.size(), 8u) << reply.text("hls_url");
    EXPECT_EQ(hls[1], "media");
    EXPECT_EQ(hls[2], codeflix::storage::UrlSigner::token(hls[3] + "/" + video_ + " " + kUrlSecret))
        << "the token is what the gateway's secure_link computes";
    EXPECT_EQ(hls[4], video_);
    EXPECT_EQ(hls[7], "master_720p.m3u8");
    auto expires = std::stoll(hls[3]);
    auto lifetime = expires - codeflix::core::unix_seconds(before);
    EXPECT_GE(lifetime, 4 * 3600 - 5) << "at least four hours";
    EXPECT_LE(lifetime, 4 * 3600 + 5);
    EXPECT_EQ(codeflix::core::parse_rfc3339(reply.text("expires_at")),
              codeflix::core::TimePoint(std::chrono::seconds(expires)));
    std::string prefix = "/media/" + hls[2] + "/" + hls[3] + "/" + video_ + "/video/" + hls[6];
    EXPECT_EQ(reply.text("dash_url"), prefix + "/manifest_720p.mpd");
    EXPECT_EQ(reply.text("thumbnails_url"), prefix + "/trickplay/index.vtt");
    const auto& renditions = reply.json.at("renditions").as_array();
    ASSERT_EQ(renditions.size(), 4u) << reply.body;
    for (const auto& rendition : renditions) {
        EXPECT_LE(rendition.at("height").as_int64(), 720);
        EXPECT_EQ(rendition.as_object().size(), 2u) << "width and height only";
    }
}

TEST_P(Playback, TheFullManifestsServeWhatNoRungExceedsOrOldEncodingsWithoutCaps) {
    subscribe({.user = "bia", .max_streams = 4, .max_quality = "1080p"});
    auto full = start("bia", video_);
    ASSERT_EQ(full.status, 201) << full.body;
    EXPECT_TRUE(full.text("hls_url").ends_with("/master.m3u8")) << full.body;
    EXPECT_TRUE(full.text("dash_url").ends_with("/manifest.mpd"));
    EXPECT_EQ(full.json.at("renditions").as_array().size(), 5u);

    std::string old = new_id();
    publish_video(old, "Aquarius", MediaSpec{.capped = false, .trickplay = false});
    subscribe({.user = "caio", .max_quality = "480p"});
    auto capped_by_player = start("caio", old);
    ASSERT_EQ(capped_by_player.status, 201) << capped_by_player.body;
    EXPECT_TRUE(capped_by_player.text("hls_url").ends_with("/master.m3u8"));
    EXPECT_TRUE(capped_by_player.json.at("thumbnails_url").is_null());
    EXPECT_EQ(capped_by_player.json.at("renditions").as_array().size(), 3u)
        << "the renditions still say what the plan allows";
}

TEST_P(Playback, TheStreamLimitHoldsAndStoppingFreesAStream) {
    subscribe({.user = "duda", .max_streams = 2});
    std::string other = new_id();
    publish_video(other, "O Som ao Redor");
    std::string first = started("duda", video_);
    std::string second = started("duda", other);

    auto third = start("duda", video_, "{\"device\": \"tv\"}");
    expect_problem(third, 409);
    EXPECT_EQ(third.text("reason"), "stream_limit");
    EXPECT_EQ(third.json.at("max_streams"), 2);
    EXPECT_EQ(third.json.at("active_sessions").as_array().size(), 2u);
    EXPECT_EQ(third.json.at("active_sessions").at(0).at("session_id"), first.c_str());
    EXPECT_NE(third.text("detail").find("allows 2 streams at once and 2 are playing"),
              std::string::npos)
        << third.body;

    EXPECT_EQ(stop("duda", video_, first).status, 204);
    EXPECT_EQ(stop("duda", video_, first).status, 204) << "stopping again changes nothing";
    EXPECT_EQ(start("duda", video_).status, 201);
    expect_problem(start("duda", other), 409);
}

TEST_P(Playback, ConcurrentStartsNeverExceedTheLimit) {
    subscribe({.user = "eva", .max_streams = 1});
    auto headers = as("eva");
    auto replies = call_in_parallel(6, [&](int) {
        return codeflix::service::testing::Call{"POST", playback_path(video_), "", headers};
    });
    int created = 0;
    for (const auto& reply : replies) {
        EXPECT_TRUE(reply.status == 201 || reply.status == 409) << reply.body;
        created += reply.status == 201 ? 1 : 0;
    }
    EXPECT_EQ(created, 1);
}

TEST_P(Playback, HeartbeatsSaveProgressAndBadOnesChangeNothing) {
    subscribe({.user = "fabi"});
    std::string session = started("fabi", video_);
    auto beat = heartbeat("fabi", video_, session, R"({"position_seconds": 120.25})");
    ASSERT_EQ(beat.status, 200) << beat.body;
    EXPECT_EQ(beat.text("session_id"), session);
    EXPECT_DOUBLE_EQ(beat.json.at("position_seconds").to_number<double>(), 120.25);
    EXPECT_EQ(beat.json.at("next_heartbeat_seconds"), 30);
    EXPECT_FALSE(beat.text("expires_at").empty());

    using Fields = std::vector<std::string>;
    for (const auto& [body, fields] : std::vector<std::pair<std::string, Fields>>{
             {R"({})", {"position_seconds"}},
             {R"({"position_seconds": -1})", {"position_seconds"}},
             {R"({"position_seconds": "10"})", {"position_seconds"}},
             {R"({"position_seconds": 661})", {"position_seconds"}},
             {R"({"position_seconds": 10, "state": "rewinding"})", {"state"}},
             {R"({"position_seconds": null, "state": 3})", {"position_seconds", "state"}}}) {
        auto bad = heartbeat("fabi", video_, session, body);
        EXPECT_EQ(expect_problem(bad, 400), fields) << body << " -> " << bad.body;
    }
    expect_problem(heartbeat("fabi", video_, session, "[1]"), 400);
    expect_problem(heartbeat("fabi", video_, session, "{\"position_seconds\": 1"), 400);
    expect_problem(heartbeat("fabi", video_, "not-a-session", R"({"position_seconds": 1})"), 400);
    expect_problem(heartbeat("fabi", "not-a-video", session, R"({"position_seconds": 1})"), 400);

    auto listed = continue_watching("fabi");
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json.at("data").as_array().size(), 1u);
    EXPECT_DOUBLE_EQ(listed.json.at("data").at(0).at("position_seconds").to_number<double>(),
                     120.25)
        << "the refused heartbeats changed nothing";
}

TEST_P(Playback, SessionsOfOthersOrOfOtherVideosAreNotFound) {
    subscribe({.user = "gil"});
    subscribe({.user = "hugo"});
    std::string session = started("gil", video_);
    std::string other = new_id();
    publish_video(other, "Cidade Baixa");
    const std::string beat = R"({"position_seconds": 50})";
    expect_problem(heartbeat("hugo", video_, session, beat), 404);
    expect_problem(stop("hugo", video_, session), 404);
    expect_problem(heartbeat("gil", other, session, beat), 404);
    expect_problem(heartbeat("gil", video_, new_id(), beat), 404);
    EXPECT_EQ(continue_watching("hugo").json.at("meta").at("total"), 0);
    EXPECT_EQ(heartbeat("gil", video_, session, beat).status, 200) << "still gil's and alive";
}

TEST_P(Playback, ContinueWatchingListsStartedTitlesAndANewSessionResumes) {
    subscribe({.user = "iara", .max_streams = 3});
    std::string finished = new_id(), barely = new_id();
    publish_video(finished, "Que Horas Ela Volta");
    publish_video(barely, "Central do Brasil");
    auto watch = [&](const std::string& video, const std::string& position) {
        std::string session = started("iara", video);
        EXPECT_EQ(
            heartbeat("iara", video, session, R"({"position_seconds": )" + position + "}").status,
            200);
        EXPECT_EQ(stop("iara", video, session).status, 204);
    };
    watch(barely, "12");
    watch(finished, "590");
    watch(video_, "300");

    auto listed = continue_watching("iara");
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.header("Cache-Control"), "no-store");
    const auto& data = listed.json.at("data").as_array();
    ASSERT_EQ(data.size(), 1u) << "under 30 s and from 95 % on are left out: " << listed.body;
    EXPECT_EQ(data[0].at("video").at("id"), video_.c_str());
    EXPECT_EQ(data[0].at("video").at("title"), "Bacurau");
    EXPECT_EQ(data[0].at("position_seconds"), 300);
    EXPECT_NEAR(data[0].at("progress").to_number<double>(), 300 / 600.5, 1e-6);
    EXPECT_EQ(listed.json.at("meta").at("total"), 1);
    expect_problem(call("GET", "/api/catalog/me/continue-watching?per_page=0", {}, as("iara")),
                   400);

    EXPECT_EQ(start("iara", video_).json.at("resume_position_seconds"), 300);
    EXPECT_EQ(start("iara", finished).json.at("resume_position_seconds"), 0)
        << "watched to the end";
    EXPECT_EQ(start("iara", barely).json.at("resume_position_seconds"), 12);
}

TEST_P(Playback, UnknownUnreadyOrMalformedVideosAreRefused) {
    subscribe({.user = "joao"});
    expect_problem(start("joao", new_id()), 404);
    expect_problem(start("joao", "bacurau"), 400);
    std::string unready = new_id();
    publish_video(unready, "Em breve", std::nullopt);
    auto reply = start("joao", unready);
    expect_problem(reply, 409);
    EXPECT_NE(reply.text("detail").find("not ready"), std::string::npos) << reply.body;
    expect_problem(start("joao", video_, "[]"), 400);
    expect_problem(start("joao", video_, "{"), 400);
    EXPECT_EQ(start("joao", video_, "{}").status, 201);
}

TEST_P(Playback, AnyoneGetsATrailerTokenThatOpensTheTrailerFolderOnly) {
    std::string video = new_id();
    publish_video(video, "O Auto da Compadecida", MediaSpec{.trailer = true});
    auto before = codeflix::core::now();
    auto reply = get("/api/catalog/videos/" + video + "/trailer");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    // /trailers/<token>/<expires>/<video>/trailer/<encoding>/master.m3u8
    auto hls = split(reply.text("hls_url"), '/');
    ASSERT_EQ(hls.size(), 8u) << reply.text("hls_url");
    EXPECT_EQ(hls[1], "trailers");
    EXPECT_EQ(hls[2],
              codeflix::storage::UrlSigner::token(hls[3] + "/" + video + "/trailer " + kUrlSecret))
        << "signed for the trailer folder, not the title's";
    EXPECT_NE(hls[2], codeflix::storage::UrlSigner::token(hls[3] + "/" + video + " " + kUrlSecret));
    EXPECT_EQ(hls[4], video);
    EXPECT_EQ(hls[5], "trailer");
    EXPECT_EQ(hls[7], "master.m3u8");
    EXPECT_EQ(reply.text("dash_url"), "/trailers/" + hls[2] + "/" + hls[3] + "/" + video +
                                          "/trailer/" + hls[6] + "/manifest.mpd");
    EXPECT_DOUBLE_EQ(reply.json.at("duration_seconds").to_number<double>(), 95.5);
    auto lifetime = std::stoll(hls[3]) - codeflix::core::unix_seconds(before);
    EXPECT_GE(lifetime, 3600 + 95);
    EXPECT_LE(lifetime, 3600 + 96 + 5);

    auto without = get("/api/catalog/videos/" + video_ + "/trailer");
    expect_problem(without, 409);
    EXPECT_NE(without.text("detail").find("trailer is not ready"), std::string::npos)
        << without.body;
    expect_problem(get("/api/catalog/videos/" + new_id() + "/trailer"), 404);
    expect_problem(get("/api/catalog/videos/bacurau/trailer"), 400);
    EXPECT_EQ(call("GET", "/api/catalog/videos/" + video + "/trailer", {}, as("ana")).status, 200)
        << "signed-in viewers get it too, subscribed or not";
}

CODEFLIX_DIALECTS(Playback);

/// Sessions that expire after 2 s without a heartbeat.
class ShortSessions : public PlaybackTest {
  protected:
    std::map<std::string, std::string> playback_env() override {
        return {{"CODEFLIX_CATALOG_API_PLAYBACK_HEARTBEAT_SECONDS", "1"},
                {"CODEFLIX_CATALOG_API_PLAYBACK_SESSION_TIMEOUT_SECONDS", "2"}};
    }
};

TEST_P(ShortSessions, AnExpiredOrEndedSessionIsGoneAndFreesItsStream) {
    std::string video = new_id();
    publish_video(video, "Bacurau");
    subscribe({.user = "kiko", .max_streams = 1});
    auto reply = start("kiko", video);
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(reply.json.at("session_timeout_seconds"), 2);
    std::string session = reply.text("session_id");
    expect_problem(start("kiko", video), 409);

    std::this_thread::sleep_for(2500ms);
    auto late = heartbeat("kiko", video, session, R"({"position_seconds": 40})");
    expect_problem(late, 410);
    EXPECT_EQ(late.text("reason"), "session_expired");
    EXPECT_NE(late.text("detail").find("Start a new session"), std::string::npos) << late.body;
    EXPECT_EQ(continue_watching("kiko").json.at("meta").at("total"), 0)
        << "a refused heartbeat saves nothing";

    auto next = start("kiko", video);
    ASSERT_EQ(next.status, 201) << "the expired session no longer counts: " << next.body;
    std::string current = next.text("session_id");
    EXPECT_EQ(
        heartbeat("kiko", video, current, R"({"position_seconds": 40, "state": "ended"})").status,
        200);
    auto ended = heartbeat("kiko", video, current, R"({"position_seconds": 41})");
    expect_problem(ended, 410);
    EXPECT_EQ(ended.text("reason"), "session_ended");
    EXPECT_EQ(stop("kiko", video, current).status, 204);
}

CODEFLIX_DIALECTS(ShortSessions);

/// No URL signing secret: playback is unavailable, the rest works.
class WithoutSigning : public PlaybackTest {
  protected:
    std::map<std::string, std::string> playback_env() override {
        return {{"CODEFLIX_STORAGE_URL_SECRET", ""}};
    }
};

TEST_P(WithoutSigning, PlaybackAnswersUnavailable) {
    std::string video = new_id();
    publish_video(video, "Bacurau");
    subscribe({.user = "lia"});
    auto reply = start("lia", video);
    expect_problem(reply, 503);
    EXPECT_NE(reply.text("detail").find("signing is not configured"), std::string::npos)
        << reply.body;
    EXPECT_NE(service_->log().find("CODEFLIX_STORAGE_URL_SECRET is not set"), std::string::npos);
    EXPECT_EQ(call("GET", "/api/catalog/me/entitlement", {}, as("lia")).json.at("entitled"), true);
    std::string with_trailer = new_id();
    publish_video(with_trailer, "Cidade de Deus", MediaSpec{.trailer = true});
    expect_problem(get("/api/catalog/videos/" + with_trailer + "/trailer"), 503);
}

CODEFLIX_DIALECTS(WithoutSigning);

}  // namespace
