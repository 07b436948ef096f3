#include "search_repository.hpp"

#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <functional>

namespace codeflix::catalog_api::repositories {
namespace {

constexpr const char* kVideoDoc = "SELECT doc, etag FROM videos WHERE id = :id AND visible = 1";

constexpr const char* kHitsSqliteText =
    "SELECT rowid AS seq, bm25(video_search, 10.0, 4.0, 2.0, 2.0, 1.0) AS score "
    "FROM video_search WHERE video_search MATCH :match";
constexpr const char* kHitsPostgresText =
    "SELECT v.seq, -ts_rank('{0.1, 0.2, 0.4, 1.0}', v.search, query, 1) AS score "
    "FROM videos v, to_tsquery('simple', :match) query WHERE v.visible = 1 AND v.search @@ query";
constexpr const char* kHitsAll = "SELECT seq, 0 AS score FROM videos WHERE visible = 1";

constexpr std::string_view kPage =
    "WITH hits AS ({hits}) SELECT v.id, v.doc, v.title, v.description FROM hits h "
    "JOIN videos v ON v.seq = h.seq WHERE v.visible = 1{filters} ORDER BY {order} "
    "LIMIT :limit OFFSET :offset";
constexpr std::string_view kCount =
    "WITH hits AS ({hits}) SELECT COUNT(*) FROM hits h JOIN videos v ON v.seq = h.seq "
    "WHERE v.visible = 1{filters}";
constexpr std::string_view kRatingFacet =
    "WITH hits AS ({hits}) SELECT v.rating, COUNT(*) FROM hits h JOIN videos v ON v.seq = h.seq "
    "WHERE v.visible = 1{filters} GROUP BY v.rating ORDER BY v.rating";
constexpr std::string_view kDecadeFacet =
    "WITH hits AS ({hits}) SELECT (v.year_launched / 10) * 10, COUNT(*) FROM hits h "
    "JOIN videos v ON v.seq = h.seq WHERE v.visible = 1{filters} "
    "GROUP BY (v.year_launched / 10) * 10 ORDER BY 1 DESC";
constexpr std::string_view kNamedFacet =
    "WITH hits AS ({hits}) SELECT n.id, n.name, COUNT(*) FROM hits h "
    "JOIN videos v ON v.seq = h.seq JOIN {links} l ON l.video_id = v.id "
    "JOIN {table} n ON n.id = l.{column} WHERE v.visible = 1 AND n.visible = 1{filters} "
    "GROUP BY n.id, n.name, n.sort_key ORDER BY COUNT(*) DESC, n.sort_key, n.id";

constexpr std::string_view kNamedDocs =
    "SELECT doc FROM {table} WHERE visible = 1 AND sort_key LIKE :prefix ESCAPE '\\' "
    "ORDER BY sort_key, id LIMIT :limit OFFSET :offset";
constexpr std::string_view kNamedCount =
    "SELECT COUNT(*) FROM {table} WHERE visible = 1 AND sort_key LIKE :prefix ESCAPE '\\'";
constexpr const char* kVisibleCategories =
    "SELECT id, name FROM categories WHERE visible = 1 ORDER BY sort_key, id";

constexpr const char* kIndexed = "SELECT COUNT(*) FROM search_terms WHERE term = :term";
constexpr const char* kCandidatesSqlite =
    "SELECT t.term FROM search_term_trigrams g JOIN search_terms t ON t.id = g.rowid "
    "WHERE search_term_trigrams MATCH :grams AND t.length BETWEEN :shortest AND :longest "
    "LIMIT 2000";
constexpr const char* kTrigramThreshold =
    "SELECT set_config('pg_trgm.similarity_threshold', '0.1', false)";
constexpr const char* kCandidatesPostgres =
    "SELECT term FROM search_terms WHERE term % :word AND length BETWEEN :shortest AND :longest "
    "LIMIT 2000";

/// FTS5: ("matirx" OR "matrix") AND "matr"*. Words are letters and digits only, so quoting is
/// all the escaping they need.
std::string fts5_match(const std::vector<domain::SearchTerm>& terms) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) out += " AND ";
        out += '(';
        bool first = true;
        for (const auto& alternative : term.alternatives) {
            if (!first) out += " OR ";
            first = false;
            out += '"' + alternative + '"';
        }
        if (term.prefix) out += " OR \"" + term.word + "\"*";
        out += ')';
    }
    return out;
}

