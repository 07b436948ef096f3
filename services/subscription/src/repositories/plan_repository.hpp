#pragma once

#include <soci/soci.h>

#include <codeflix/http/listing.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../domain/model.hpp"

namespace codeflix::subscription::repositories {

class PlanRepository {
  public:
    static std::optional<domain::Plan> find(soci::session& session, const std::string& id);
    /// Active plans, cheapest first (what anyone may subscribe to).
    static std::vector<domain::Plan> active(soci::session& session);
    /// Every plan, a page of them, with the total.
    static std::vector<domain::Plan> list(soci::session& session, const http::Page& page,
                                          std::int64_t& total);
    /// Whether another plan than `except_id` has this name (case-insensitively).
    static bool name_taken(soci::session& session, const std::string& name,
                           const std::string& except_id);
    static void insert(soci::session& session, const domain::Plan& plan);
    /// Saves `plan` when its stored version is `expected`; false otherwise.
    static bool update(soci::session& session, const domain::Plan& plan, std::int64_t expected);
};

}  // namespace codeflix::subscription::repositories
