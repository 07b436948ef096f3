#pragma once

#include <soci/soci.h>

#include <codeflix/http/listing.hpp>
#include <optional>
#include <string>
#include <vector>

namespace codeflix::subscription::repositories {

struct Customer {
    std::string user_id;
    std::string email;
    std::string display_name;
    std::optional<std::string> registered_at;
    std::string created_at;
};

/// A customer with their newest subscription, for the admin's subscriber list.
struct Subscriber {
    Customer customer;
    std::optional<std::string> subscription_id;
    std::optional<std::string> status;
    std::optional<std::string> plan_name;
    std::optional<std::string> current_period_end;
};

class CustomerRepository {
  public:
    /// From identity.user.registered: creates the customer or completes the one a subscription
    /// made first.
    static void registered(soci::session& session, const Customer& customer,
                           const std::string& now);
    /// Makes sure a customer row exists for a user who subscribes (taken from their token when
    /// the registration event has not arrived yet).
    static void ensure(soci::session& session, const Customer& customer, const std::string& now);
    static std::optional<Customer> find(soci::session& session, const std::string& user_id);
    /// Customers matching `q` (email or name), with `status` of their newest subscription
    /// ("none" for those without one), newest first.
    static std::vector<Subscriber> subscribers(soci::session& session, const http::Page& page,
                                               const std::string& status, std::int64_t& total);
};

}  // namespace codeflix::subscription::repositories
