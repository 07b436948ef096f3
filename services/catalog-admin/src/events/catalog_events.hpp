#pragma once

#include <soci/soci.h>

#include <boost/json/object.hpp>
#include <string_view>

namespace codeflix::catalog_admin::events {

/// The `source` of every event catalog-admin emits.
inline constexpr std::string_view kSource = "/catalog-admin";

/// Writes `codeflix.catalog.<aggregate>.<action>.v1` to the outbox on the caller's session, in
/// the transaction of the change. `state` is the aggregate's whole public state (what the admin
/// API returns), including `version`; deletions add `deleted_at`.
void record(soci::session& session, std::string_view aggregate, std::string_view action,
            boost::json::object state);

}  // namespace codeflix::catalog_admin::events
