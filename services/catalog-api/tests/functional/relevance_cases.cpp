// The cases of the relevance suite: what searches over relevance_catalog() must answer.

#include <string>
#include <utility>
#include <vector>

#include "relevance_catalog.hpp"

namespace codeflix::catalog_api::testing {
namespace {

/// Builds the cases: add() starts one, the other calls fill in the last one added.
class CaseList {
  public:
    CaseList& add(std::string name, std::vector<std::pair<std::string, std::string>> params) {
        RelevanceCase added;
        added.name = std::move(name);
        added.params = std::move(params);
        cases_.push_back(std::move(added));
        return *this;
    }
    CaseList& top(std::vector<std::string> keys) {
        cases_.back().top = std::move(keys);
        return *this;
    }
    CaseList& within(std::vector<std::string> keys, int k) {
        cases_.back().within = std::move(keys);
        cases_.back().within_k = k;
        return *this;
    }
    CaseList& absent(std::vector<std::string> keys) {
        cases_.back().absent = std::move(keys);
        return *this;
    }
    CaseList& total(int count) {
        cases_.back().total = count;
        return *this;
    }
    CaseList& facets(std::vector<ExpectedFacet> expected) {
        cases_.back().facets = std::move(expected);
        return *this;
    }
    std::vector<RelevanceCase> take() { return std::move(cases_); }

