#include "settings.hpp"

#include <codeflix/http/listing.hpp>

namespace codeflix::subscription::app {

Settings read_settings(const core::Config& config) {
    Settings settings;
    settings.billing.retry_days.clear();
    for (const auto& item : config.list("DUNNING_DAYS", "1,3,5")) {
        auto days = http::to_int(item);
        if (!days || *days < 1 || *days > 60 ||
            (!settings.billing.retry_days.empty() && *days <= settings.billing.retry_days.back()))
            throw core::ConfigError(
                "CODEFLIX_SUBSCRIPTION_DUNNING_DAYS must be rising whole days from 1 to 60, "
                "e.g. 1,3,5");
        settings.billing.retry_days.push_back(static_cast<int>(*days));
    }
    if (settings.billing.retry_days.size() > 10)
        throw core::ConfigError("CODEFLIX_SUBSCRIPTION_DUNNING_DAYS takes at most 10 days");
    settings.billing_every =
        std::chrono::milliseconds(config.integer("BILLING_INTERVAL_MS", 60000, 100, 86400000));
    settings.test_clock = config.boolean("TEST_CLOCK", false);
    return settings;
}

}  // namespace codeflix::subscription::app
