#include "search_repository.hpp"

#include <algorithm>
#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <functional>
#include <map>

namespace codeflix::catalog_api::repositories {
namespace {

constexpr const char* kVideoDoc = "SELECT doc, etag FROM videos WHERE id = :id AND visible = 1";

// The full-text matches are computed once per statement (MATERIALIZED) and then joined: left to
// itself, SQLite's planner may probe the FTS index once per video row instead.
constexpr const char* kHitsSqliteText =
    "WITH hits AS MATERIALIZED (SELECT rowid AS seq, "
    "bm25(video_search, 10.0, 4.0, 2.0, 2.0, 1.0) AS score "
    "FROM video_search WHERE video_search MATCH :match) ";
constexpr const char* kHitsPostgresText =
    "WITH hits AS MATERIALIZED (SELECT v.seq, "
    "-ts_rank('{0.1, 0.2, 0.4, 1.0}', v.search, query, 1) AS score "
    "FROM videos v, to_tsquery('simple', :match) query "
    "WHERE v.visible = 1 AND v.search @@ query) ";
constexpr const char* kFromHits = "hits h JOIN videos v ON v.seq = h.seq";
constexpr const char* kFromVideos = "videos v";

/// The ids of a page and, in the same pass, the number of matches; only small columns are read
/// for every match (the videos_by_seq index covers them).
constexpr std::string_view kPage =
    "{with}SELECT v.id, COUNT(*) OVER () FROM {from} "
    "WHERE v.visible = 1{filters} ORDER BY {order} LIMIT :limit OFFSET :offset";
/// Then the documents of that page alone.
constexpr std::string_view kPageDocs =
    "SELECT id, doc, title, description FROM videos WHERE id IN {ids}";
constexpr std::string_view kCount =
    "{with}SELECT COUNT(*) FROM {from} WHERE v.visible = 1{filters}";
/// What the facets count, one row per match: read with the row, no joins.
constexpr std::string_view kFacetRows =
    "{with}SELECT v.rating, v.year_launched, v.facet_keys FROM {from} WHERE v.visible = 1{filters}";
constexpr const char* kVisibleNames =
    "SELECT 'c', id, name FROM categories WHERE visible = 1 "
    "UNION ALL SELECT 'g', id, name FROM genres WHERE visible = 1";

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
        case Sort::relevance:  // only with a text condition (hits h)
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
    std::string with;
    std::string from = kFromVideos;
    std::string match;
    if (!query.terms.empty()) {
        with = sqlite ? kHitsSqliteText : kHitsPostgresText;
        from = kFromHits;
        match = sqlite ? fts5_match(query.terms) : tsquery_match(query.terms);
    }
    std::string filters = filters_sql(query.filters);
    auto sql = [&](std::string_view sql_template) {
        return db::fill(db::fill(db::fill(sql_template, "with", with), "from", from), "filters",
                        filters);
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
    page.total = -1;
    std::vector<std::string> ids;
    db::for_each_row(
        session, db::fill(sql(kPage), "order", order_sql(query.sort, query.descending)),
        params().set("limit", query.limit).set("offset", query.offset), [&](const soci::row& row) {
            ids.push_back(db::get_text(row, 0));
            page.total = db::get_int64(row, 1);
        });
    if (page.total < 0) page.total = db::query_int(session, sql(kCount), params());  // past the end
    if (!ids.empty()) {
        std::map<std::string, Hit> found;
        db::Params p;
        std::string list = p.list("id", ids);
        db::for_each_row(session, db::fill(kPageDocs, "ids", list), std::move(p),
                         [&](const soci::row& row) {
                             Hit hit{db::get_text(row, 0), db::get_text(row, 1),
                                     db::get_text(row, 2), db::get_text(row, 3)};
                             found.emplace(hit.id, std::move(hit));
                         });
        for (const auto& id : ids) {
            if (auto it = found.find(id); it != found.end())
                page.hits.push_back(std::move(it->second));
        }
    }
    if (!query.facets) return page;
    std::map<std::string, std::int64_t> ratings, decades, categories, genres;
    db::for_each_row(session, sql(kFacetRows), params(), [&](const soci::row& row) {
        ++ratings[db::get_text(row, 0)];
        ++decades[std::to_string(db::get_int64(row, 1) / 10 * 10)];
        std::string keys = db::get_text(row, 2);
        for (std::size_t at = 0; at < keys.size();) {
            auto end = keys.find(' ', at);
            if (end == std::string::npos) end = keys.size();
            if (end > at + 2)
                ++(keys[at] == 'c' ? categories : genres)[keys.substr(at + 2, end - at - 2)];
            at = end + 1;
        }
    });
    for (const auto& [value, count] : ratings) page.facets.ratings.push_back({value, value, count});
    for (const auto& [value, count] : decades) page.facets.decades.push_back({value, value, count});
    db::for_each_row(session, kVisibleNames, {}, [&](const soci::row& row) {
        bool category = db::get_text(row, 0) == "c";
        auto& counts = category ? categories : genres;
        auto found = counts.find(db::get_text(row, 1));
        if (found == counts.end()) return;
        (category ? page.facets.categories : page.facets.genres)
            .push_back({found->first, db::get_text(row, 2), found->second});
    });
    auto by_count = [](const FacetCount& a, const FacetCount& b) {
        if (a.count != b.count) return a.count > b.count;
        auto a_key = core::search_text(a.name);
        auto b_key = core::search_text(b.name);
        return a_key != b_key ? a_key < b_key : a.value < b.value;
    };
    std::sort(page.facets.categories.begin(), page.facets.categories.end(), by_count);
    std::sort(page.facets.genres.begin(), page.facets.genres.end(), by_count);
    std::sort(page.facets.ratings.begin(), page.facets.ratings.end(),
              [](const auto& a, const auto& b) { return a.value < b.value; });
    std::sort(page.facets.decades.begin(), page.facets.decades.end(),
              [](const auto& a, const auto& b) { return a.value > b.value; });
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