  private:
    std::vector<RelevanceCase> cases_;
};

}  // namespace

std::vector<RelevanceCase> relevance_cases() {
    const std::vector<std::string> matrix_films = {"matrix", "matrix-reloaded",
                                                   "matrix-revolutions"};
    const std::vector<std::string> wagner_moura = {"tropa-de-elite", "tropa-de-elite-2",
                                                   "cidade-baixa", "narcos"};
    const std::vector<std::string> fernanda_montenegro = {
        "central-do-brasil", "auto-compadecida", "ainda-estou-aqui", "eles-nao-usam-black-tie"};
    CaseList cases;

    // Exact words of a title
    cases.add("exact title word: compadecida", {{"q", "compadecida"}})
        .top({"auto-compadecida"})
        .total(1);
    cases.add("title word: matrix, the three films above a description mention", {{"q", "matrix"}})
        .within(matrix_films, 3)
        .absent({"animatrix", "john-wick"})
        .total(4);
    cases.add("whole words only: animatrix is not matrix", {{"q", "animatrix"}})
        .top({"animatrix"})
        .absent(matrix_films)
        .total(1);
    cases.add("multi-word title: cidade de deus", {{"q", "cidade de deus"}})
        .top({"cidade-de-deus"})
        .absent({"cidade-baixa", "deus-e-o-diabo"})
        .total(1);
    cases.add("no stop words: o auto da compadecida", {{"q", "o auto da compadecida"}})
        .top({"auto-compadecida"})
        .total(1);
    cases.add("punctuation separates words: tropa-de-elite", {{"q", "tropa-de-elite"}})
        .within({"tropa-de-elite", "tropa-de-elite-2"}, 2)
        .total(2);

    // Case and accents
    cases.add("case-insensitive: MATRIX", {{"q", "MATRIX"}}).within(matrix_films, 3).total(4);
    cases.add("accent-insensitive: acao finds Ação Mortal first", {{"q", "acao"}})
        .top({"acao-mortal"})
        .absent({"central-do-brasil", "aquarius"});
    cases.add("accented query: Ação finds Ação Mortal first", {{"q", "Ação"}})
        .top({"acao-mortal"})
        .absent({"central-do-brasil"});
    cases.add("accented query finds unaccented text: coração", {{"q", "coração"}})
        .top({"coracao-de-estudante"})
        .total(1);
    cases.add("accents and case: SÃO PAULO, the title first", {{"q", "SÃO PAULO"}})
        .top({"sao-paulo-sa"})
        .within({"sao-paulo-sa", "coracao-de-estudante", "que-horas-ela-volta"}, 3)
        .total(3);
    cases.add("accent-free cast name: sonia braga", {{"q", "sonia braga"}})
        .within({"bacurau", "aquarius", "dona-flor"}, 3)
        .absent({"cidade-baixa", "cidade-de-deus"})
        .total(3);

    // Typos
    cases.add("typo, transposition: matirx", {{"q", "matirx"}})
        .within(matrix_films, 3)
        .absent({"animatrix"})
        .total(4);
    cases.add("typo, substitution: bacurao", {{"q", "bacurao"}}).top({"bacurau"}).total(1);
    cases.add("typo, deletion: compadcida", {{"q", "compadcida"}})
        .top({"auto-compadecida"})
        .total(1);
    cases.add("typo, insertion: aquarrius", {{"q", "aquarrius"}}).top({"aquarius"}).total(1);
    cases.add("typo in a cast name: montenegor", {{"q", "montenegor"}})
        .within(fernanda_montenegro, 4)
        .total(4);
    cases.add("typo before the last word: matirx reloaded", {{"q", "matirx reloaded"}})
        .top({"matrix-reloaded"})
        .absent({"matrix", "matrix-revolutions"})
        .total(1);
    cases.add("typo in the last word: tropa de elitr", {{"q", "tropa de elitr"}})
        .within({"tropa-de-elite", "tropa-de-elite-2"}, 2)
        .total(2);
    cases.add("no typo tolerance under 5 letters: dues", {{"q", "dues"}}).total(0);
    cases.add("no typo tolerance for an indexed word: matriz", {{"q", "matriz"}})
        .top({"ouro-negro"})
        .absent(matrix_films)
        .total(1);
    cases.add("two edits are no match: mtairx", {{"q", "mtairx"}}).total(0);

    // Prefixes
    cases.add("prefix as you type: matr", {{"q", "matr"}})
        .within(matrix_films, 3)
        .absent({"animatrix"})
        .total(6);
    cases.add("prefix as you type: cida", {{"q", "cida"}})
        .within({"cidade-de-deus", "cidade-baixa", "cidadao-kane"}, 3)
        .total(3);
    cases.add("prefix only for the last word: cida deus", {{"q", "cida deus"}}).total(0);
    cases.add("prefix on the last of several words: tropa de el", {{"q", "tropa de el"}})
        .within({"tropa-de-elite", "tropa-de-elite-2"}, 2)
        .total(2);
    cases.add("prefix of a cast name: fernanda mont", {{"q", "fernanda mont"}})
        .within(fernanda_montenegro, 4)
        .absent({"terra-estrangeira", "os-normais"})
        .total(4);

    // People
    cases.add("cast full name: wagner moura", {{"q", "wagner moura"}})
        .within(wagner_moura, 4)
        .absent({"ensaio-sobre-a-cegueira"})
        .total(4)
        .facets({{"category", "cat-filmes", 3},
                 {"category", "cat-nacional", 3},
                 {"category", "cat-series", 1},
                 {"category", "cat-internacional", 1},
                 {"genre", "genre-policial", 3},
                 {"genre", "genre-acao", 2},
                 {"genre", "genre-drama", 3},
                 {"genre", "genre-romance", 1},
                 {"rating", "18", 3},
                 {"rating", "16", 1},
                 {"decade", "2000", 2},
                 {"decade", "2010", 2}});
    cases.add("cast surname only: moura, not Moore", {{"q", "moura"}})
        .within(wagner_moura, 4)
        .absent({"ensaio-sobre-a-cegueira"})
        .total(4);
    cases.add("first name of two actresses, not Fernando: fernanda", {{"q", "fernanda"}})
        .within(
            {"central-do-brasil", "auto-compadecida", "ainda-estou-aqui", "eles-nao-usam-black-tie",
             "terra-estrangeira", "o-que-e-isso-companheiro", "os-normais"},
            7)
        .absent({"cidade-de-deus", "lavoura-arcaica"})
        .total(7);
    cases.add("titles found only through the cast: selton", {{"q", "selton"}})
        .within(
            {"auto-compadecida", "o-palhaco", "lavoura-arcaica", "ainda-estou-aqui", "o-mecanismo"},
            5)
        .total(5);
    cases.add("director surname: meirelles", {{"q", "meirelles"}})
        .within({"cidade-de-deus", "ensaio-sobre-a-cegueira"}, 2)
        .total(2)
        .facets({{"category", "cat-filmes", 2},
                 {"category", "cat-nacional", 1},
                 {"category", "cat-internacional", 1},
                 {"genre", "genre-drama", 2},
                 {"genre", "genre-policial", 1},
                 {"genre", "genre-suspense", 1},
                 {"rating", "16", 2},
                 {"decade", "2000", 2}});
    cases.add("director without the cedilla: kleber mendonca", {{"q", "kleber mendonca"}})
        .within({"bacurau", "aquarius", "o-som-ao-redor"}, 3)
        .absent({"dona-flor"})
        .total(3);
    cases.add("surname of a director and an actor: mendonça", {{"q", "mendonça"}})
        .within({"bacurau", "aquarius", "o-som-ao-redor", "dona-flor"}, 4)
        .total(4);
    cases.add("cast above description: miyazaki", {{"q", "miyazaki"}})
        .within({"chihiro", "totoro"}, 2)
        .total(3);

    // Descriptions and title-versus-description
    cases.add("word only in a description: analfabetos", {{"q", "analfabetos"}})
        .top({"central-do-brasil"})
        .total(1);
    cases.add("title beats descriptions: cangaceiro", {{"q", "cangaceiro"}})
        .top({"o-cangaceiro"})
        .within({"deus-e-o-diabo", "auto-compadecida"}, 3)
        .total(3);

    // Genre and category names
    cases.add("genre name: faroeste, the title first", {{"q", "faroeste"}})
        .top({"faroeste-caboclo"})
        .absent({"matrix", "central-do-brasil"});
    cases.add("genre name AND cast: keanu ficção", {{"q", "keanu ficção"}})
        .within(matrix_films, 3)
        .absent({"john-wick"})
        .total(3);
    cases.add("category name AND director: miyazaki anime", {{"q", "miyazaki anime"}})
        .within({"chihiro", "totoro"}, 2)
        .absent({"reino-dos-sonhos"})
        .total(2);
    cases.add("accented category name AND director: séries padilha", {{"q", "séries padilha"}})
        .within({"o-mecanismo", "narcos"}, 2)
        .absent({"tropa-de-elite", "tropa-de-elite-2"})
        .total(2);

    // AND narrowing
    cases.add("AND narrows: matrix reloaded", {{"q", "matrix reloaded"}})
        .top({"matrix-reloaded"})
        .absent({"matrix", "matrix-revolutions"})
        .total(1);
    cases.add("AND across fields: moura elite", {{"q", "moura elite"}})
        .within({"tropa-de-elite", "tropa-de-elite-2"}, 2)
        .absent({"cidade-baixa", "narcos"})
        .total(2);
    cases.add("AND across fields: sonia braga bacurau", {{"q", "sonia braga bacurau"}})
        .top({"bacurau"})
        .absent({"aquarius", "dona-flor"})
        .total(1);
    cases.add("AND with an unknown word: matrix xqzvwk", {{"q", "matrix xqzvwk"}})
        .absent(matrix_films)
        .total(0);
    cases.add("gibberish matches nothing: xqzvwk", {{"q", "xqzvwk"}}).total(0);

    // Filters, alone and with q
    cases.add("decade filter alone: 1940", {{"decade", "1940"}})
        .within({"cidadao-kane", "casablanca", "pacto-de-sangue", "o-terceiro-homem"}, 4)
        .total(4)
        .facets({{"decade", "1940", 4},
                 {"category", "cat-filmes", 4},
                 {"category", "cat-classicos", 4},
                 {"category", "cat-internacional", 1},
                 {"genre", "genre-noir", 2},
                 {"genre", "genre-policial", 1},
                 {"rating", "10", 2},
                 {"rating", "12", 1},
                 {"rating", "14", 1}});
    cases.add("year range alone: 1900 to 1949", {{"year_from", "1900"}, {"year_to", "1949"}})
        .total(6)
        .facets({{"decade", "1930", 2}, {"decade", "1940", 4}, {"rating", "L", 2}});
    cases.add("category filter alone: Clássicos", {{"category", "@cat-classicos"}})
        .total(11)
        .facets({{"category", "cat-classicos", 11},
                 {"category", "cat-filmes", 10},
                 {"category", "cat-nacional", 5},
                 {"category", "cat-internacional", 2},
                 {"decade", "1930", 2},
                 {"decade", "1940", 4},
                 {"decade", "1950", 1},
                 {"decade", "1960", 4},
                 {"genre", "genre-drama", 5},
                 {"genre", "genre-faroeste", 3},
                 {"genre", "genre-noir", 2},
                 {"rating", "L", 2},
                 {"rating", "10", 2},
                 {"rating", "12", 3},
                 {"rating", "14", 4}});
    cases
        .add("two filters: Clássicos and Faroeste",
             {{"category", "@cat-classicos"}, {"genre", "@genre-faroeste"}})
        .within({"o-cangaceiro", "deus-e-o-diabo", "era-uma-vez-no-oeste"}, 3)
        .total(3);
    cases
        .add("category filter with q: sertão in Clássicos",
             {{"q", "sertão"}, {"category", "@cat-classicos"}})
        .within({"o-cangaceiro", "deus-e-o-diabo", "vidas-secas"}, 3)
        .absent({"bacurau"})
        .total(3);
    cases
        .add("genre filter with q: matrix in Ficção Científica",
             {{"q", "matrix"}, {"genre", "@genre-ficcao"}})
        .within(matrix_films, 3)
        .absent({"filosofia-na-tela"})
        .total(3);
    cases.add("rating filter with q: sertão rated 12", {{"q", "sertão"}, {"rating", "12"}})
        .within({"o-cangaceiro", "vidas-secas"}, 2)
        .total(2);
    cases.add("decade filter with q: matrix in the 2000s", {{"q", "matrix"}, {"decade", "2000"}})
        .within({"matrix-reloaded", "matrix-revolutions"}, 2)
        .absent({"matrix", "filosofia-na-tela"})
        .total(2);
    cases
        .add("year range with q: salles from 2000 to 2009",
             {{"q", "salles"}, {"year_from", "2000"}, {"year_to", "2009"}})
        .within({"abril-despedacado", "diarios-de-motocicleta"}, 2)
        .absent({"central-do-brasil", "ainda-estou-aqui"})
        .total(2);
    cases.add("two filters: Clássicos rated L", {{"category", "@cat-classicos"}, {"rating", "L"}})
        .within({"limite", "tempos-modernos"}, 2)
        .total(2);
    cases.add("cast member filter alone: Wagner Moura", {{"cast_member", "@p-wagner"}})
        .within(wagner_moura, 4)
        .total(4);
    cases
        .add("cast member filter with q: selton with Montenegro",
             {{"q", "selton"}, {"cast_member", "@p-fernanda-m"}})
        .within({"auto-compadecida", "ainda-estou-aqui"}, 2)
        .absent({"o-palhaco"})
        .total(2);

    // Facets over a known match set
    cases.add("facets of a description word: sertão", {{"q", "sertão"}})
        .total(6)
        .facets({{"category", "cat-filmes", 6},
                 {"category", "cat-nacional", 6},
                 {"category", "cat-classicos", 3},
                 {"genre", "genre-drama", 4},
                 {"genre", "genre-faroeste", 3},
                 {"decade", "1950", 1},
                 {"decade", "1960", 2},
                 {"decade", "1990", 1},
                 {"decade", "2000", 1},
                 {"decade", "2010", 1},
                 {"rating", "12", 2},
                 {"rating", "14", 3},
                 {"rating", "16", 1}});
    cases.add("facets of a director: salles", {{"q", "salles"}})
        .total(5)
        .facets({{"decade", "1990", 2},
                 {"decade", "2000", 2},
                 {"decade", "2020", 1},
                 {"rating", "14", 4},
                 {"rating", "16", 1},
                 {"category", "cat-internacional", 1}});
    return cases.take();
}

}  // namespace codeflix::catalog_api::testing