/// PostgreSQL: (matirx | matrix) & matr:*
std::string tsquery_match(const std::vector<domain::SearchTerm>& terms) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) out += " & ";
        out += '(';
        bool first = true;
        for (const auto& alternative : term.alternatives) {
            if (!first) out += " | ";
            first = false;
            out += alternative;
        }
        if (term.prefix) out += " | " + term.word + ":*";
        out += ')';
    }
    return out;
}

std::string filters_sql(const VideoFilters& f) {
    std::string out;
    if (f.category)
        out +=
            " AND EXISTS (SELECT 1 FROM video_categories x WHERE x.video_id = v.id AND "
            "x.category_id = :category)";
    if (f.genre)
        out +=
            " AND EXISTS (SELECT 1 FROM video_genres x WHERE x.video_id = v.id AND "
            "x.genre_id = :genre)";
    if (f.cast_member)
        out +=
            " AND EXISTS (SELECT 1 FROM video_cast_members x WHERE x.video_id = v.id AND "
            "x.cast_member_id = :cast_member)";
    if (f.rating) out += " AND v.rating = :rating";
    if (f.year_from) out += " AND v.year_launched >= :year_from";
    if (f.year_to) out += " AND v.year_launched <= :year_to";
    return out;
}

std::string order_sql(Sort sort, bool descending) {
    const char* dir = descending ? "DESC" : "ASC";
    switch (sort) {
        case Sort::relevance:
            return "h.score, v.sort_title, v.id";
        case Sort::title:
            return std::string("v.sort_title ") + dir + ", v.id " + dir;
        case Sort::year:
            return std::string("v.year_launched ") + dir + ", v.sort_title, v.id";
        case Sort::newest:
            return "v.created_at DESC, v.id DESC";
    }
    return "v.sort_title, v.id";
}

}  // namespace

std::optional<Document> SearchRepository::video(soci::session& session, const std::string& id) {
    std::optional<Document> found;
    db::for_each_row(session, kVideoDoc, db::Params().set("id", id), [&](const soci::row& row) {
        found = Document{db::get_text(row, 0), db::get_text(row, 1)};
    });
    return found;
}

