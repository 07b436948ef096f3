#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace codeflix::catalog_admin::repositories {

/// The first answer given to a POST with an Idempotency-Key.
struct StoredAnswer {
    std::string request_hash;
    int status = 0;
    std::optional<std::string> location;
    std::optional<std::string> etag;
    std::string body;
};

class IdempotencyRepository {
  public:
    std::optional<StoredAnswer> find(soci::session& session, const std::string& scope,
                                     const std::string& key) const;
    void insert(soci::session& session, const std::string& scope, const std::string& key,
                const StoredAnswer& answer, const std::string& now) const;
};

}  // namespace codeflix::catalog_admin::repositories
