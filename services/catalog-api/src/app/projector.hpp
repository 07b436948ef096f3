#pragma once

#include <codeflix/messaging/consumer.hpp>
#include <functional>
#include <string>
#include <vector>

namespace codeflix::catalog_api::app {

/// Applies catalog-admin's events to the read model (ARCHITECTURE §5): an event is applied only
/// when its version is newer than the stored one, so redelivered and reordered events are
/// harmless. A renamed, deactivated or deleted category, genre or cast member is re-rendered
/// into every video that refers to it; a video is served and indexed only while published and
/// not deleted. Events whose data is malformed are refused for good (PermanentError: DLQ).
class Projector {
  public:
    /// `changed` is told the ids of videos whose documents were rewritten, once the transaction
    /// that rewrote them has committed (cache invalidation).
    explicit Projector(std::function<void(const std::vector<std::string>&)> changed = {})
        : changed_(std::move(changed)) {}

    /// The event types this consumer takes, their handlers and the after-commit hook.
    void subscribe(messaging::Consumer& consumer) const;
    /// The routing keys to bind: every version of the category, genre, cast member and video
    /// created, updated and deleted events.
    static std::vector<std::string> bindings();

  private:
    std::function<void(const std::vector<std::string>&)> changed_;
};

}  // namespace codeflix::catalog_api::app
