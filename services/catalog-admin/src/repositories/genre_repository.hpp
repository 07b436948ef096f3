#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../domain/genre.hpp"
#include "list_query.hpp"
#include "table_repository.hpp"

namespace codeflix::catalog_admin::repositories {

/// Genres and the categories they belong to.
class GenreRepository : public TableRepository<domain::Genre> {
  public:
    static constexpr const char* kTable = "genres";

    GenreRepository();

    static const ListSpec& list_spec();

    std::optional<std::string> find_id_by_name(soci::session& session, const std::string& name,
                                               const std::string& except_id) const;
    /// Whether a live video uses the genre.
    bool in_use(soci::session& session, const std::string& id) const;
    /// The live categories of each of `genre_ids`.
    std::map<std::string, std::vector<std::string>> categories_of(
        soci::session& session, const std::vector<std::string>& genre_ids) const;
};

}  // namespace codeflix::catalog_admin::repositories
