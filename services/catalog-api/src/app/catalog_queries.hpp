#pragma once

#include <chrono>
#include <codeflix/core/result.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/http/listing.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../repositories/search_repository.hpp"

namespace codeflix::catalog_api::app {

/// The read side: documents pre-rendered by the Projector, served with no joins; lists and
/// search answered by the repository and assembled from those documents. Video documents are
/// cached in memory for a short time (every copy of the service), and dropped at once in the
/// copy whose consumer rewrote them.
class CatalogQueries {
  public:
    CatalogQueries(db::Database& database, std::chrono::milliseconds cache_ttl);
    ~CatalogQueries();

    std::optional<repositories::Document> video(const std::string& id);
    /// The video's document when the memory cache holds a fresh one; never touches the database.
    std::optional<repositories::Document> cached_video(const std::string& id) const;
    void invalidate(const std::vector<std::string>& ids);

    /// `{"data": [video...], "meta": {...}}`
    std::string videos(const repositories::VideoFilters& filters, repositories::Sort sort,
                       bool descending, const http::Page& paging);
    /// `{"data": [{"video", "highlights"}...], "meta", "facets", "query"}`; an invalid `q` is an
    /// invalid_argument Error.
    core::Result<std::string> search(std::string_view q, const repositories::VideoFilters& filters,
                                     const http::Page& paging);
    /// `{"data": [...], "meta": {...}}` of visible categories, genres or cast members.
    std::string named(repositories::Kind kind, const std::string& q, const http::Page& paging);
    /// `{"rows": [{"id", "title", "videos": [...]}...]}`: newest titles, then one row per
    /// visible category with its newest titles.
    std::string browse(std::int64_t per_row);

  private:
    struct Cache;
    db::Database& database_;
    std::unique_ptr<Cache> cache_;
};

}  // namespace codeflix::catalog_api::app
