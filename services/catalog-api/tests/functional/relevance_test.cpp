// Search relevance over a generated catalog of about 2,000 titles (relevance_catalog.cpp):
// accents, typos, prefixes, people, descriptions, filters and facets, with expected top results,
// totals and facet counts, the same on SQLite and PostgreSQL.

#include <codeflix/http/forms.hpp>
#include <map>
#include <set>

#include "catalog_api_fixture.hpp"
#include "relevance_catalog.hpp"

using namespace codeflix::catalog_api::testing;
using namespace std::chrono_literals;

namespace {

class Relevance : public CatalogApiTest {
  protected:
    /// Loads the catalog through events, as catalog-admin would send them.
    void load(const Catalog& catalog) {
        auto id_of = [&](const std::string& key) {
            auto [it, inserted] = ids_.try_emplace(key, new_id());
            return it->second;
        };
        auto ids_of = [&](const std::vector<std::string>& keys) {
            std::vector<std::string> out;
            for (const auto& key : keys) out.push_back(id_of(key));
            return out;
        };
        for (const auto& c : catalog.categories)
            publish("category", "created", category_data(id_of(c.key), 1, c.name));
        for (const auto& g : catalog.genres)
            publish("genre", "created", genre_data(id_of(g.key), 1, g.name));
        for (const auto& p : catalog.people)
            publish("cast_member", "created", cast_member_data(id_of(p.key), 1, p.name, p.type));
        for (const auto& t : catalog.titles) {
            std::string id = id_of(t.key);
            keys_[id] = t.key;
            publish("video", "created",
                    video_data(id, 1,
                               {.title = t.title,
                                .description = t.description,
                                .year = t.year,
                                .rating = t.rating,
                                .categories = ids_of(t.categories),
                                .genres = ids_of(t.genres),
                                .cast = ids_of(t.cast)}));
        }
        auto titles = static_cast<std::int64_t>(catalog.titles.size());
        ASSERT_TRUE(eventually([&] { return total("/api/catalog/videos") == titles; }, 120s))
            << total("/api/catalog/videos") << " of " << titles << " loaded";
    }

    std::string query_of(const RelevanceCase& c, int page) {
        codeflix::http::FormFields fields;
        for (const auto& [name, value] : c.params) {
            fields.emplace_back(name, value.starts_with('@') ? ids_.at(value.substr(1)) : value);
        }
        fields.emplace_back("per_page", "100");
        fields.emplace_back("page", std::to_string(page));
        return "/api/catalog/search?" + codeflix::http::encode_form(fields);
    }

    void check(const RelevanceCase& c) {
        SCOPED_TRACE(c.name);
        auto reply = get(query_of(c, 1));
        ASSERT_EQ(reply.status, 200) << reply.body;
        std::vector<std::string> ranked;
        for (const auto& item : reply.json.at("data").as_array())
            ranked.push_back(keys_.at(std::string(item.at("video").at("id").as_string())));
        auto matches = reply.json.at("meta").at("total").as_int64();
        std::string seen;
        for (std::size_t i = 0; i < std::min<std::size_t>(ranked.size(), 10); ++i)
            seen += ranked[i] + " ";
        for (std::size_t i = 0; i < c.top.size(); ++i) {
            ASSERT_LT(i, ranked.size()) << "too few results: " << seen;
            EXPECT_EQ(ranked[i], c.top[i]) << "at position " << i + 1 << "; first: " << seen;
        }
        for (const auto& key : c.within) {
            auto end = ranked.begin() + std::min<std::ptrdiff_t>(c.within_k, ranked.size());
            EXPECT_NE(std::find(ranked.begin(), end, key), end)
                << key << " not among the first " << c.within_k << ": " << seen;
        }
        if (c.total) {
            EXPECT_EQ(matches, *c.total) << "first: " << seen;
        }
        if (!c.absent.empty()) {
            std::set<std::string> all(ranked.begin(), ranked.end());
            for (int page = 2; (page - 1) * 100 < matches; ++page) {
                auto more = get(query_of(c, page));
                for (const auto& item : more.json.at("data").as_array())
                    all.insert(keys_.at(std::string(item.at("video").at("id").as_string())));
            }
            for (const auto& key : c.absent) EXPECT_FALSE(all.contains(key)) << key << " matched";
        }
        const auto& facets = reply.json.at("facets");
        for (const auto& expected : c.facets) {
            static const std::map<std::string, std::string> kFacetNames = {
                {"category", "categories"},
                {"genre", "genres"},
                {"rating", "ratings"},
                {"decade", "decades"}};
            std::string value = expected.facet == "category" || expected.facet == "genre"
                                    ? ids_.at(expected.value)
                                    : expected.value;
            std::int64_t count = 0;
            for (const auto& item : facets.at(kFacetNames.at(expected.facet)).as_array()) {
                if (item.at("value") == value.c_str()) count = item.at("count").as_int64();
            }
            EXPECT_EQ(count, expected.count) << expected.facet << " " << expected.value;
        }
    }

    std::map<std::string, std::string> ids_;   // key -> id
    std::map<std::string, std::string> keys_;  // title id -> key
};

TEST_P(Relevance, ExpectedResultsForEveryCase) {
    auto cases = relevance_cases();
    ASSERT_GE(cases.size(), 40u);
    load(relevance_catalog());
    if (HasFatalFailure()) return;
    for (const auto& c : cases) check(c);
}

CODEFLIX_DIALECTS(Relevance);

}  // namespace
