#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/video.hpp"
#include "list_query.hpp"
#include "table_repository.hpp"

namespace codeflix::catalog_admin::repositories {

/// Videos with their categories, genres, cast and media slot statuses.
class VideoRepository : public TableRepository<domain::Video> {
  public:
    static constexpr const char* kTable = "videos";

    VideoRepository();

    static const ListSpec& list_spec();

    /// For each live video that uses the genre: its categories and genres.
    std::vector<domain::Video> using_genre(soci::session& session,
                                           const std::string& genre_id) const;
};

}  // namespace codeflix::catalog_admin::repositories
