#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../domain/search_query.hpp"
#include "read_model_repository.hpp"

namespace codeflix::catalog_api::repositories {

struct VideoFilters {
    std::optional<std::string> category;
    std::optional<std::string> genre;
    std::optional<std::string> cast_member;
    std::optional<std::string> rating;
    std::optional<std::int64_t> year_from;
    std::optional<std::int64_t> year_to;
};

enum class Sort { relevance, title, year, newest };

struct VideoQuery {
    /// Empty: no text condition (browse by filters).
    std::vector<domain::SearchTerm> terms;
    VideoFilters filters;
    Sort sort = Sort::title;
    bool descending = false;
    std::int64_t limit = 15;
    std::int64_t offset = 0;
    bool facets = false;
};

struct Hit {
    std::string id;
    std::string doc;
    std::string title;
    std::string description;
};

struct FacetCount {
    std::string value;
    std::string name;
    std::int64_t count = 0;
};

struct Facets {
    std::vector<FacetCount> categories;
    std::vector<FacetCount> genres;
    std::vector<FacetCount> ratings;
    std::vector<FacetCount> decades;
};

struct VideoPage {
    std::vector<Hit> hits;
    std::int64_t total = 0;
    Facets facets;
};

/// A stored document and its entity tag.
struct Document {
    std::string doc;
    std::string etag;
};

/// The queries of the read path: documents by id, lists, and full-text search on SQLite FTS5
/// (bm25 with field weights) or PostgreSQL (weighted tsvector, ts_rank).
struct SearchRepository {
    static std::optional<Document> video(soci::session& session, const std::string& id);
    static VideoPage videos(soci::session& session, const VideoQuery& query);
    /// Visible categories, genres or cast members by name; `prefix` filters folded names.
    static std::vector<std::string> named_docs(soci::session& session, Kind kind,
                                               const std::string& prefix, std::int64_t limit,
                                               std::int64_t offset, std::int64_t* total);
    /// Visible categories as (id, name), by name.
    static std::vector<std::pair<std::string, std::string>> categories(soci::session& session);

    /// Whether `word` is an indexed word.
    static bool indexed(soci::session& session, const std::string& word);
    /// Indexed words sharing a padded trigram with `word` and at most one character longer or
    /// shorter: the candidates a typo may have meant (the caller checks the edit distance).
    static std::vector<std::string> typo_candidates(soci::session& session,
                                                    const std::string& word);
};

}  // namespace codeflix::catalog_api::repositories
