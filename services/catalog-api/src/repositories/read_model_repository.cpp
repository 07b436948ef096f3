#include "read_model_repository.hpp"

#include <codeflix/core/text.hpp>
#include <codeflix/db/database.hpp>
#include <codeflix/db/query.hpp>
#include <set>
#include <string_view>

#include "../domain/search_query.hpp"

namespace codeflix::catalog_api::repositories {
namespace {

constexpr std::string_view kSelectVersion = "SELECT version FROM {table} WHERE id = :id";
constexpr std::string_view kUpsertNamed =
    "INSERT INTO {table} (id, version, name, sort_key, visible, doc) "
    "VALUES (:id, :version, :name, :sort_key, :visible, :doc) "
    "ON CONFLICT (id) DO UPDATE SET version = excluded.version, name = excluded.name, "
    "sort_key = excluded.sort_key, visible = excluded.visible, doc = excluded.doc";
constexpr std::string_view kSelectNamed =
    "SELECT id, version, name, sort_key, visible, doc FROM {table} WHERE id IN {ids}";
constexpr std::string_view kVideosUsing = "SELECT video_id FROM {links} WHERE {column} = :id";
constexpr const char* kVideoVersion = "SELECT version FROM videos WHERE id = :id";
constexpr const char* kVideoSource = "SELECT source FROM videos WHERE id = :id";

constexpr std::string_view kUpsertVideoColumns =
    "id, version, source, visible, sort_title, year_launched, rating, created_at, facet_keys, "
    "doc, etag, title, description";
constexpr std::string_view kUpsertVideoValues =
    ":id, :version, :source, :visible, :sort_title, :year_launched, :rating, :created_at, "
    ":facet_keys, :doc, :etag, :title, :description";
constexpr std::string_view kUpsertVideoConflict =
    " ON CONFLICT (id) DO UPDATE SET version = excluded.version, source = excluded.source, "
    "visible = excluded.visible, sort_title = excluded.sort_title, "
    "year_launched = excluded.year_launched, rating = excluded.rating, "
    "created_at = excluded.created_at, facet_keys = excluded.facet_keys, doc = excluded.doc, "
    "etag = excluded.etag, "
    "title = excluded.title, description = excluded.description";
/// SQLite has no sequences: seq is the next integer, taken under the write lock.
constexpr const char* kNextSeqSqlite = "SELECT COALESCE(MAX(seq), 0) + 1 FROM videos";
constexpr const char* kVideoSeq = "SELECT seq FROM videos WHERE id = :id";
constexpr std::string_view kDeleteLinks = "DELETE FROM {links} WHERE video_id = :id";
constexpr std::string_view kInsertLink =
    "INSERT INTO {links} (video_id, {column}) VALUES (:id, :other) ON CONFLICT DO NOTHING";

constexpr const char* kFtsDelete = "DELETE FROM video_search WHERE rowid = :seq";
constexpr const char* kFtsInsert =
    "INSERT INTO video_search (rowid, title, cast_names, genres, categories, description) "
    "VALUES (:seq, :title, :cast, :genres, :categories, :description)";
constexpr const char* kTsvectorUpdate =
    "UPDATE videos SET search = CASE WHEN visible = 1 THEN "
    "setweight(to_tsvector('simple', :title), 'A') || "
    "setweight(to_tsvector('simple', :cast), 'B') || "
    "setweight(to_tsvector('simple', :genres || ' ' || :categories), 'C') || "
    "setweight(to_tsvector('simple', :description), 'D') ELSE NULL END WHERE id = :id";

/// One statement for all the words of a video; {values} is "(:t0, :l0), (:t1, :l1), ...".
constexpr std::string_view kInsertTerms =
    "INSERT INTO search_terms (term, length) VALUES {values} ON CONFLICT (term) DO NOTHING";
/// SQLite: the trigram entries of those words that have none yet.
constexpr std::string_view kInsertTermTrigrams =
    "INSERT INTO search_term_trigrams (rowid, padded) SELECT t.id, '^' || t.term || '$' "
    "FROM search_terms t WHERE t.term IN {terms} "
    "AND NOT EXISTS (SELECT 1 FROM search_term_trigrams g WHERE g.rowid = t.id)";

/// Words shorter than this cannot be one edit from a query word of domain::kTypoMinChars.
constexpr std::size_t kVocabularyMinChars = domain::kTypoMinChars - 1;

struct Tables {
    const char* table;
    const char* links;
    const char* column;
};

Tables tables_of(Kind kind) {
    switch (kind) {
        case Kind::category:
            return {"categories", "video_categories", "category_id"};
        case Kind::genre:
            return {"genres", "video_genres", "genre_id"};
        case Kind::cast_member:
            return {"cast_members", "video_cast_members", "cast_member_id"};
    }
    return {"categories", "video_categories", "category_id"};
}

std::optional<std::int64_t> single_version(soci::session& session, const std::string& sql,
                                           const std::string& id) {
    std::optional<std::int64_t> version;
    db::for_each_row(session, sql, db::Params().set("id", id),
                     [&](const soci::row& row) { version = db::get_int64(row, 0); });
    return version;
}

/// Adds the video's words to the vocabulary; in the caller's transaction, so they roll back
/// with it.
void add_terms(soci::session& session, const SearchFields& fields) {
    std::set<std::string> words;
    for (const auto* text :
         {&fields.title, &fields.cast, &fields.genres, &fields.categories, &fields.description}) {
        std::size_t start = 0;
        while (start < text->size()) {
            auto end = text->find(' ', start);
            if (end == std::string::npos) end = text->size();
            std::string word = text->substr(start, end - start);
            if (domain::length_of(word) >= kVocabularyMinChars) words.insert(std::move(word));
            start = end + 1;
        }
    }
    if (words.empty()) return;
    db::Params params;
    std::string values;
    std::size_t i = 0;
    for (const auto& word : words) {
        auto n = std::to_string(i++);
        values.append(values.empty() ? "(:t" : ", (:t")
            .append(n)
            .append(", :l")
            .append(n)
            .append(")");
        params.set("t" + n, word).set("l" + n, static_cast<std::int64_t>(domain::length_of(word)));
    }
    db::execute(session, db::fill(kInsertTerms, "values", values), std::move(params));
    if (db::dialect_of(session) == db::Dialect::sqlite) {
        db::Params lookup;
        std::string list = lookup.list("w", std::vector<std::string>(words.begin(), words.end()));
        db::execute(session, db::fill(kInsertTermTrigrams, "terms", list), std::move(lookup));
    }
}

void replace_links(soci::session& session, Kind kind, const std::string& video_id,
                   const std::vector<std::string>& ids) {
    Tables t = tables_of(kind);
    db::execute(session, db::fill(kDeleteLinks, "links", t.links),
                db::Params().set("id", video_id));
    std::string insert = db::fill(db::fill(kInsertLink, "links", t.links), "column", t.column);
    for (const auto& other : ids)
        db::execute(session, insert, db::Params().set("id", video_id).set("other", other));
}

}  // namespace

std::optional<std::int64_t> ReadModelRepository::version_of(soci::session& session, Kind kind,
                                                            const std::string& id) {
    return single_version(session, db::fill(kSelectVersion, "table", tables_of(kind).table), id);
}

std::optional<std::int64_t> ReadModelRepository::video_version(soci::session& session,
                                                               const std::string& id) {
    return single_version(session, kVideoVersion, id);
}

void ReadModelRepository::upsert(soci::session& session, Kind kind, const NamedRecord& record) {
    db::execute(session, db::fill(kUpsertNamed, "table", tables_of(kind).table),
                db::Params()
                    .set("id", record.id)
                    .set("version", record.version)
                    .set("name", record.name)
                    .set("sort_key", record.sort_key)
                    .set("visible", record.visible)
                    .set("doc", record.doc));
}

std::map<std::string, NamedRecord> ReadModelRepository::named(soci::session& session, Kind kind,
                                                              const std::vector<std::string>& ids) {
    std::map<std::string, NamedRecord> out;
    if (ids.empty()) return out;
    db::Params params;
    std::string list = params.list("i", ids);
    std::string sql = db::fill(db::fill(kSelectNamed, "table", tables_of(kind).table), "ids", list);
    db::for_each_row(session, sql, std::move(params), [&](const soci::row& row) {
        NamedRecord record{db::get_text(row, 0), db::get_int64(row, 1),      db::get_text(row, 2),
                           db::get_text(row, 3), db::get_int64(row, 4) == 1, db::get_text(row, 5)};
        out.emplace(record.id, std::move(record));
    });
    return out;
}

std::vector<std::string> ReadModelRepository::videos_using(soci::session& session, Kind kind,
                                                           const std::string& id) {
    Tables t = tables_of(kind);
    std::vector<std::string> ids;
    db::for_each_row(session,
                     db::fill(db::fill(kVideosUsing, "links", t.links), "column", t.column),
                     db::Params().set("id", id),
                     [&](const soci::row& row) { ids.push_back(db::get_text(row, 0)); });
    return ids;
}

std::optional<std::string> ReadModelRepository::video_source(soci::session& session,
                                                             const std::string& id) {
    std::optional<std::string> source;
    db::for_each_row(session, kVideoSource, db::Params().set("id", id),
                     [&](const soci::row& row) { source = db::get_text(row, 0); });
    return source;
}

void ReadModelRepository::upsert_video(soci::session& session, const VideoRecord& video) {
    bool sqlite = db::dialect_of(session) == db::Dialect::sqlite;
    db::Params params;
    params.set("id", video.id)
        .set("version", video.version)
        .set("source", video.source)
        .set("visible", video.visible)
        .set("sort_title", video.sort_title)
        .set("year_launched", video.year_launched)
        .set("rating", video.rating)
        .set("created_at", video.created_at)
        .set("facet_keys", video.facet_keys)
        .set("doc", video.doc)
        .set("etag", video.etag)
        .set("title", video.title)
        .set("description", video.description);
    static const std::string kUpsertSqlite =
        "INSERT INTO videos (seq, " + std::string(kUpsertVideoColumns) + ") VALUES (:seq, " +
        std::string(kUpsertVideoValues) + ")" + std::string(kUpsertVideoConflict);
    static const std::string kUpsertPostgres =
        "INSERT INTO videos (" + std::string(kUpsertVideoColumns) + ") VALUES (" +
        std::string(kUpsertVideoValues) + ")" + std::string(kUpsertVideoConflict);
    // SQLite: the video's seq (kept on update), or the next one for a new video.
    std::int64_t seq = 0;
    if (sqlite) {
        seq = db::query_int(session, kVideoSeq, db::Params().set("id", video.id));
        if (seq == 0) seq = db::query_int(session, kNextSeqSqlite);
        params.set("seq", seq);
    }
    db::execute(session, sqlite ? kUpsertSqlite : kUpsertPostgres, std::move(params));
    replace_links(session, Kind::category, video.id, video.categories);
    replace_links(session, Kind::genre, video.id, video.genres);
    replace_links(session, Kind::cast_member, video.id, video.cast_members);

    const SearchFields& s = video.search;
    if (sqlite) {
        db::execute(session, kFtsDelete, db::Params().set("seq", seq));
        if (video.visible) {
            db::execute(session, kFtsInsert,
                        db::Params()
                            .set("seq", seq)
                            .set("title", s.title)
                            .set("cast", s.cast)
                            .set("genres", s.genres)
                            .set("categories", s.categories)
                            .set("description", s.description));
        }
    } else {
        db::execute(session, kTsvectorUpdate,
                    db::Params()
                        .set("id", video.id)
                        .set("title", s.title)
                        .set("cast", s.cast)
                        .set("genres", s.genres)
                        .set("categories", s.categories)
                        .set("description", s.description));
    }
    if (video.visible) add_terms(session, s);
}

}  // namespace codeflix::catalog_api::repositories
