#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

/// Data of the search-relevance suite of catalog-api: a catalog of about 2,000 titles to load
/// into the service and the cases to run against GET /api/catalog/search. Keys are short stable
/// strings ("matrix", "cat-filmes", "genre-acao", "p-wagner") that the test maps to the ids the
/// service assigns; category keys start with "cat-", genre keys with "genre-", people keys with
/// "p-", so one key never names two things.
namespace codeflix::catalog_api::testing {

/// A category: key and display name ("cat-series", "Séries").
struct CatalogCategory {
    std::string key;
    std::string name;
};

/// A genre and the keys of the categories it belongs to (one to three).
struct CatalogGenre {
    std::string key;
    std::string name;
    std::vector<std::string> categories;  // category keys
};

/// A cast member; `type` is "actor" or "director".
struct CatalogPerson {
    std::string key;
    std::string name;
    std::string type;  // "actor" or "director"
};

/// A title with everything search indexes: its title, the names of its cast, genres and
/// categories, and its description.
struct CatalogTitle {
    std::string key;
    std::string title;
    std::string description;
    int year = 0;
    std::string rating;                   // one of "L","10","12","14","16","18"
    int duration = 0;                     // minutes, 1..400
    std::vector<std::string> categories;  // category keys (1..3)
    /// Genre keys (1..3); every genre belongs to at least one of the title's categories.
    std::vector<std::string> genres;
    std::vector<std::string> cast;  // person keys (0..6)
};

/// Everything to load, in an order that satisfies references: categories, then genres, then
/// people, then titles.
struct Catalog {
    std::vector<CatalogCategory> categories;
    std::vector<CatalogGenre> genres;
    std::vector<CatalogPerson> people;
    std::vector<CatalogTitle> titles;
};

/// Deterministic (same output on every run and machine): hand-written anchor titles plus
/// generated filler, about 2,000 titles. The filler comes from a fixed-seed 64-bit LCG over word
/// lists that share no word with any case's query (nor one a typo or prefix away), and it never
/// uses the category "cat-classicos" nor a year before 1950, so the exact totals and facets of
/// the cases depend on the anchor titles only.
Catalog relevance_catalog();

/// One expected facet count.
struct ExpectedFacet {
    /// "category" | "genre" | "rating" | "decade".
    std::string facet;
    /// A category or genre KEY, a rating, or a decade like "1990".
    std::string value;
    int count = 0;
};

/// One search and what its results must show.
struct RelevanceCase {
    /// What it shows, e.g. "accent-insensitive: acao finds Ação Mortal first".
    std::string name;
    /// Query parameters of /api/catalog/search, e.g. {"q","matirx"}. A value starting with '@'
    /// is a KEY the test replaces with its id: a category or genre key for category= and genre=,
    /// a person key ("@p-wagner") for cast_member=.
    std::vector<std::pair<std::string, std::string>> params;
    /// Title keys expected first, in this exact order (positions 1..n).
    std::vector<std::string> top;
    /// Title keys that must all appear among the first `within_k` results (any order).
    std::vector<std::string> within;
    int within_k = 10;
    /// Title keys that must not be in the results at all.
    std::vector<std::string> absent;
    /// Exact number of matches, when the catalog makes it certain.
    std::optional<int> total;
    /// Exact facet counts expected (over all matches, not one page).
    std::vector<ExpectedFacet> facets;
};

/// The cases, grouped by what they show: title words, case and accents, typos, prefixes,
/// people, descriptions, genre and category names, AND narrowing, filters, facets. None depends
/// on fine score differences: every `top` and `within` rests on a difference of fields (a title
/// match against matches in cast, genres, categories or description only; a cast match against
/// description-only matches), never on lengths or frequencies, so it holds under both SQLite's
/// bm25 and PostgreSQL's ts_rank. Ties are never relied on.
std::vector<RelevanceCase> relevance_cases();

}  // namespace codeflix::catalog_api::testing
