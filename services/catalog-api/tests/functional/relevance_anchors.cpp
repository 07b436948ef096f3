// The hand-written part of the relevance catalog: categories, genres, anchor titles and people.

#include "relevance_anchors.hpp"

#include <iterator>
#include <string>
#include <string_view>

namespace codeflix::catalog_api::testing::anchors {
namespace {

// Categories and genres. The first category of every genre is the one generated titles take,
// and it is never cat-classicos: only anchor titles are classics, so filters on it are exact.

std::vector<CatalogCategory> all_categories_table() {
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

std::vector<CatalogGenre> all_genres_table() {
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

std::vector<CatalogPerson> anchor_people_table() {
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

/// "a b" with prefix "p-" -> {"p-a", "p-b"}.
std::vector<std::string> prefixed(std::string_view prefix, std::string_view keys) {
    std::vector<std::string> out;
    while (!keys.empty()) {
        std::size_t end = keys.find(' ');
        out.push_back(std::string(prefix) + std::string(keys.substr(0, end)));
        keys.remove_prefix(end == std::string_view::npos ? keys.size() : end + 1);
    }
    return out;
}

}  // namespace

std::vector<CatalogCategory> all_categories() { return all_categories_table(); }
std::vector<CatalogGenre> all_genres() { return all_genres_table(); }
std::vector<CatalogPerson> anchor_people() { return anchor_people_table(); }

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

}  // namespace codeflix::catalog_api::testing::anchors
