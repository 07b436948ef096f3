#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "../domain/video.hpp"
#include "list_query.hpp"

namespace codeflix::catalog_admin::repositories {

/// Videos with their categories, genres, cast and media slot statuses.
class VideoRepository {
  public:
    static constexpr const char* kTable = "videos";

    static const ListSpec& list_spec();

    std::optional<domain::Video> find(soci::session& session, const std::string& id) const;
    std::vector<domain::Video> list(soci::session& session, const ListRequest& request,
                                    std::int64_t* total) const;
    void insert(soci::session& session, const domain::Video& video) const;
    bool update(soci::session& session, const domain::Video& video,
                std::int64_t expected_version) const;
    /// For each live video that uses the genre: its categories and genres.
    std::vector<domain::Video> using_genre(soci::session& session,
                                           const std::string& genre_id) const;
    bool soft_delete(soci::session& session, const std::string& id, std::int64_t expected_version,
                     const std::string& now) const;
};

}  // namespace codeflix::catalog_admin::repositories
