#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "../domain/entitlement.hpp"

namespace codeflix::catalog_api::repositories {

/// catalog-api's copy of the subscription service's subscriptions (table `entitlements`).
struct EntitlementRepository {
    /// Stores `subscription` unless its stored version is as new or newer (one guarded upsert,
    /// so redelivered and reordered events change nothing); true when it was written.
    static bool upsert(soci::session& session, const domain::Subscription& subscription,
                       const std::string& updated_at);
    /// Every subscription of a user, old ones included.
    static std::vector<domain::Subscription> of_user(soci::session& session,
                                                     const std::string& user_id);
};

}  // namespace codeflix::catalog_api::repositories
