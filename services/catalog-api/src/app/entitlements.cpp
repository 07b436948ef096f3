#include "entitlements.hpp"

#include <codeflix/core/uuid.hpp>

#include "../domain/entitlement.hpp"
#include "../repositories/entitlement_repository.hpp"

namespace codeflix::catalog_api::app {
namespace {

constexpr const char* kActions[] = {"activated", "renewed",  "updated",
                                    "past_due",  "canceled", "expired"};

void apply(soci::session& session, const messaging::CloudEvent& event,
           core::TimePoint received_at) {
    auto subscription = domain::parse_subscription(event.data);
    if (!subscription) throw messaging::PermanentError(subscription.error().message);
    if (core::canonical_uuid(event.subject) != subscription->id)
        throw messaging::PermanentError("data.id is not the subject");
    repositories::EntitlementRepository::upsert(session, *subscription,
                                                core::to_rfc3339(received_at));
}

}  // namespace

std::vector<std::string> Entitlements::bindings() {
    return {"codeflix.subscription.subscription.*.v1"};
}

void Entitlements::subscribe(messaging::Consumer& consumer) const {
    for (const char* action : kActions) {
        consumer.on(std::string("codeflix.subscription.subscription.") + action + ".v1",
                    [clock = clock_](soci::session& session, const messaging::CloudEvent& event) {
                        apply(session, event, clock());
                    });
    }
}

}  // namespace codeflix::catalog_api::app
