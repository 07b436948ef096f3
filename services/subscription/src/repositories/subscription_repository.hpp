#pragma once

#include <soci/soci.h>

#include <codeflix/http/listing.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../domain/model.hpp"

namespace codeflix::subscription::repositories {

/// One entry of a subscription's history (what happened, when, in plain words and data).
struct HistoryEntry {
    std::string at;
    std::string action;
    std::string detail;  // JSON object
};

class SubscriptionRepository {
  public:
    static std::optional<domain::Subscription> find(soci::session& session, const std::string& id);
    /// Takes the subscription's row lock (PostgreSQL; SQLite transactions are serialised) and
    /// reads it: what a write reads before deciding.
    static std::optional<domain::Subscription> lock(soci::session& session, const std::string& id);
    /// The user's subscription that is not over, if any.
    static std::optional<domain::Subscription> live_of(soci::session& session,
                                                       const std::string& user_id);
    /// Every subscription of the user, newest first.
    static std::vector<domain::Subscription> of_user(soci::session& session,
                                                     const std::string& user_id);
    static void insert(soci::session& session, const domain::Subscription& subscription);
    /// Saves every field; the caller holds the lock and has raised the version.
    static void save(soci::session& session, const domain::Subscription& subscription);

    /// Ids of trialing or active subscriptions whose period ended at or before `now`.
    static std::vector<std::string> due_for_renewal(soci::session& session, const std::string& now,
                                                    int limit);
    /// Ids of past-due subscriptions whose next payment attempt is at or before `now`.
    static std::vector<std::string> due_for_retry(soci::session& session, const std::string& now,
                                                  int limit);

    static void add_history(soci::session& session, const std::string& subscription_id,
                            const std::string& at, const std::string& action,
                            const std::string& detail);
    static std::vector<HistoryEntry> history(soci::session& session,
                                             const std::string& subscription_id);
};

}  // namespace codeflix::subscription::repositories
