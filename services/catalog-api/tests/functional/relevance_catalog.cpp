#include "relevance_catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>

#include "relevance_anchors.hpp"

namespace codeflix::catalog_api::testing {
namespace {

// Generated filler. Every word it can produce is in these lists, the genre and category names
// and the generated people's names; none of them is a case's query word, one edit away from a
// typo query word, or starts with a prefix query word.

constexpr std::size_t kFillerTitles = 1940;
constexpr std::size_t kFillerPeople = 70;
constexpr std::uint64_t kSeed = 0x00C0DEF1A2024001ULL;
constexpr std::string_view kRatings[] = {"L", "10", "12", "14", "16", "18"};

constexpr std::string_view kFirstNames[] = {"Beatriz", "Rafael",  "Juliana", "Thiago", "Larissa",
                                            "Gustavo", "Mariana", "Diego",   "Renata", "Vitor",
                                            "Letícia", "Otávio",  "Débora",  "Heloísa"};
constexpr std::string_view kLastNames[] = {
    "Nogueira",    "Antunes",  "Figueiredo", "Vasconcelos", "Albuquerque", "Brandão",  "Teixeira",
    "Prado",       "Quintela", "Falcão",     "Guedes",      "Rangel",      "Siqueira", "Toledo",
    "Bittencourt", "Lacerda",  "Campelo",    "Valadares",   "Cordeiro",    "Queiroz"};
constexpr std::string_view kTitleNouns[] = {
    "Horizonte", "Tempestade", "Silêncio",  "Segredo",  "Caminho",  "Jardim",    "Espelho",
    "Labirinto", "Fronteira",  "Promessa",  "Memória",  "Sombra",   "Estrela",   "Oceano",
    "Deserto",   "Floresta",   "Ponte",     "Janela",   "Relógio",  "Navio",     "Castelo",
    "Herança",   "Vingança",   "Travessia", "Farol",    "Abismo",   "Refúgio",   "Destino",
    "Enigma",    "Retrato",    "Miragem",   "Tesouro",  "Passagem", "Naufrágio", "Eclipse",
    "Alvorada",  "Crepúsculo", "Rebelião",  "Fuga",     "Herdeiro", "Viajante",  "Guardião",
    "Rastro",    "Eco",        "Sussurro",  "Carta",    "Mapa",     "Sinal",     "Código",
    "Jogo",      "Voo",        "Salto",     "Vertigem", "Domínio",  "Baile",     "Colheita",
    "Oráculo",   "Lamento",    "Veredicto", "Quimera"};
constexpr std::string_view kTitleMatter[] = {
    "Verão",   "Inverno", "Ferro",   "Vidro", "Areia",  "Prata",   "Fogo",   "Sal",
    "Neblina", "Outono",  "Cristal", "Pedra", "Seda",   "Papel",   "Marfim", "Bronze",
    "Chuva",   "Vento",   "Fumaça",  "Gelo",  "Cinzas", "Mármore", "Veludo", "Porcelana",
    "Carvão",  "Madeira", "Espuma",  "Cobre", "Névoa",  "Trovão"};
constexpr std::string_view kTitleAdjectives[] = {
    "Distante", "Selvagem", "Invisível", "Imortal",    "Final",      "Azul",         "Veloz",
    "Feliz",    "Frágil",   "Brilhante", "Terrível",   "Impossível", "Inesquecível", "Sublime",
    "Cruel",    "Fatal",    "Rebelde",   "Solar",      "Polar",      "Lunar",        "Febril",
    "Audaz",    "Tenaz",    "Hostil",    "Vulnerável", "Inocente",   "Urgente",      "Ardente"};
constexpr std::string_view kEnglishAdjectives[] = {
    "Silent",   "Golden",   "Broken",  "Hidden",   "Crimson",   "Endless", "Frozen",
    "Hollow",   "Burning",  "Distant", "Wild",     "Quiet",     "Savage",  "Velvet",
    "Midnight", "Electric", "Lonely",  "Restless", "Shattered", "Scarlet"};
constexpr std::string_view kEnglishNouns[] = {
    "Harbor", "River",   "Kingdom", "Empire",    "Horizon", "Frontier", "Shadow",
    "Signal", "Engine",  "Garden",  "Mirror",    "Highway", "Ocean",    "Winter",
    "Summer", "Station", "Island",  "Canyon",    "Promise", "Voyage",   "Tide",
    "Storm",  "Echo",    "Circuit", "Lighthouse"};
constexpr std::string_view kSubjects[] = {"Uma jovem violinista",
                                          "Um velho pescador",
                                          "Dois irmãos gêmeos",
                                          "Uma detetive teimosa",
                                          "Um professor aposentado",
                                          "Uma família de imigrantes",
                                          "Um grupo de amigos",
                                          "Uma cientista ambiciosa",
                                          "Um piloto veterano",
                                          "Uma enfermeira dedicada",
                                          "Um cozinheiro famoso",
                                          "Um escritor solitário",
                                          "Uma fotógrafa curiosa",
                                          "Um garoto tímido",
                                          "Uma bailarina determinada",
                                          "Um fazendeiro orgulhoso",
                                          "Um relojoeiro excêntrico",
                                          "Uma arquiteta idealista",
                                          "Um ex-boxeador",
                                          "Uma jornalista investigativa",
                                          "Três primas inseparáveis",
                                          "Um mágico decadente",
                                          "Uma astronauta novata",
                                          "Um carteiro distraído"};
constexpr std::string_view kActions[] = {"recebe uma carta misteriosa",
                                         "herda uma casa abandonada",
                                         "perde a memória",
                                         "encontra um mapa antigo",
                                         "aceita um trabalho arriscado",
                                         "reencontra um amor antigo",
                                         "descobre um segredo guardado",
                                         "precisa atravessar o país",
                                         "organiza uma festa inesperada",
                                         "testemunha um crime estranho",
                                         "foge de um passado sombrio",
                                         "tenta salvar o negócio da família",
                                         "aposta tudo em uma corrida",
                                         "ganha uma viagem inesperada",
                                         "procura um irmão desaparecido",
                                         "abre uma pequena livraria",
                                         "enfrenta um rival poderoso",
                                         "decide mudar de vida",
                                         "escreve para um desconhecido",
                                         "assume o comando de um navio"};
constexpr std::string_view kSettings[] = {"durante um inverno rigoroso no litoral",
                                          "numa pequena vila de pescadores",
                                          "às vésperas de um grande festival",
                                          "em meio a uma tempestade implacável",
                                          "nos corredores de um hotel decadente",
                                          "em uma estação espacial isolada",
                                          "entre as colinas de uma região remota",
                                          "nas ruas movimentadas de uma metrópole",
                                          "a bordo de um trem noturno",
                                          "em um vilarejo cercado por vinhedos",
                                          "no último verão antes da faculdade",
                                          "durante uma longa greve de ônibus",
                                          "em uma ilha sem eletricidade",
                                          "numa escola de música exigente",
                                          "no subúrbio de uma capital agitada",
                                          "ao longo de uma estrada deserta",
                                          "em um circo itinerante",
                                          "numa redação de jornal em crise"};
constexpr std::string_view kSecondSentences[] = {
    "Aos poucos, velhas rivalidades voltam à tona e ninguém sai ileso.",
    "Entre risos e lágrimas, todos aprendem o valor da amizade verdadeira.",
    "O que parecia simples se transforma em uma corrida contra o tempo.",
    "Cada escolha aproxima a família de uma verdade difícil de aceitar.",
    "No caminho, alianças improváveis surgem e segredos antigos são revelados.",
    "A convivência forçada transforma desconhecidos em aliados inesperados.",
    "Quando tudo parece perdido, uma pista inesperada muda o rumo da história.",
    "Os dias seguintes colocam à prova a coragem e a lealdade de todos.",
    "Uma série de coincidências estranhas revela que nada ali é por acaso.",
    "Pressionados pelo tempo, eles precisam confiar uns nos outros para sobreviver.",
    "A jornada revela feridas antigas e desperta sentimentos esquecidos há muitos anos.",
    "Ninguém imaginava que uma decisão tão pequena mudaria tantas vidas."};
constexpr std::string_view kClosings[] = {"Baseado em fatos reais.",
                                          "Uma história sobre coragem e recomeços.",
                                          "Uma comédia leve para toda a família.",
                                          "Um drama intenso sobre perdas e perdão.",
                                          "Uma aventura emocionante do começo ao fim.",
                                          "Um suspense que prende até a última cena.",
                                          "Uma reflexão delicada sobre o tempo.",
                                          "Um retrato sensível de uma geração.",
                                          "Vencedor de prêmios em festivais internacionais.",
                                          "Inspirado em um romance clássico."};

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the same sequence on every
/// platform and library, unlike std::rand or the distributions of <random>.
class Lcg {
  public:
    explicit Lcg(std::uint64_t seed) : state_(seed) {}

