#pragma once

#include <soci/soci.h>

#include <codeflix/http/listing.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../domain/model.hpp"

namespace codeflix::subscription::repositories {

class InvoiceRepository {
  public:
    static std::optional<domain::Invoice> find(soci::session& session, const std::string& id);
    /// Takes the invoice's row lock (PostgreSQL) and reads it.
    static std::optional<domain::Invoice> lock(soci::session& session, const std::string& id);
    /// The invoice of one billing period of a subscription (at most one per reason and start).
    static std::optional<domain::Invoice> of_period(soci::session& session,
                                                    const std::string& subscription_id,
                                                    const std::string& reason,
                                                    const std::string& period_start);
    /// The newest open renewal invoice of a subscription (the one dunning retries).
    static std::optional<domain::Invoice> open_of(soci::session& session,
                                                  const std::string& subscription_id);
    static std::vector<domain::Invoice> of_subscription(soci::session& session,
                                                        const std::string& subscription_id);
    /// A page of a user's invoices, newest first.
    static std::vector<domain::Invoice> of_user(soci::session& session, const std::string& user_id,
                                                const http::Page& page, std::int64_t& total);
    static void insert(soci::session& session, const domain::Invoice& invoice);
    static void save(soci::session& session, const domain::Invoice& invoice);
    /// Records a refund under its key; false when that key was recorded already.
    static bool add_refund(soci::session& session, const std::string& invoice_id,
                           const std::string& key, std::int64_t amount, const std::string& by,
                           const std::string& now);
};

}  // namespace codeflix::subscription::repositories
