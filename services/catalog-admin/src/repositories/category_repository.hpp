#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/category.hpp"
#include "list_query.hpp"
#include "table_repository.hpp"

namespace codeflix::catalog_admin::repositories {

/// Categories in the catalog-admin database. Every method runs on the caller's session, so the
/// caller decides the transaction.
class CategoryRepository : public TableRepository<domain::Category> {
  public:
    static constexpr const char* kTable = "categories";

    CategoryRepository();

    static const ListSpec& list_spec();

    /// Another live category whose name folds to the same key, if any.
    std::optional<std::string> find_id_by_name(soci::session& session, const std::string& name,
                                               const std::string& except_id) const;
    /// Whether a live genre or video uses the category.
    bool in_use(soci::session& session, const std::string& id) const;
};

}  // namespace codeflix::catalog_admin::repositories