    /// The next number in [0, bound), from the high bits of the state.
    std::size_t below(std::size_t bound) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state_ >> 33U) % bound);
    }

    /// The next number in [low, low + span).
    int from(int low, int span) {
        return low + static_cast<int>(below(static_cast<std::size_t>(span)));
    }

  private:
    std::uint64_t state_;
};

template <std::size_t N>
std::string_view pick(Lcg& rng, const std::string_view (&words)[N]) {
    return words[rng.below(N)];
}

/// The parts concatenated. The elements of a braced list are evaluated in order, so the picks
/// in join({pick(rng, a), pick(rng, b)}) always draw a before b.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts) out += part;
    return out;
}

std::string numbered(std::string_view prefix, std::size_t number, std::size_t width) {
    std::string digits = std::to_string(number);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return join({prefix, digits});
}

void add_unique(std::vector<std::string>& keys, const std::string& key) {
    for (const auto& existing : keys) {
        if (existing == key) return;
    }
    keys.push_back(key);
}

void add_filler_people(std::vector<CatalogPerson>& people) {
    constexpr std::size_t kFirst = std::size(kFirstNames);
    constexpr std::size_t kLast = std::size(kLastNames);
    for (std::size_t i = 0; i < kFillerPeople; ++i) {
        std::string_view first = kFirstNames[i % kFirst];
        std::string_view last = kLastNames[(i * 7 + i / kFirst) % kLast];
        people.push_back({numbered("p-f", i + 1, 3), join({first, " ", last}),
                          i % 5 == 4 ? "director" : "actor"});
    }
}

