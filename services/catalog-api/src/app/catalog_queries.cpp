#include "catalog_queries.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <codeflix/core/text.hpp>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace codeflix::catalog_api::app {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kCacheLimit = 100000;
constexpr std::size_t kMaxCorrections = 8;

/// The rows a page skips.
std::int64_t offset_of(const http::Page& paging) {
    return static_cast<std::int64_t>(paging.page - 1) * paging.per_page;
}

std::string meta(const http::Page& paging, std::int64_t total) {
    return boost::json::serialize(http::list_meta(paging, total));
}

/// `[doc,doc]` from stored JSON documents, without parsing them again.
std::string array_of(const std::vector<std::string>& docs) {
    std::string out = "[";
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (i > 0) out += ',';
        out += docs[i];
    }
    return out + "]";
}

boost::json::array facet_array(const std::vector<repositories::FacetCount>& counts, bool named) {
    boost::json::array out;
    for (const auto& count : counts) {
        boost::json::object item{{"value", count.value}, {"count", count.count}};
        if (named) item["name"] = count.name;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

struct CatalogQueries::Cache {
    struct Entry {
        repositories::Document document;
        Clock::time_point expires;
    };
    std::chrono::milliseconds ttl{0};
    std::shared_mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    /// Browse answers by rows' length.
    std::map<std::int64_t, std::pair<std::string, Clock::time_point>> browse;
};

CatalogQueries::CatalogQueries(db::Database& database, std::chrono::milliseconds cache_ttl)
    : database_(database), cache_(std::make_unique<Cache>()) {
    cache_->ttl = cache_ttl;
}

CatalogQueries::~CatalogQueries() = default;

std::optional<repositories::Document> CatalogQueries::cached_video(const std::string& id) const {
    std::shared_lock lock(cache_->mutex);
    auto found = cache_->entries.find(id);
    if (found != cache_->entries.end() && found->second.expires > Clock::now())
        return found->second.document;
    return std::nullopt;
}

std::optional<repositories::Document> CatalogQueries::video(const std::string& id) {
    auto now = Clock::now();
    if (auto cached = cached_video(id)) return cached;
    auto document = database_.with_session(
        [&](soci::session& session) { return repositories::SearchRepository::video(session, id); });
    if (document && cache_->ttl.count() > 0) {
        std::unique_lock lock(cache_->mutex);
        if (cache_->entries.size() >= kCacheLimit) cache_->entries.clear();
        cache_->entries[id] = {*document, now + cache_->ttl};
    }
    return document;
}

void CatalogQueries::invalidate(const std::vector<std::string>& ids) {
    std::unique_lock lock(cache_->mutex);
    for (const auto& id : ids) cache_->entries.erase(id);
    cache_->browse.clear();
}

std::string CatalogQueries::videos(const repositories::VideoFilters& filters,
                                   repositories::Sort sort, bool descending,
                                   const http::Page& paging) {
    repositories::VideoQuery query;
    query.filters = filters;
    query.sort = sort;
    query.descending = descending;
    query.limit = paging.per_page;
    query.offset = offset_of(paging);
    auto page = database_.with_session([&](soci::session& session) {
        return repositories::SearchRepository::videos(session, query);
    });
    std::vector<std::string> docs;
    for (auto& hit : page.hits) docs.push_back(std::move(hit.doc));
    return "{\"data\":" + array_of(docs) + ",\"meta\":" + meta(paging, page.total) + "}";
}

core::Result<std::string> CatalogQueries::search(std::string_view q,
                                                 const repositories::VideoFilters& filters,
                                                 const http::Page& paging) {
    auto terms = domain::parse_query(q);
    if (!terms) return terms.error();
    return database_.with_session([&](soci::session& session) -> core::Result<std::string> {
        using repositories::SearchRepository;
        for (auto& term : *terms) {
            if (domain::length_of(term.word) < domain::kTypoMinChars) continue;
            if (SearchRepository::indexed(session, term.word)) continue;
            auto candidates = SearchRepository::typo_candidates(session, term.word);
            std::sort(candidates.begin(), candidates.end());
            for (const auto& candidate : candidates) {
                if (term.alternatives.size() > kMaxCorrections) break;
                if (domain::one_edit_apart(term.word, candidate))
                    term.alternatives.push_back(candidate);
            }
        }
        repositories::VideoQuery query;
        query.terms = *terms;
        query.filters = filters;
        query.sort = terms->empty() ? repositories::Sort::title : repositories::Sort::relevance;
        query.limit = paging.per_page;
        query.offset = offset_of(paging);
        query.facets = true;
        auto page = SearchRepository::videos(session, query);

        std::string data = "[";
        for (std::size_t i = 0; i < page.hits.size(); ++i) {
            const auto& hit = page.hits[i];
            boost::json::object highlights{
                {"title", domain::highlight(hit.title, *terms)},
                {"description", domain::highlight(hit.description, *terms, 40)}};
            if (i > 0) data += ',';
            data += "{\"video\":" + hit.doc +
                    ",\"highlights\":" + boost::json::serialize(highlights) + "}";
        }
        data += "]";
        boost::json::array words;
        for (const auto& term : *terms) {
            boost::json::array matches;
            for (const auto& alternative : term.alternatives) matches.emplace_back(alternative);
            words.push_back(boost::json::object{
                {"word", term.word}, {"prefix", term.prefix}, {"matches", std::move(matches)}});
        }
        boost::json::object facets{{"categories", facet_array(page.facets.categories, true)},
                                   {"genres", facet_array(page.facets.genres, true)},
                                   {"ratings", facet_array(page.facets.ratings, false)},
                                   {"decades", facet_array(page.facets.decades, false)}};
        boost::json::object query_echo{{"q", std::string(q)}, {"terms", std::move(words)}};
        return "{\"data\":" + data + ",\"meta\":" + meta(paging, page.total) +
               ",\"facets\":" + boost::json::serialize(facets) +
               ",\"query\":" + boost::json::serialize(query_echo) + "}";
    });
}

std::string CatalogQueries::named(repositories::Kind kind, const std::string& q,
                                  const http::Page& paging) {
    std::int64_t total = 0;
    auto docs = database_.with_session([&](soci::session& session) {
        return repositories::SearchRepository::named_docs(
            session, kind, core::search_text(q), paging.per_page, offset_of(paging), &total);
    });
    return "{\"data\":" + array_of(docs) + ",\"meta\":" + meta(paging, total) + "}";
}

std::string CatalogQueries::browse(std::int64_t per_row) {
    auto now = Clock::now();
    {
        std::shared_lock lock(cache_->mutex);
        auto found = cache_->browse.find(per_row);
        if (found != cache_->browse.end() && found->second.second > now) return found->second.first;
    }
    std::string body = database_.with_session([&](soci::session& session) {
        using repositories::SearchRepository;
        auto row = [&](const std::string& id, const std::string& title,
                       const repositories::VideoFilters& filters) {
            repositories::VideoQuery query;
            query.filters = filters;
            query.sort = repositories::Sort::newest;
            query.limit = per_row;
            auto page = SearchRepository::videos(session, query);
            std::vector<std::string> docs;
            for (auto& hit : page.hits) docs.push_back(std::move(hit.doc));
            return "{\"id\":" + boost::json::serialize(boost::json::value(id)) +
                   ",\"title\":" + boost::json::serialize(boost::json::value(title)) +
                   ",\"videos\":" + array_of(docs) + "}";
        };
        std::string rows = "[" + row("new", "New on CODEFLIX", {});
        for (const auto& [id, name] : SearchRepository::categories(session)) {
            repositories::VideoFilters filters;
            filters.category = id;
            std::string category_row = row(id, name, filters);
            if (category_row.find("\"videos\":[]") == std::string::npos) rows += "," + category_row;
        }
        return "{\"rows\":" + rows + "]}";
    });
    if (cache_->ttl.count() > 0) {
        std::unique_lock lock(cache_->mutex);
        cache_->browse[per_row] = {body, now + cache_->ttl};
    }
    return body;
}

}  // namespace codeflix::catalog_api::app
