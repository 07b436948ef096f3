// Lists, filters and search input: every parameter is checked, and no text a user can type makes
// the search fail or changes anything.

#include "catalog_api_fixture.hpp"

using namespace codeflix::catalog_api::testing;

namespace {

class Queries : public CatalogApiTest {
  protected:
    void SetUp() override {
        CatalogApiTest::SetUp();
        if (HasFatalFailure()) return;
        drama_ = new_id();
        comedy_ = new_id();
        actor_ = new_id();
        publish("category", "created", category_data(drama_, 1, "Drama"));
        publish("category", "created", category_data(comedy_, 1, "Comédia"));
        publish("cast_member", "created", cast_member_data(actor_, 1, "Wagner Moura"));
        auto add = [&](const std::string& title, int year, const std::string& rating,
                       const std::string& category, std::vector<std::string> cast = {}) {
            std::string id = new_id();
            publish("video", "created",
                    video_data(id, 1,
                               {.title = title,
                                .year = year,
                                .rating = rating,
                                .categories = {category},
                                .cast = std::move(cast)}));
            return id;
        };
        elite_ = add("Tropa de Elite", 2007, "16", drama_, {actor_});
        add("Cidade de Deus", 2002, "16", drama_);
        add("O Auto da Compadecida", 2000, "12", comedy_);
        add("Lisbela e o Prisioneiro", 2003, "12", comedy_, {actor_});
        add("Central do Brasil", 1998, "10", drama_);
        ASSERT_TRUE(eventually([&] { return total("/api/catalog/videos") == 5; }));
    }

    std::vector<std::string> titles(const std::string& path) {
        auto reply = get(path);
        EXPECT_EQ(reply.status, 200) << path << "\n" << reply.body;
        std::vector<std::string> out;
        if (reply.status != 200) return out;
        for (const auto& item : reply.json.at("data").as_array()) {
            const auto& video = item.as_object().contains("video") ? item.at("video") : item;
            out.emplace_back(video.at("title").as_string());
        }
        return out;
    }

    std::string drama_, comedy_, actor_, elite_;
};

TEST_P(Queries, VideosFilterAndSort) {
    using V = std::vector<std::string>;
    EXPECT_EQ(titles("/api/catalog/videos?sort=title"),
              (V{"Central do Brasil", "Cidade de Deus", "Lisbela e o Prisioneiro",
                 "O Auto da Compadecida", "Tropa de Elite"}));
    EXPECT_EQ(titles("/api/catalog/videos?sort=year&dir=desc&per_page=2"),
              (V{"Tropa de Elite", "Lisbela e o Prisioneiro"}));
    EXPECT_EQ(titles("/api/catalog/videos?category=" + comedy_),
              (V{"Lisbela e o Prisioneiro", "O Auto da Compadecida"}));
    EXPECT_EQ(titles("/api/catalog/videos?cast_member=" + actor_ + "&rating=16"),
              (V{"Tropa de Elite"}));
    EXPECT_EQ(titles("/api/catalog/videos?year_from=2000&year_to=2002"),
              (V{"Cidade de Deus", "O Auto da Compadecida"}));
    auto page = get("/api/catalog/videos?per_page=2&page=3");
    EXPECT_EQ(page.json.at("meta").at("total"), 5);
    EXPECT_EQ(page.json.at("meta").at("last_page"), 3);
    EXPECT_EQ(page.json.at("data").as_array().size(), 1u);
}

TEST_P(Queries, BadParametersAreClearProblems) {
    auto fields = [&](const std::string& path) { return expect_problem(get(path), 400); };
    using F = std::vector<std::string>;
    EXPECT_EQ(fields("/api/catalog/videos?category=drama"), (F{"category"}));
    EXPECT_EQ(fields("/api/catalog/videos?rating=PG-13&year_from=1500"),
              (F{"rating", "year_from"}));
    EXPECT_EQ(fields("/api/catalog/videos?sort=price&per_page=1000"), (F{"per_page", "sort"}));
    EXPECT_EQ(fields("/api/catalog/search?q=x&decade=1995"), (F{"decade"}));
    EXPECT_EQ(fields("/api/catalog/browse?per_row=0"), (F{"per_row"}));
    expect_problem(get("/api/catalog/videos/not-a-uuid"), 400);
    expect_problem(get("/api/catalog/videos/" + new_id()), 404);
}

TEST_P(Queries, SearchCombinesTextFiltersAndFacets) {
    auto reply = get("/api/catalog/search?q=de");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json.at("meta").at("total"), 2) << reply.body;  // "de" and "de..." prefixes
    EXPECT_EQ(titles("/api/catalog/search?q=de&year_from=2005"),
              std::vector<std::string>{"Tropa de Elite"});
    auto facets = get("/api/catalog/search?q=wagner").json.at("facets");
    EXPECT_EQ(facets.at("categories").as_array().size(), 2u);
    EXPECT_EQ(facets.at("ratings").at(0).at("value"), "12");
    EXPECT_EQ(facets.at("decades").at(0).at("value"), "2000");
    EXPECT_EQ(facets.at("decades").at(0).at("count"), 2);
    auto highlighted = get("/api/catalog/search?q=tropa");
    EXPECT_EQ(highlighted.json.at("data").at(0).at("highlights").at("title"),
              "<mark>Tropa</mark> de Elite");
    EXPECT_EQ(titles("/api/catalog/search?q=compadesida"),
              std::vector<std::string>{"O Auto da Compadecida"})
        << "one typo is forgiven";
    EXPECT_EQ(titles("/api/catalog/search?q=CENTRAL%20BRASIL"),
              std::vector<std::string>{"Central do Brasil"});
    auto comedies = titles("/api/catalog/search?q=comedia&decade=2000");
    std::sort(comedies.begin(), comedies.end());
    EXPECT_EQ(comedies,
              (std::vector<std::string>{"Lisbela e o Prisioneiro", "O Auto da Compadecida"}));
}