std::string filler_title(Lcg& rng) {
    switch (rng.below(5)) {
        case 0:
            return join({pick(rng, kTitleNouns), " de ", pick(rng, kTitleMatter)});
        case 1:
            return join({pick(rng, kTitleNouns), " ", pick(rng, kTitleAdjectives)});
        case 2:
            return join({pick(rng, kTitleNouns), " ", pick(rng, kTitleAdjectives), " de ",
                         pick(rng, kTitleMatter)});
        case 3:
            return join({pick(rng, kEnglishAdjectives), " ", pick(rng, kEnglishNouns)});
        default:
            return join({"The ", pick(rng, kEnglishAdjectives), " ", pick(rng, kEnglishNouns)});
    }
}

/// 20 to 40 words: who, what and where, then a sentence of plot and a closing remark.
std::string filler_description(Lcg& rng) {
    return join({pick(rng, kSubjects), " ", pick(rng, kActions), " ", pick(rng, kSettings), ". ",
                 pick(rng, kSecondSentences), " ", pick(rng, kClosings)});
}

int filler_duration(Lcg& rng, std::string_view category) {
    if (category == "cat-series" || category == "cat-novelas") return rng.from(25, 36);
    if (category == "cat-curtas") return rng.from(5, 26);
    if (category == "cat-anime") return rng.from(20, 101);
    if (category == "cat-documentarios") return rng.from(50, 71);
    return rng.from(80, 81);
}

/// Titles from 1950 to 2025 in one or two genres, each genre's first category (plus, for one
/// in four, Nacional or Internacional), cast from the `kFillerPeople` people at `first_person`.
void add_filler_titles(Catalog& catalog, std::size_t first_person) {
    Lcg rng(kSeed);
    const std::vector<CatalogGenre>& genre_list = catalog.genres;
    catalog.titles.reserve(catalog.titles.size() + kFillerTitles);
    for (std::size_t i = 1; i <= kFillerTitles; ++i) {
        CatalogTitle title;
        title.key = numbered("filler-", i, 4);
        title.title = filler_title(rng);
        title.description = filler_description(rng);
        title.year = rng.from(1950, 76);
        title.rating = std::string(pick(rng, kRatings));
        const CatalogGenre& first = genre_list[rng.below(genre_list.size())];
        title.genres.push_back(first.key);
        title.categories.push_back(first.categories.front());
        if (rng.below(3) != 0) {
            const CatalogGenre& second = genre_list[rng.below(genre_list.size())];
            if (second.key != first.key) {
                title.genres.push_back(second.key);
                add_unique(title.categories, second.categories.front());
            }
        }
        if (rng.below(4) == 0)
            add_unique(title.categories, rng.below(2) == 0 ? "cat-nacional" : "cat-internacional");
        title.duration = filler_duration(rng, title.categories.front());
        std::size_t cast_size = rng.below(6);
        for (std::size_t j = 0; j < cast_size; ++j)
            add_unique(title.cast, catalog.people[first_person + rng.below(kFillerPeople)].key);
        catalog.titles.push_back(std::move(title));
    }
}

}  // namespace

Catalog relevance_catalog() {
    using anchors::all_categories;
    using anchors::all_genres;
    using anchors::anchor_people;
    using anchors::anchor_titles;
    Catalog catalog;
    catalog.categories = all_categories();
    catalog.genres = all_genres();
    catalog.people = anchor_people();
    std::size_t first_filler_person = catalog.people.size();
    add_filler_people(catalog.people);
    catalog.titles = anchor_titles();
    add_filler_titles(catalog, first_filler_person);
    return catalog;
}

}  // namespace codeflix::catalog_api::testing
