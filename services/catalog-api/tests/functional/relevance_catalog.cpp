#include "relevance_catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>

namespace codeflix::catalog_api::testing {
namespace {

// Categories and genres. The first category of every genre is the one generated titles take,
// and it is never cat-classicos: only anchor titles are classics, so filters on it are exact.

std::vector<CatalogCategory> all_categories() {
    return {{"cat-filmes", "Filmes"},
            {"cat-series", "Séries"},
            {"cat-documentarios", "Documentários"},
            {"cat-infantil", "Infantil"},
            {"cat-anime", "Anime"},
            {"cat-nacional", "Nacional"},
            {"cat-internacional", "Internacional"},
            {"cat-novelas", "Novelas"},
            {"cat-curtas", "Curtas-Metragens"},
            {"cat-classicos", "Clássicos"}};
}

std::vector<CatalogGenre> all_genres() {
    return {{"genre-acao", "Ação", {"cat-filmes", "cat-series", "cat-anime"}},
            {"genre-comedia", "Comédia", {"cat-filmes", "cat-series", "cat-nacional"}},
            {"genre-drama", "Drama", {"cat-filmes", "cat-series", "cat-nacional"}},
            {"genre-ficcao", "Ficção Científica", {"cat-filmes", "cat-series", "cat-anime"}},
            {"genre-suspense", "Suspense", {"cat-filmes", "cat-series"}},
            {"genre-terror", "Terror", {"cat-filmes", "cat-internacional"}},
            {"genre-romance", "Romance", {"cat-filmes", "cat-novelas", "cat-nacional"}},
            {"genre-animacao", "Animação", {"cat-infantil", "cat-anime", "cat-filmes"}},
            {"genre-aventura", "Aventura", {"cat-filmes", "cat-infantil", "cat-anime"}},
            {"genre-policial", "Policial", {"cat-filmes", "cat-series", "cat-nacional"}},
            {"genre-musical", "Musical", {"cat-filmes", "cat-documentarios", "cat-classicos"}},
            {"genre-faroeste", "Faroeste", {"cat-filmes", "cat-classicos"}},
            {"genre-fantasia", "Fantasia", {"cat-filmes", "cat-infantil", "cat-anime"}},
            {"genre-guerra", "Guerra", {"cat-filmes", "cat-documentarios", "cat-classicos"}},
            {"genre-biografia", "Biografia", {"cat-documentarios", "cat-filmes"}},
            {"genre-historia", "História", {"cat-documentarios", "cat-series"}},
            {"genre-natureza", "Natureza", {"cat-documentarios"}},
            {"genre-esporte", "Esporte", {"cat-documentarios", "cat-series"}},
            {"genre-familia", "Família", {"cat-infantil", "cat-filmes"}},
            {"genre-misterio", "Mistério", {"cat-series", "cat-filmes", "cat-internacional"}},
            {"genre-noir", "Noir", {"cat-filmes", "cat-classicos"}},
            {"genre-melodrama", "Melodrama", {"cat-novelas", "cat-classicos"}},
            {"genre-experimental", "Experimental", {"cat-curtas"}},
            {"genre-crime-real", "Crime Real", {"cat-documentarios", "cat-series"}},
            {"genre-shonen", "Shonen", {"cat-anime"}},
            {"genre-sitcom", "Sitcom", {"cat-series"}}};
}

// People of the anchor titles; generated titles cast only generated people.

struct Named {
    std::string_view key;
    std::string_view name;
};

constexpr Named kAnchorActors[] = {{"p-keanu", "Keanu Reeves"},
                                   {"p-carrie-anne", "Carrie-Anne Moss"},
                                   {"p-fishburne", "Laurence Fishburne"},
                                   {"p-weaving", "Hugo Weaving"},
                                   {"p-alexandre", "Alexandre Rodrigues"},
                                   {"p-leandro", "Leandro Firmino"},
                                   {"p-seu-jorge", "Seu Jorge"},
                                   {"p-alice-braga", "Alice Braga"},
                                   {"p-lazaro", "Lázaro Ramos"},
                                   {"p-wagner", "Wagner Moura"},
                                   {"p-bogart", "Humphrey Bogart"},
                                   {"p-bergman", "Ingrid Bergman"},
                                   {"p-ruschel", "Alberto Ruschel"},
                                   {"p-othon", "Othon Bastos"},
                                   {"p-geraldo", "Geraldo Del Rey"},
                                   {"p-yona", "Yoná Magalhães"},
                                   {"p-matheus", "Matheus Nachtergaele"},
                                   {"p-selton", "Selton Mello"},
                                   {"p-fernanda-m", "Fernanda Montenegro"},
                                   {"p-nanini", "Marco Nanini"},
                                   {"p-vinicius", "Vinícius de Oliveira"},
                                   {"p-andre-ramiro", "André Ramiro"},
                                   {"p-caio", "Caio Junqueira"},
                                   {"p-irandhir", "Irandhir Santos"},
                                   {"p-sonia", "Sônia Braga"},
                                   {"p-udo", "Udo Kier"},
                                   {"p-barbara-colen", "Bárbara Colen"},
                                   {"p-maeve", "Maeve Jinkings"},
                                   {"p-wilker", "José Wilker"},
                                   {"p-mauro", "Mauro Mendonça"},
                                   {"p-fabricio", "Fabrício Boliveira"},
                                   {"p-isis", "Ísis Valverde"},
                                   {"p-cardinale", "Claudia Cardinale"},
                                   {"p-fonda", "Henry Fonda"},
                                   {"p-fernanda-t", "Fernanda Torres"},
                                   {"p-gael", "Gael García Bernal"},
                                   {"p-santoro", "Rodrigo Santoro"},
                                   {"p-julianne", "Julianne Moore"},
                                   {"p-ruffalo", "Mark Ruffalo"},
                                   {"p-paulo-jose", "Paulo José"},
                                   {"p-cortez", "Raul Cortez"},
                                   {"p-regina", "Regina Casé"},
                                   {"p-camila", "Camila Márdila"},
                                   {"p-marilia", "Marília Pêra"},
                                   {"p-joelsas", "Michel Joelsas"},
                                   {"p-guarnieri", "Gianfrancesco Guarnieri"},
                                   {"p-pedro-cardoso", "Pedro Cardoso"},
                                   {"p-pascal", "Pedro Pascal"},
                                   {"p-stanwyck", "Barbara Stanwyck"},
                                   {"p-cotten", "Joseph Cotten"},
                                   {"p-murilo", "Murilo Benício"},
                                   {"p-dira", "Dira Paes"},
                                   {"p-atila", "Átila Iório"},
                                   {"p-walmor", "Walmor Chagas"},
                                   {"p-eva", "Eva Wilma"},
                                   {"p-naruna", "Naruna Costa"},
                                   {"p-caroline", "Caroline Abras"},
                                   {"p-giulia", "Giulia Benite"},
                                   {"p-guimaraes", "Luiz Fernando Guimarães"},
                                   {"p-junko", "Junko Takeuchi"},
                                   {"p-malheiros", "Christian Malheiros"}};
constexpr Named kAnchorDirectors[] = {{"p-lana", "Lana Wachowski"},
                                      {"p-lilly", "Lilly Wachowski"},
                                      {"p-stahelski", "Chad Stahelski"},
                                      {"p-meirelles", "Fernando Meirelles"},
                                      {"p-katia", "Kátia Lund"},
                                      {"p-sergio-machado", "Sérgio Machado"},
                                      {"p-welles", "Orson Welles"},
                                      {"p-curtiz", "Michael Curtiz"},
                                      {"p-peixoto", "Mário Peixoto"},
                                      {"p-chaplin", "Charles Chaplin"},
                                      {"p-lima-barreto", "Lima Barreto"},
                                      {"p-glauber", "Glauber Rocha"},
                                      {"p-guel", "Guel Arraes"},
                                      {"p-salles", "Walter Salles"},
                                      {"p-padilha", "José Padilha"},
                                      {"p-kleber", "Kleber Mendonça Filho"},
                                      {"p-juliano", "Juliano Dornelles"},
                                      {"p-bruno-barreto", "Bruno Barreto"},
                                      {"p-miyazaki", "Hayao Miyazaki"},
                                      {"p-rene", "René Sampaio"},
                                      {"p-leone", "Sergio Leone"},
                                      {"p-lf-carvalho", "Luiz Fernando Carvalho"},
                                      {"p-muylaert", "Anna Muylaert"},
                                      {"p-babenco", "Hector Babenco"},
                                      {"p-cao", "Cao Hamburger"},
                                      {"p-hirszman", "Leon Hirszman"},
                                      {"p-wilder", "Billy Wilder"},
                                      {"p-reed", "Carol Reed"},
                                      {"p-gabriela", "Gabriela Amaral Almeida"},
                                      {"p-breno", "Breno Silveira"},
                                      {"p-nelson", "Nelson Pereira dos Santos"},
                                      {"p-person", "Luís Sérgio Person"},
                                      {"p-furtado", "Jorge Furtado"},
                                      {"p-kapadia", "Asif Kapadia"},
                                      {"p-rezende", "Daniel Rezende"},
                                      {"p-kondzilla", "KondZilla"}};

std::vector<CatalogPerson> anchor_people() {
    std::vector<CatalogPerson> people;
    people.reserve(std::size(kAnchorActors) + std::size(kAnchorDirectors));
    for (const auto& actor : kAnchorActors)
        people.push_back({std::string(actor.key), std::string(actor.name), "actor"});
    for (const auto& director : kAnchorDirectors)
        people.push_back({std::string(director.key), std::string(director.name), "director"});
    return people;
}

// Anchor titles: what the cases search for. Their distinctive words (matrix, compadecida,
// sertão, moura, ...) never occur in generated titles, which is what makes totals exact.

/// An anchor title in one row: categories, genres and cast are space-separated keys without
/// their "cat-", "genre-" and "p-" prefixes.
struct AnchorRow {
    std::string_view key;
    std::string_view title;
    int year = 0;
    std::string_view rating;
    int duration = 0;
    std::string_view categories;
    std::string_view genres;
    std::string_view cast;
    std::string_view description;
};

constexpr AnchorRow kAnchors[] = {
    {"matrix", "The Matrix", 1999, "14", 136, "filmes internacional", "ficcao acao",
     "keanu carrie-anne fishburne weaving lana lilly",
     "Um hacker descobre que o mundo à sua "
     "volta é uma simulação criada por máquinas e se junta a um pequeno grupo de rebeldes."},
    {"matrix-reloaded", "Matrix Reloaded", 2003, "14", 138, "filmes internacional", "ficcao acao",
     "keanu carrie-anne fishburne weaving lana lilly",
     "Neo e os rebeldes de Zion enfrentam um "
     "exército de sentinelas enquanto o Oráculo revela novas pistas sobre a origem do "
     "Escolhido."},
    {"matrix-revolutions", "Matrix Revolutions", 2003, "14", 129, "filmes internacional",
     "ficcao acao", "keanu carrie-anne fishburne weaving lana lilly",
     "A guerra entre humanos e máquinas chega ao fim quando Neo decide enfrentar o Agente Smith "
     "no centro da metrópole das máquinas."},
    {"animatrix", "Animatrix", 2003, "14", 102, "anime filmes", "animacao ficcao", "",
     "Nove curtas animados de estúdios japoneses e americanos expandem o universo das máquinas "
     "e contam a queda da humanidade antes do surgimento da resistência."},
    {"filosofia-na-tela", "Filosofia na Tela", 2012, "12", 88, "documentarios", "historia", "",
     "Professores e cineastas discutem como o cinema popularizou grandes perguntas da filosofia, "
     "da caverna de Platão até Matrix e os sonhos de A Origem, em entrevistas, trechos de "
     "arquivo e debates com estudantes."},
    {"john-wick", "John Wick", 2014, "18", 101, "filmes internacional", "acao policial",
     "keanu stahelski",
     "Um assassino aposentado volta à ativa para se vingar dos criminosos "
     "que invadiram sua casa e mataram o cachorro que recebeu de presente da falecida esposa."},
    {"ouro-negro", "Ouro Negro", 2009, "L", 95, "documentarios nacional", "historia", "",
     "A descoberta do pré-sal e a trajetória da Petrobras contadas por engenheiros e "
     "trabalhadores das plataformas, com um olhar sobre o futuro da matriz energética do país."},
    {"cidade-de-deus", "Cidade de Deus", 2002, "16", 130, "filmes nacional", "drama policial",
     "alexandre leandro seu-jorge alice-braga meirelles katia",
     "Buscapé, um jovem pobre e "
     "sensível, cresce em uma comunidade violenta do Rio de Janeiro e encontra na fotografia "
     "uma saída, enquanto Zé Pequeno disputa o controle do tráfico."},
    {"cidade-baixa", "Cidade Baixa", 2005, "18", 93, "filmes nacional", "drama romance",
     "lazaro wagner alice-braga sergio-machado",
     "Dois amigos inseparáveis que ganham a vida "
     "com um barco no porto de Salvador se apaixonam pela mesma mulher, e a amizade é posta à "
     "prova."},
    {"cidadao-kane", "Cidadão Kane", 1941, "10", 119, "filmes classicos", "drama misterio",
     "welles",
     "Um repórter investiga a última palavra de um magnata da imprensa, Rosebud, e "
     "reconstrói a vida do homem por meio das lembranças de quem o conheceu."},
    {"casablanca", "Casablanca", 1942, "10", 102, "filmes classicos", "romance guerra",
     "bogart bergman curtiz",
     "Em plena Segunda Guerra, o dono de um café no Marrocos "
     "reencontra a mulher que amou em Paris e precisa escolher entre o amor e a ajuda à "
     "resistência."},
    {"limite", "Limite", 1931, "L", 120, "classicos nacional", "drama", "peixoto",
     "Três náufragos à deriva em um pequeno barco relembram o passado em um poema visual "
     "mudo, um marco do cinema brasileiro."},
    {"tempos-modernos", "Tempos Modernos", 1936, "L", 87, "filmes classicos", "comedia", "chaplin",
     "Um operário enlouquece com a linha de montagem de uma fábrica e tenta sobreviver à "
     "crise ao lado de uma órfã."},
    {"o-cangaceiro", "O Cangaceiro", 1953, "12", 105, "filmes classicos nacional",
     "faroeste aventura", "lima-barreto ruschel",
     "No sertão nordestino, um bando liderado pelo "
     "temido capitão Galdino sequestra uma professora, e um de seus homens se apaixona por ela "
     "e decide fugir."},
    {"deus-e-o-diabo", "Deus e o Diabo na Terra do Sol", 1964, "14", 120,
     "filmes classicos nacional", "drama faroeste", "othon geraldo yona glauber",
     "Depois de matar o patrão, o vaqueiro Manuel foge com a mulher e passa a seguir um beato "
     "messiânico e depois o cangaceiro Corisco, em uma jornada pelo sertão da Bahia."},
    {"auto-compadecida", "O Auto da Compadecida", 2000, "12", 104, "filmes nacional",
     "comedia aventura", "matheus selton fernanda-m nanini guel",
     "Os espertos João Grilo e "
     "Chicó enganam o padeiro, o padre e o bispo de Taperoá, até que a chegada do cangaceiro "
     "Severino leva todos a um julgamento celestial."},
    {"central-do-brasil", "Central do Brasil", 1998, "14", 113, "filmes nacional", "drama",
     "fernanda-m vinicius salles",
     "Dora, uma ex-professora que escreve cartas para analfabetos "
     "em uma estação de trem, relutantemente ajuda um menino a procurar o pai que ele nunca "
     "conheceu no sertão nordestino."},
    {"tropa-de-elite", "Tropa de Elite", 2007, "18", 115, "filmes nacional", "acao policial",
     "wagner andre-ramiro caio padilha",
     "O capitão Nascimento, do Batalhão de Operações "
     "Policiais Especiais do Rio de Janeiro, procura um substituto enquanto se prepara para a "
     "visita do papa a uma favela."},
    {"tropa-de-elite-2", "Tropa de Elite 2: O Inimigo Agora É Outro", 2010, "16", 116,
     "filmes nacional", "acao policial drama", "wagner andre-ramiro irandhir padilha",
     "Promovido a subsecretário de segurança, Nascimento descobre que as milícias e os "
     "políticos corruptos são inimigos mais perigosos do que o tráfico nas favelas do Rio."},
    {"bacurau", "Bacurau", 2019, "16", 131, "filmes nacional", "faroeste suspense",
     "sonia udo barbara-colen kleber juliano",
     "Dias depois da morte da matriarca, os moradores "
     "de um pequeno povoado do sertão percebem que a vila sumiu dos mapas e que forasteiros "
     "armados estão caçando cada um deles."},
    {"aquarius", "Aquarius", 2016, "16", 146, "filmes nacional", "drama", "sonia maeve kleber",
     "Clara, crítica de música aposentada e última moradora de um prédio à beira-mar no "
     "Recife, resiste a uma construtora que quer demoli-lo."},
    {"o-som-ao-redor", "O Som ao Redor", 2012, "16", 131, "filmes nacional", "drama suspense",
     "irandhir maeve kleber",
     "Uma empresa de segurança particular chega a uma rua de classe "
     "média no Recife, onde antigas tensões voltam à tona."},
    {"dona-flor", "Dona Flor e Seus Dois Maridos", 1976, "16", 110, "filmes nacional",
     "comedia romance", "sonia wilker mauro bruno-barreto",
     "Em Salvador, Flor perde o boêmio "
     "Vadinho no carnaval e se casa com um farmacêutico pacato, até que o fantasma do primeiro "
     "marido volta."},
    {"chihiro", "A Viagem de Chihiro", 2001, "L", 125, "anime infantil filmes", "animacao fantasia",
     "miyazaki",
     "Ao se mudar com os pais, uma menina entra em um mundo mágico de bruxas e "
     "espíritos e precisa trabalhar em uma casa de banhos para salvá-los."},
    {"totoro", "Meu Amigo Totoro", 1988, "L", 86, "anime infantil", "animacao fantasia familia",
     "miyazaki",
     "Duas irmãs se mudam para o interior, perto da mãe hospitalizada, e fazem "
     "amizade com criaturas mágicas da floresta."},
    {"reino-dos-sonhos", "O Reino dos Sonhos e da Loucura", 2013, "L", 118, "documentarios",
     "biografia", "",
     "Um ano nos bastidores do Studio Ghibli acompanhando Hayao Miyazaki, Isao "
     "Takahata e o produtor Toshio Suzuki durante a produção de dois filmes e os rumores da "
     "aposentadoria do mestre."},
    {"faroeste-caboclo", "Faroeste Caboclo", 2013, "16", 108, "filmes nacional", "drama faroeste",
     "fabricio isis rene",
     "Inspirado na canção de Renato Russo: João de Santo Cristo chega a "
     "Brasília e se envolve com o tráfico e com a bela Maria Lúcia."},
    {"era-uma-vez-no-oeste", "Era uma Vez no Oeste", 1968, "14", 165,
     "filmes classicos internacional", "faroeste", "leone cardinale fonda",
     "Uma viúva recém-chegada ao Velho Oeste, um misterioso pistoleiro que toca gaita e um "
     "bandido romântico enfrentam um matador contratado pela companhia da ferrovia."},
    {"acao-mortal", "Ação Mortal", 1996, "16", 97, "filmes", "acao suspense", "murilo",
     "Um ex-agente das forças especiais é chamado de volta para resgatar a filha de um "
     "diplomata, sequestrada por mercenários em uma ilha do Caribe."},
    {"coracao-de-estudante", "Coracao de Estudante", 2002, "12", 45, "novelas nacional",
     "romance melodrama", "",
     "Versao restaurada de uma novela exibida no comeco dos anos 2000, "
     "com a trilha sonora original, entrevistas com o elenco e cenas ineditas gravadas em Sao "
     "Paulo."},
    {"sao-paulo-sa", "São Paulo, Sociedade Anônima", 1965, "14", 107, "filmes classicos nacional",
     "drama", "walmor eva person",
     "Um jovem executivo da indústria automobilística se sente "
     "preso entre o casamento, as amantes e o emprego enquanto a metrópole cresce de forma "
     "acelerada nos anos cinquenta."},
    {"ainda-estou-aqui", "Ainda Estou Aqui", 2024, "14", 137, "filmes nacional", "drama biografia",
     "fernanda-t selton fernanda-m salles",
     "Rio de Janeiro, 1971: Eunice Paiva vê o marido ser "
     "levado por militares e transforma a dor em uma luta de décadas pela verdade."},
    {"diarios-de-motocicleta", "Diários de Motocicleta", 2004, "14", 126, "filmes internacional",
     "aventura biografia", "gael salles",
     "Em 1952, o jovem estudante de medicina Ernesto "
     "Guevara e o amigo Alberto Granado atravessam a América do Sul em uma velha moto e "
     "descobrem as desigualdades do continente."},
    {"abril-despedacado", "Abril Despedaçado", 2001, "14", 105, "filmes nacional", "drama",
     "santoro salles",
     "No sertão de 1910, um jovem de uma família de lavradores é obrigado a "
     "vingar a morte do irmão mais velho em uma antiga disputa de terras com o clã vizinho."},
    {"terra-estrangeira", "Terra Estrangeira", 1995, "16", 100, "filmes nacional", "drama suspense",
     "fernanda-t salles",
     "Depois da morte da mãe durante o confisco da poupança, um estudante "
     "paulistano parte para Lisboa e acaba envolvido com contrabandistas e com uma brasileira "
     "sem rumo."},
    {"o-que-e-isso-companheiro", "O Que É Isso, Companheiro?", 1997, "14", 110, "filmes nacional",
     "drama suspense", "fernanda-t pedro-cardoso bruno-barreto",
     "Em 1969, jovens militantes de "
     "esquerda sequestram o embaixador dos Estados Unidos no Rio de Janeiro para exigir a "
     "libertação de presos políticos."},
    {"ensaio-sobre-a-cegueira", "Ensaio sobre a Cegueira", 2008, "16", 121, "filmes internacional",
     "drama suspense", "julianne ruffalo meirelles",
     "Uma epidemia de cegueira branca se "
     "espalha, e os primeiros doentes são isolados em um manicômio onde só a mulher de um "
     "médico ainda enxerga."},
    {"o-palhaco", "O Palhaço", 2011, "12", 88, "filmes nacional", "comedia drama",
     "selton paulo-jose",
     "Benjamim, palhaço do Circo Esperança, viaja por Minas Gerais com o "
     "pai e começa a duvidar da própria vocação."},
    {"lavoura-arcaica", "Lavoura Arcaica", 2001, "16", 163, "filmes nacional", "drama",
     "selton cortez lf-carvalho",
     "André foge da fazenda da família e do pai autoritário, e "
     "quando o irmão mais velho vai buscá-lo, relembra a paixão proibida que o fez partir."},
    {"que-horas-ela-volta", "Que Horas Ela Volta?", 2015, "12", 112, "filmes nacional",
     "drama comedia", "regina camila muylaert",
     "Val, pernambucana que trabalha há anos como "
     "babá e empregada de uma família rica em São Paulo, vê sua rotina abalada quando a "
     "filha Jéssica chega para prestar vestibular."},
    {"pixote", "Pixote, a Lei do Mais Fraco", 1980, "18", 128, "filmes nacional", "drama policial",
     "marilia babenco",
     "Um menino de rua foge de um reformatório violento e sobrevive com "
     "pequenos golpes pelas ruas da capital paulista."},
    {"carandiru", "Carandiru", 2003, "18", 147, "filmes nacional", "drama policial",
     "santoro lazaro babenco",
     "Um médico que trabalha na prevenção da aids dentro do maior "
     "presídio da América Latina ouve as histórias dos detentos até o massacre de 1992."},
    {"ano-em-que-meus-pais", "O Ano em Que Meus Pais Saíram de Férias", 2006, "L", 110,
     "filmes nacional infantil", "drama familia", "joelsas cao",
     "Em 1970, durante a Copa do "
     "Mundo, um menino deixado pelos pais militantes com o avô aprende a conviver com a "
     "vizinhança do Bom Retiro."},
    {"eles-nao-usam-black-tie", "Eles Não Usam Black-Tie", 1981, "14", 120, "filmes nacional",
     "drama", "fernanda-m guarnieri hirszman",
     "Durante uma greve no ABC paulista, um jovem "
     "operário fura o movimento e entra em conflito com o pai, líder sindical."},
    {"turma-da-monica-lacos", "Turma da Mônica: Laços", 2019, "L", 97, "infantil filmes nacional",
     "aventura familia", "giulia rezende",
     "Quando o cachorro Floquinho desaparece, Cebolinha "
     "elabora um plano infalível e parte com Mônica, Magali e Cascão em uma jornada pela "
     "floresta para encontrá-lo."},
    {"sintonia", "Sintonia", 2019, "16", 45, "series nacional", "drama policial",
     "malheiros kondzilla",
     "Três amigos criados na mesma quebrada da periferia seguem caminhos "
     "diferentes entre o funk, o crime e a igreja, sem deixar de lado a amizade."},
    {"irmandade", "Irmandade", 2019, "16", 50, "series nacional", "drama policial",
     "seu-jorge naruna",
     "Uma advogada honesta descobre que o irmão preso lidera uma facção "
     "criminosa e é forçada a colaborar com a polícia infiltrando-se na organização."},
    {"o-mecanismo", "O Mecanismo", 2018, "16", 50, "series nacional", "drama policial",
     "selton caroline padilha",
     "Um delegado da Polícia Federal obcecado por um doleiro inicia "
     "uma investigação sobre lavagem de dinheiro que revela um gigantesco esquema de "
     "corrupção."},
    {"narcos", "Narcos", 2015, "18", 50, "series internacional", "policial drama",
     "wagner pascal padilha",
     "Agentes americanos e a polícia colombiana travam uma guerra "
     "contra Pablo Escobar e o cartel de Medellín nos anos oitenta."},
    {"os-normais", "Os Normais", 2001, "14", 30, "series nacional", "comedia sitcom",
     "fernanda-t guimaraes",
     "Rui e Vani formam um casal que vive as situações mais "
     "constrangedoras do cotidiano, com manias, ciúmes e conversas francas sobre a vida a dois."},
    {"amazonia-viva", "Amazônia Viva", 2012, "L", 85, "documentarios nacional", "natureza", "",
     "Um retrato da floresta amazônica e de quem vive dela, de ribeirinhos a cientistas, com "
     "projetos que conciliam a preservação com o desenvolvimento econômico da região."},
    {"senna", "Senna", 2010, "12", 106, "documentarios internacional", "esporte biografia",
     "kapadia",
     "Imagens de arquivo contam a trajetória de Ayrton Senna, do kart à Fórmula 1, "
     "a rivalidade com Alain Prost e a morte em Ímola em 1994."},
    {"naruto", "Naruto", 2002, "12", 23, "anime series", "shonen acao aventura", "junko",
     "Um jovem ninja rejeitado pela vila por carregar uma raposa de nove caudas sonha em se "
     "tornar Hokage e ser reconhecido por todos."},
    {"cavaleiros-do-zodiaco", "Os Cavaleiros do Zodíaco", 1986, "10", 25, "anime series",
     "shonen acao fantasia", "",
     "Cinco jovens guerreiros vestem armaduras sagradas inspiradas "
     "nas constelações para proteger a deusa Atena das ameaças dos deuses do Olimpo."},
    {"tropicalia", "Tropicália", 2012, "L", 87, "documentarios nacional", "musical historia", "",
     "O movimento que misturou rock, bossa nova e cultura popular no fim dos anos sessenta, com "
     "imagens raras de Caetano Veloso, Gilberto Gil e Os Mutantes."},
    {"ilha-das-flores", "Ilha das Flores", 1989, "12", 13, "curtas nacional", "experimental",
     "furtado paulo-jose",
     "Um tomate plantado em Porto Alegre é acompanhado do campo até um "
     "lixão na Ilha das Flores, em uma crítica bem-humorada e devastadora à desigualdade."},
    {"pacto-de-sangue", "Pacto de Sangue", 1944, "14", 107, "filmes classicos", "noir policial",
     "stanwyck wilder",
     "Um vendedor de seguros e uma mulher casada tramam a morte do marido "
     "para receber uma indenização em dobro."},
    {"o-terceiro-homem", "O Terceiro Homem", 1949, "12", 104, "filmes classicos internacional",
     "noir suspense", "welles cotten reed",
     "Um escritor americano chega à Viena do pós-guerra "
     "para trabalhar com um velho amigo e descobre que ele morreu em circunstâncias suspeitas."},
    {"o-animal-cordial", "O Animal Cordial", 2017, "18", 98, "filmes nacional", "terror suspense",
     "murilo gabriela",
     "Durante um assalto a um restaurante na hora de fechar, o dono resolve "
     "reagir e transforma a noite em um pesadelo sangrento para clientes e funcionários."},
    {"dois-filhos-de-francisco", "2 Filhos de Francisco", 2005, "L", 132, "filmes nacional",
     "drama musical biografia", "dira breno",
     "A história real do lavrador Francisco, que "
     "enfrentou a pobreza no interior de Goiás para transformar dois de seus filhos em uma "
     "famosa dupla sertaneja."},
    {"vidas-secas", "Vidas Secas", 1963, "12", 103, "filmes classicos nacional", "drama",
     "atila nelson",
     "Fugindo da seca, uma família de retirantes atravessa o sertão com a "
     "cachorra Baleia em busca de trabalho e de uma vida menos miserável."},
};

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

/// "a b" with prefix "p-" -> {"p-a", "p-b"}.
std::vector<std::string> prefixed(std::string_view prefix, std::string_view keys) {
    std::vector<std::string> out;
    while (!keys.empty()) {
        std::size_t end = keys.find(' ');
        out.push_back(join({prefix, keys.substr(0, end)}));
        keys.remove_prefix(end == std::string_view::npos ? keys.size() : end + 1);
    }
    return out;
}

std::vector<CatalogTitle> anchor_titles() {
    std::vector<CatalogTitle> titles;
    titles.reserve(std::size(kAnchors));
    for (const AnchorRow& row : kAnchors) {
        titles.push_back({std::string(row.key), std::string(row.title),
                          std::string(row.description), row.year, std::string(row.rating),
                          row.duration, prefixed("cat-", row.categories),
                          prefixed("genre-", row.genres), prefixed("p-", row.cast)});
    }
    return titles;
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

Catalog relevance_catalog() {
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
