#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <codeflix/http/message.hpp>
#include <codeflix/service/test_issuer.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog_api_fixture.hpp"

namespace codeflix::catalog_api::testing {

/// The signing secret the tests give catalog-api (32 characters).
inline constexpr const char* kUrlSecret = "test-secret-0123456789-abcdefghi";

/// A `video.current` object shaped as catalog-admin keeps it (encoder output).
struct MediaSpec {
    double duration_seconds = 600.5;
    /// (width, height) of each rung, smallest first.
    std::vector<std::pair<int, int>> rungs = {
        {426, 240}, {640, 360}, {854, 480}, {1280, 720}, {1920, 1080}};
    /// Writes `capped` manifests for 480p and 720p (encodings older than them have none).
    bool capped = true;
    bool trickplay = true;
    /// Also a ready trailer (95.5 s, in the trailer folder).
    bool trailer = false;
};

/// Subscription event data as the subscription service emits it.
struct SubscriptionSpec {
    std::string id = {};  // empty: a new one
    std::int64_t version = 1;
    std::string user = "viewer-1";
    std::string status = "active";
    int max_streams = 2;
    std::string max_quality = "1080p";
    /// current_period_end is this far from now (negative: in the past).
    std::chrono::seconds period_end_in = std::chrono::hours(24 * 30);
    bool cancel_at_period_end = false;
    /// past_due_since this long ago (null when absent).
    std::optional<std::chrono::seconds> past_due_for = std::nullopt;
    bool ended = false;
};
boost::json::object subscription_data(const SubscriptionSpec& spec);

/// catalog-api with a token issuer and a URL signing secret; the test plays catalog-admin and
/// the subscription service by publishing their events.
class PlaybackTest : public CatalogApiTest {
  protected:
    void SetUp() override;
    std::map<std::string, std::string> extra_env() override;
    /// Settings a suite changes (merged last).
    virtual std::map<std::string, std::string> playback_env() { return {}; }

    /// `Authorization: Bearer` for `user` (audience catalog-api).
    http::Headers as(const std::string& user) const;

    /// Publishes a published video whose `video` media is ready (or, with no `media`, not
    /// ready) and waits until catalog-api serves it.
    void publish_video(const std::string& id, const std::string& title,
                       std::optional<MediaSpec> media = MediaSpec{});
    /// Publishes `codeflix.subscription.subscription.<action>.v1` with `data`.
    void publish_subscription(const std::string& action, const boost::json::object& data);
    /// Publishes an activation of `spec` and waits until the user's entitlement shows it;
    /// returns the data sent.
    boost::json::object subscribe(const SubscriptionSpec& spec);
    /// Waits until GET /me/entitlement of `user` has `status`.
    bool entitlement_status_is(const std::string& user, const std::string& status);

    Reply start(const std::string& user, const std::string& video, std::string_view body = {});
    Reply heartbeat(const std::string& user, const std::string& video, const std::string& session,
                    const std::string& body);
    Reply stop(const std::string& user, const std::string& video, const std::string& session);
    Reply continue_watching(const std::string& user);
    static std::string playback_path(const std::string& video) {
        return "/api/catalog/videos/" + video + "/playback";
    }

    service::testing::TestIssuer issuer_;
};

/// PlaybackTest with one published title whose video is ready (`video_`).
class PlaybackWithTitleTest : public PlaybackTest {
  protected:
    void SetUp() override {
        PlaybackTest::SetUp();
        if (HasFatalFailure()) return;
        video_ = new_id();
        publish_video(video_, "Bacurau");
    }

    std::string video_;
};

}  // namespace codeflix::catalog_api::testing