TEST_P(Queries, AnyTypedTextGivesAnAnswerOrAClearProblemAndChangesNothing) {
    const std::vector<std::string> sane = {
        "",
        "%20%20%20",
        "%22tropa%22",
        "tropa%20NEAR%20elite",
        "NEAR(tropa%20elite)",
        "*",
        "tropa*",
        "-tropa",
        "tropa%20OR%20cidade",
        "%22",
        "%27%3B%20DROP%20TABLE%20videos%3B--",
        "tropa%27%20OR%20%271%27%3D%271",
        "%5C%25_",
        "title%3Atropa",
        "a%26b%7Cc%21d%3A*",
        "%E6%9D%B1%E4%BA%AC",
        std::string(120, 'x'),
    };
    for (const auto& q : sane) {
        auto reply = get("/api/catalog/search?q=" + q);
        EXPECT_EQ(reply.status, 200) << q << "\n" << reply.body;
        EXPECT_TRUE(reply.json.is_object() && reply.json.as_object().contains("meta")) << q;
    }
    EXPECT_EQ(get("/api/catalog/search?q=").json.at("meta").at("total"), 5)
        << "no words: every title";
    EXPECT_EQ(get("/api/catalog/search?q=%22tropa%20elite%22").json.at("meta").at("total"), 1)
        << "quotes are separators";
    EXPECT_EQ(get("/api/catalog/search?q=-tropa").json.at("meta").at("total"), 1)
        << "a minus is not a negation";
    EXPECT_EQ(get("/api/catalog/search?q=tropa%20NEAR").json.at("meta").at("total"), 0)
        << "operators are plain words, and no title has NEAR";
    for (const std::string& q : {std::string(1000, 'a'), std::string("caf%C3"),
                                 std::string("%C3%28"), std::string("a%01b")}) {
        expect_problem(get("/api/catalog/search?q=" + q), 400);
    }
    EXPECT_EQ(total("/api/catalog/videos"), 5) << "nothing changed";
}

CODEFLIX_DIALECTS(Queries);

}  // namespace