VideoPage SearchRepository::videos(soci::session& session, const VideoQuery& query) {
    bool sqlite = db::dialect_of(session) == db::Dialect::sqlite;
    std::string hits = kHitsAll;
    std::string match;
    if (!query.terms.empty()) {
        hits = sqlite ? kHitsSqliteText : kHitsPostgresText;
        match = sqlite ? fts5_match(query.terms) : tsquery_match(query.terms);
    }
    std::string filters = filters_sql(query.filters);
    auto sql = [&](std::string_view sql_template) {
        return db::fill(db::fill(sql_template, "hits", hits), "filters", filters);
    };
    auto params = [&] {
        db::Params p;
        if (!match.empty()) p.set("match", match);
        const auto& f = query.filters;
        if (f.category) p.set("category", *f.category);
        if (f.genre) p.set("genre", *f.genre);
        if (f.cast_member) p.set("cast_member", *f.cast_member);
        if (f.rating) p.set("rating", *f.rating);
        if (f.year_from) p.set("year_from", *f.year_from);
        if (f.year_to) p.set("year_to", *f.year_to);
        return p;
    };
    VideoPage page;
    db::for_each_row(
        session, db::fill(sql(kPage), "order", order_sql(query.sort, query.descending)),
        params().set("limit", query.limit).set("offset", query.offset), [&](const soci::row& row) {
            page.hits.push_back({db::get_text(row, 0), db::get_text(row, 1), db::get_text(row, 2),
                                 db::get_text(row, 3)});
        });
    page.total = db::query_int(session, sql(kCount), params());
    if (!query.facets) return page;
    auto counts = [&](const std::string& statement, std::vector<FacetCount>& out, bool named) {
        db::for_each_row(session, statement, params(), [&](const soci::row& row) {
            if (named) {
                out.push_back({db::get_text(row, 0), db::get_text(row, 1), db::get_int64(row, 2)});
            } else {
                std::string value = row.get_properties(0).get_data_type() == soci::dt_string
                                        ? db::get_text(row, 0)
                                        : std::to_string(db::get_int64(row, 0));
                out.push_back({value, value, db::get_int64(row, 1)});
            }
        });
    };
    auto named_facet = [&](const char* table, const char* links, const char* column) {
        return sql(db::fill(db::fill(db::fill(kNamedFacet, "table", table), "links", links),
                            "column", column));
    };
    counts(named_facet("categories", "video_categories", "category_id"), page.facets.categories,
           true);
    counts(named_facet("genres", "video_genres", "genre_id"), page.facets.genres, true);
    counts(sql(kRatingFacet), page.facets.ratings, false);
    counts(sql(kDecadeFacet), page.facets.decades, false);
    return page;
}

std::vector<std::string> SearchRepository::named_docs(soci::session& session, Kind kind,
                                                      const std::string& prefix, std::int64_t limit,
                                                      std::int64_t offset, std::int64_t* total) {
    const char* table = kind == Kind::category ? "categories"
                        : kind == Kind::genre  ? "genres"
                                               : "cast_members";
    std::string pattern = db::escape_like(prefix) + "%";
    std::vector<std::string> docs;
    db::for_each_row(session, db::fill(kNamedDocs, "table", table),
                     db::Params().set("prefix", pattern).set("limit", limit).set("offset", offset),
                     [&](const soci::row& row) { docs.push_back(db::get_text(row, 0)); });
    if (total) {
        *total = db::query_int(session, db::fill(kNamedCount, "table", table),
                               db::Params().set("prefix", pattern));
    }
    return docs;
}

std::vector<std::pair<std::string, std::string>> SearchRepository::categories(
    soci::session& session) {
    std::vector<std::pair<std::string, std::string>> out;
    db::for_each_row(session, kVisibleCategories, {}, [&](const soci::row& row) {
        out.emplace_back(db::get_text(row, 0), db::get_text(row, 1));
    });
    return out;
}

bool SearchRepository::indexed(soci::session& session, const std::string& word) {
    return db::query_int(session, kIndexed, db::Params().set("term", word)) > 0;
}

std::vector<std::string> SearchRepository::typo_candidates(soci::session& session,
                                                           const std::string& word) {
    auto length = static_cast<std::int64_t>(domain::length_of(word));
    std::vector<std::string> out;
    auto collect = [&](const soci::row& row) { out.push_back(db::get_text(row, 0)); };
    if (db::dialect_of(session) == db::Dialect::sqlite) {
        std::string grams;
        for (const auto& gram : domain::padded_trigrams(word)) {
            if (!grams.empty()) grams += " OR ";
            grams += '"' + gram + '"';
        }
        db::for_each_row(
            session, kCandidatesSqlite,
            db::Params().set("grams", grams).set("shortest", length - 1).set("longest", length + 1),
            collect);
    } else {
        db::for_each_row(session, kTrigramThreshold, {}, [](const soci::row&) {});
        db::for_each_row(
            session, kCandidatesPostgres,
            db::Params().set("word", word).set("shortest", length - 1).set("longest", length + 1),
            collect);
    }
    return out;
}

}  // namespace codeflix::catalog_api::repositories
