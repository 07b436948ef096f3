#include "playback.hpp"

#include <boost/json/array.hpp>
#include <codeflix/core/json.hpp>
#include <codeflix/core/uuid.hpp>
#include <utility>
#include <vector>

#include "../domain/playback_media.hpp"
#include "../domain/watch_progress.hpp"
#include "../repositories/entitlement_repository.hpp"
#include "../repositories/playback_session_repository.hpp"
#include "../repositories/watch_progress_repository.hpp"
#include "seconds.hpp"

namespace codeflix::catalog_api::app {
namespace {

using repositories::PlaybackSessionRepository;
using repositories::SessionRecord;
using repositories::WatchProgressRepository;

constexpr const char* kPlansUrl = "/api/subscription/plans";
/// How far past the duration a reported position may be (players overshoot a little).
constexpr std::int64_t kPositionSlackMs = 60000;
/// Sessions are kept this long after their last heartbeat, then swept.
constexpr std::chrono::hours kSessionRetention{24};

/// "660.5" for 660500 ms.
std::string seconds_text(std::int64_t ms) {
    std::string text = std::to_string(ms / 1000);
    if (auto fraction = ms % 1000; fraction != 0) {
        std::string digits = std::to_string(1000 + fraction).substr(1);
        text += "." + digits.substr(0, digits.find_last_not_of('0') + 1);
    }
    return text;
}

std::string plural(std::int64_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

Refusal denied(domain::Denial denial) {
    return {core::Error{core::ErrorCode::permission_denied, domain::explanation(denial), {}},
            {{"reason", domain::reason_code(denial)}, {"plans_url", kPlansUrl}},
            false};
}

Refusal stream_limit(int max_streams, const std::vector<SessionRecord>& live,
                     std::chrono::seconds timeout) {
    boost::json::array sessions;
    for (const auto& session : live) {
        sessions.push_back(boost::json::object{{"session_id", session.id},
                                               {"video_id", session.video_id},
                                               {"started_at", session.started_at},
                                               {"last_heartbeat_at", session.last_heartbeat_at}});
    }
    auto playing = static_cast<std::int64_t>(live.size());
    std::string detail = "Your plan allows " + plural(max_streams, "stream", "streams") +
                         " at once and " + std::to_string(playing) +
                         (playing == 1 ? " is" : " are") + " playing. Stop one of them, or wait " +
                         std::to_string(timeout.count()) + " seconds after it stopped.";
    return {core::Error::conflict(std::move(detail)),
            {{"reason", "stream_limit"},
             {"max_streams", max_streams},
             {"active_sessions", std::move(sessions)}},
            false};
}

Refusal no_session(const std::string& session_id) {
    return {
        core::Error::not_found("No playback session " + session_id + " of yours for this video"),
        {},
        false};
}

Refusal session_over(const char* reason, std::string detail) {
    return {core::Error::conflict(std::move(detail) + " Start a new session to keep watching."),
            {{"reason", reason}},
            true};
}

/// Why a session can take no more heartbeats, if it cannot.
std::optional<Refusal> over(const SessionRecord& session, core::TimePoint now,
                            std::chrono::seconds timeout) {
    if (session.ended_at) return session_over("session_ended", "This playback session has ended.");
    auto last = core::parse_rfc3339(session.last_heartbeat_at);
    if (!last || *last <= now - timeout)
        return session_over("session_expired", "This playback session expired after " +
                                                   std::to_string(timeout.count()) +
                                                   " seconds without a heartbeat.");
    auto expires = core::parse_rfc3339(session.expires_at);
    if (!expires || *expires <= now)
        return session_over("session_expired", "This playback session's media access expired.");
    return std::nullopt;
}

/// The session when it is the user's, for this video: others' sessions are never revealed.
std::optional<SessionRecord> own_session(soci::session& s, const std::string& user_id,
                                         const std::string& video_id,
                                         const std::string& session_id) {
    auto session = PlaybackSessionRepository::find(s, session_id);
    if (!session || session->user_id != user_id || session->video_id != video_id)
        return std::nullopt;
    return session;
}

}  // namespace

PlaybackSettings playback_settings(const core::Config& config) {
    PlaybackSettings settings;
    settings.heartbeat_interval =
        std::chrono::seconds(config.integer("PLAYBACK_HEARTBEAT_SECONDS", 30, 1, 3600));
    settings.session_timeout =
        std::chrono::seconds(config.integer("PLAYBACK_SESSION_TIMEOUT_SECONDS", 90, 2, 86400));
    if (settings.session_timeout <= settings.heartbeat_interval) {
        throw core::ConfigError(
            "CODEFLIX_CATALOG_API_PLAYBACK_SESSION_TIMEOUT_SECONDS must be longer than "
            "CODEFLIX_CATALOG_API_PLAYBACK_HEARTBEAT_SECONDS, or live sessions would expire");
    }
    settings.policy.renewal_leeway =
        std::chrono::seconds(config.integer("RENEWAL_LEEWAY_SECONDS", 3600, 0, 30LL * 86400));
    settings.policy.past_due_grace =
        std::chrono::seconds(config.integer("PAST_DUE_GRACE_SECONDS", 259200, 0, 90LL * 86400));
    return settings;
}

Playback::Playback(db::Database& database, PlaybackSettings settings,
                   std::optional<storage::UrlSigner> signer, Clock clock)
    : database_(database),
      settings_(settings),
      signer_(std::move(signer)),
      clock_(std::move(clock)) {}

Outcome<boost::json::object> Playback::start(const std::string& user_id,
                                             const std::string& video_id) {
    if (!signer_) {
        return core::Error::unavailable(
            "Media signing is not configured on this server (CODEFLIX_STORAGE_URL_SECRET), so "
            "videos cannot be played");
    }
    auto now = clock_();
    std::optional<std::string> source;
    std::vector<domain::Subscription> subscriptions;
    database_.with_session([&](soci::session& s) {
        source = PlaybackSessionRepository::published_video_source(s, video_id);
        if (source) subscriptions = repositories::EntitlementRepository::of_user(s, user_id);
    });
    if (!source) return core::Error::not_found("No published video with id " + video_id);

    auto document = core::parse_json(*source, 64);
    const boost::json::value* media =
        document && document->is_object() ? document->as_object().if_contains("media") : nullptr;
    auto decision = domain::decide(subscriptions, now, settings_.policy);
    auto cap = decision.entitled ? decision.subscription->max_quality : domain::Quality::p480;
    auto chosen = domain::playback_media(media, video_id, cap);
    if (!chosen) return chosen.error();
    if (!decision.entitled) return denied(*decision.denial);
    const auto& plan = *decision.subscription;

    auto expires = core::unix_seconds(now + domain::token_lifetime(chosen->duration_seconds));
    std::string prefix = signer_->media_prefix(video_id, expires);
    SessionRecord record;
    record.id = core::new_uuid_v7();
    record.user_id = user_id;
    record.video_id = video_id;
    record.encoding_id = chosen->encoding_id;
    record.max_quality = domain::to_string(cap);
    record.duration_ms = milliseconds_of(chosen->duration_seconds);
    record.started_at = record.last_heartbeat_at = core::to_rfc3339(now);
    record.expires_at = core::to_rfc3339(core::TimePoint(std::chrono::seconds(expires)));
    auto cutoff = core::to_rfc3339(now - settings_.session_timeout);

    return database_.transaction([&](soci::session& s) -> Outcome<boost::json::object> {
        PlaybackSessionRepository::lock_viewer(s, user_id);
        auto live = PlaybackSessionRepository::live_sessions(s, user_id, cutoff);
        if (static_cast<std::int64_t>(live.size()) >= plan.max_streams)
            return stream_limit(plan.max_streams, live, settings_.session_timeout);
        PlaybackSessionRepository::insert(s, record);
        std::int64_t resume_ms = 0;
        if (auto saved = WatchProgressRepository::find(s, user_id, video_id))
            resume_ms = domain::resume_position_ms(saved->position_ms, saved->duration_ms);

        boost::json::array renditions;
        for (const auto& rendition : chosen->renditions)
            renditions.push_back(
                boost::json::object{{"width", rendition.width}, {"height", rendition.height}});
        boost::json::value thumbnails = nullptr;
        if (chosen->thumbnails_path)
            thumbnails = boost::json::value(prefix + *chosen->thumbnails_path);
        return boost::json::object{
            {"session_id", record.id},
            {"video_id", video_id},
            {"heartbeat_interval_seconds", settings_.heartbeat_interval.count()},
            {"session_timeout_seconds", settings_.session_timeout.count()},
            {"expires_at", record.expires_at},
            {"max_quality", record.max_quality},
            {"resume_position_seconds", seconds_value(resume_ms)},
            {"duration_seconds", seconds_value(record.duration_ms)},
            {"hls_url", prefix + chosen->hls_path},
            {"dash_url", prefix + chosen->dash_path},
            {"thumbnails_url", std::move(thumbnails)},
            {"renditions", std::move(renditions)}};
    });
}

Outcome<boost::json::object> Playback::trailer(const std::string& video_id) {
    if (!signer_) {
        return core::Error::unavailable(
            "Media signing is not configured on this server (CODEFLIX_STORAGE_URL_SECRET), so "
            "trailers cannot be played");
    }
    std::optional<std::string> source;
    database_.with_session([&](soci::session& s) {
        source = PlaybackSessionRepository::published_video_source(s, video_id);
    });
    if (!source) return core::Error::not_found("No published video with id " + video_id);
    auto document = core::parse_json(*source, 64);
    const boost::json::value* media =
        document && document->is_object() ? document->as_object().if_contains("media") : nullptr;
    // Trailers are for everyone: no plan caps them.
    auto chosen = domain::playback_media(media, video_id, domain::Quality::p1080, "trailer");
    if (!chosen) return chosen.error();
    auto expires =
        core::unix_seconds(clock_() + domain::trailer_token_lifetime(chosen->duration_seconds));
    std::string prefix = signer_->trailer_prefix(video_id, expires);
    return boost::json::object{
        {"video_id", video_id},
        {"hls_url", prefix + chosen->hls_path},
        {"dash_url", prefix + chosen->dash_path},
        {"duration_seconds", chosen->duration_seconds},
        {"expires_at", core::to_rfc3339(core::TimePoint(std::chrono::seconds(expires)))}};
}

Outcome<boost::json::object> Playback::heartbeat(const std::string& user_id,
                                                 const std::string& video_id,
                                                 const std::string& session_id,
                                                 const Heartbeat& beat) {
    auto now = clock_();
    auto now_text = core::to_rfc3339(now);
    // A subscription that ended while the title plays ends the session at its next heartbeat
    // (the position is still saved).
    std::optional<domain::Denial> denial;
    auto answer = database_.transaction([&](soci::session& s) -> Outcome<boost::json::object> {
        auto session = own_session(s, user_id, video_id, session_id);
        if (!session) return no_session(session_id);
        if (auto limit = session->duration_ms + kPositionSlackMs; beat.position_ms > limit) {
            return core::Error::invalid(
                "The heartbeat is invalid",
                {{"position_seconds", "must be at most the title's duration plus a minute (" +
                                          seconds_text(limit) + ")"}});
        }
        if (auto refusal = over(*session, now, settings_.session_timeout)) return *refusal;
        auto decision = domain::decide(repositories::EntitlementRepository::of_user(s, user_id),
                                       now, settings_.policy);
        if (!decision.entitled) denial = decision.denial;
        session->position_ms = beat.position_ms;
        session->state = beat.state;
        session->last_heartbeat_at = now_text;
        if (beat.state == "ended" || denial) session->ended_at = now_text;
        PlaybackSessionRepository::update(s, *session);
        WatchProgressRepository::save(s, user_id, video_id,
                                      {beat.position_ms, session->duration_ms}, now_text);
        return boost::json::object{
            {"session_id", session->id},
            {"position_seconds", seconds_value(beat.position_ms)},
            {"expires_at", session->expires_at},
            {"next_heartbeat_seconds", settings_.heartbeat_interval.count()}};
    });
    if (answer.ok() && denial) return denied(*denial);
    return answer;
}

Outcome<bool> Playback::stop(const std::string& user_id, const std::string& video_id,
                             const std::string& session_id) {
    auto now_text = core::to_rfc3339(clock_());
    return database_.transaction([&](soci::session& s) -> Outcome<bool> {
        auto session = own_session(s, user_id, video_id, session_id);
        if (!session) return no_session(session_id);
        if (session->ended_at) return true;
        session->state = "ended";
        session->ended_at = now_text;
        PlaybackSessionRepository::update(s, *session);
        return true;
    });
}

std::int64_t Playback::sweep() {
    auto cutoff = core::to_rfc3339(clock_() - kSessionRetention);
    return database_.with_session(
        [&](soci::session& s) { return PlaybackSessionRepository::delete_stale(s, cutoff); });
}

}  // namespace codeflix::catalog_api::app
