#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/core/config.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/storage/url_signer.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "../domain/entitlement.hpp"
#include "clock.hpp"
#include "outcome.hpp"

namespace codeflix::catalog_api::app {

struct PlaybackSettings {
    /// How often players report (PLAYBACK_HEARTBEAT_SECONDS, 30).
    std::chrono::seconds heartbeat_interval{30};
    /// A session without a heartbeat for this long has expired and frees its stream
    /// (PLAYBACK_SESSION_TIMEOUT_SECONDS, 90; longer than the heartbeat interval).
    std::chrono::seconds session_timeout{90};
    /// RENEWAL_LEEWAY_SECONDS (3600) and PAST_DUE_GRACE_SECONDS (259200).
    domain::EntitlementPolicy policy;
};

/// Reads the settings (`CODEFLIX_CATALOG_API_<KEY>`); core::ConfigError for a bad value.
PlaybackSettings playback_settings(const core::Config& config);

/// What a heartbeat reports.
struct Heartbeat {
    std::int64_t position_ms = 0;
    /// playing, paused or ended (ends the session)
    std::string state = "playing";
};

/// Playback sessions (docs/playback.md): a viewer entitled by a subscription opens a session
/// for a published video whose media is ready, within the plan's stream limit, and gets
/// manifest URLs signed for the video's media folder; heartbeats keep the session alive and
/// save the watch progress; a session ends when stopped or expires without heartbeats.
class Playback {
  public:
    /// Without `signer` (no STORAGE_URL_SECRET) every start is refused as unavailable.
    Playback(db::Database& database, PlaybackSettings settings,
             std::optional<storage::UrlSigner> signer, Clock clock = core::now);

    /// Opens a session: not_found (video unknown or unpublished), conflict (media not ready;
    /// the stream limit reached, with `reason`, `max_streams` and `active_sessions`),
    /// permission_denied (not entitled, with `reason` and `plans_url`), unavailable (no
    /// signing secret). Answers the session document.
    Outcome<boost::json::object> start(const std::string& user_id, const std::string& video_id);
    /// Records a heartbeat: not_found (no such session of this user and video), invalid
    /// position (beyond the duration plus a minute), gone (ended or expired).
    Outcome<boost::json::object> heartbeat(const std::string& user_id, const std::string& video_id,
                                           const std::string& session_id, const Heartbeat& beat);
    /// Ends a session (again: nothing to do); not_found as for heartbeats.
    Outcome<bool> stop(const std::string& user_id, const std::string& video_id,
                       const std::string& session_id);

    /// The trailer of a published video, for anyone: HLS and DASH URLs under a token that opens
    /// the trailer's folder only (storage::UrlSigner::trailer_prefix), valid for the trailer's
    /// duration plus an hour. not_found (video unknown or unpublished), conflict (no trailer
    /// encoded), unavailable (no signing secret).
    Outcome<boost::json::object> trailer(const std::string& video_id);

    /// Deletes sessions without a heartbeat for a day; returns how many.
    std::int64_t sweep();

    const PlaybackSettings& settings() const { return settings_; }

  private:
    db::Database& database_;
    PlaybackSettings settings_;
    std::optional<storage::UrlSigner> signer_;
    Clock clock_;
};

}  // namespace codeflix::catalog_api::app
