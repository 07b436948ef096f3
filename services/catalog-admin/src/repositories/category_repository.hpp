#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/category.hpp"
#include "list_query.hpp"

namespace codeflix::catalog_admin::repositories {

/// Categories in the catalog-admin database. Every method runs on the caller's session, so the
/// caller decides the transaction.
class CategoryRepository {
  public:
    static constexpr const char* kTable = "categories";

    static const ListSpec& list_spec();

    std::optional<domain::Category> find(soci::session& session, const std::string& id) const;
    std::vector<domain::Category> list(soci::session& session, const ListRequest& request,
                                       std::int64_t* total) const;
    void insert(soci::session& session, const domain::Category& category) const;
    /// Writes `category` if its stored version is still `expected_version`; false otherwise.
    bool update(soci::session& session, const domain::Category& category,
                std::int64_t expected_version) const;
    bool soft_delete(soci::session& session, const std::string& id, std::int64_t expected_version,
                     const std::string& now) const;
    /// Another live category whose name folds to the same key, if any.
    std::optional<std::string> find_id_by_name(soci::session& session, const std::string& name,
                                               const std::string& except_id) const;
    /// Whether a live genre or video uses the category.
    bool in_use(soci::session& session, const std::string& id) const;
};

}  // namespace codeflix::catalog_admin::repositories
