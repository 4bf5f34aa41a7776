package main

type category struct {
	name, description string
	inactive, deleted bool
}

type genre struct {
	name       string
	inactive   bool
	categories []string
}

type castMember struct{ name, kind string }

type video struct {
	title, description string
	year               int
	opened, draft      bool
	rating             string
	duration           float64
	status             string // of the main video media
	categories         []string
	genres             []string
	cast               []string
}

var categories = []category{
	{name: "Filmes", description: "Longas-metragens nacionais e internacionais"},
	{name: "Séries", description: "Temporadas completas e episódios"},
	{name: "Documentários", description: "Histórias reais, natureza e ciência"},
	{name: "Infantil", description: "Para assistir em família"},
	{name: "Animação", description: "Desenhos e animações para todas as idades"},
	{name: "Movies", description: "Feature films in English"},
	{name: "Documentaries", description: "True stories from around the world"},
	{name: "Kids", description: "Safe picks for children"},
	{name: "Clássicos", description: "Os filmes que marcaram época"},
	{name: "Lançamentos", description: "Chegaram agora ao catálogo"},
	{name: "Esportes", description: "Futebol, vôlei e muito mais"},
	{name: "Música", description: "Shows, clipes e documentários musicais"},
	{name: "Stand-up", description: "Comédia ao vivo"},
	{name: "Nacionais", description: "Produções brasileiras"},
	{name: "Internacionais", description: "O melhor do cinema mundial"},
	{name: "Curtas", description: "Histórias em poucos minutos"},
	{name: "Anime", description: "Animação japonesa"},
	{name: "Reality", description: "Competições e bastidores"},
	{name: "Novelas", description: "Dramaturgia em capítulos"},
	{name: "Natureza", description: "Vida selvagem e paisagens"},
	{name: "Ciência", description: "Descobertas e explicações"},
	{name: "História", description: "Grandes eventos do passado"},
	{name: "Cult", description: "Favoritos de nicho"},
	{name: "Independentes", description: "Cinema autoral e independente"},
	{name: "Em breve", description: "Ainda não disponível", inactive: true},
	{name: "Arquivo morto", description: "Removida pelo admin", deleted: true},
}

var genres = []genre{
	{name: "Ação", categories: []string{"Filmes", "Movies", "Séries"}},
	{name: "Aventura", categories: []string{"Filmes", "Infantil", "Movies"}},
	{name: "Comédia", categories: []string{"Filmes", "Séries", "Stand-up"}},
	{name: "Drama", categories: []string{"Filmes", "Séries", "Novelas"}},
	{name: "Ficção científica", categories: []string{"Filmes", "Movies", "Cult"}},
	{name: "Suspense", categories: []string{"Filmes", "Séries"}},
	{name: "Terror", categories: []string{"Filmes", "Cult"}},
	{name: "Romance", categories: []string{"Filmes", "Novelas"}},
	{name: "Documentary", categories: []string{"Documentários", "Documentaries"}},
	{name: "Família", categories: []string{"Infantil", "Kids", "Animação"}},
	{name: "Fantasia", categories: []string{"Filmes", "Animação", "Anime"}},
	{name: "Musical", categories: []string{"Música", "Filmes"}},
	{name: "Policial", categories: []string{"Filmes", "Séries"}},
	{name: "Biografia", categories: []string{"Documentários", "História"}},
	{name: "Esporte", categories: []string{"Esportes", "Documentários"}},
	{name: "Thriller", categories: []string{"Movies", "Internacionais"}},
	{name: "Western", categories: []string{"Clássicos", "Movies"}},
	{name: "Faroeste antigo", inactive: true, categories: []string{"Clássicos"}},
}

var cast = []castMember{
	{"Fernanda Montenegro", "ACTOR"}, {"Wagner Moura", "ACTOR"}, {"Alice Braga", "ACTOR"},
	{"Rodrigo Santoro", "ACTOR"}, {"Selton Mello", "ACTOR"}, {"Matheus Nachtergaele", "ACTOR"},
	{"Sônia Braga", "ACTOR"}, {"Lázaro Ramos", "ACTOR"}, {"Taís Araújo", "ACTOR"},
	{"Keanu Reeves", "ACTOR"}, {"Carrie-Anne Moss", "ACTOR"}, {"Laurence Fishburne", "ACTOR"},
	{"Meryl Streep", "ACTOR"}, {"Tom Hanks", "ACTOR"}, {"Viola Davis", "ACTOR"},
	{"Denzel Washington", "ACTOR"}, {"Cate Blanchett", "ACTOR"}, {"Morgan Freeman", "ACTOR"},
	{"Zoe Saldaña", "ACTOR"}, {"Gael García Bernal", "ACTOR"}, {"Penélope Cruz", "ACTOR"},
	{"Fernando Meirelles", "DIRECTOR"}, {"Walter Salles", "DIRECTOR"}, {"Kátia Lund", "DIRECTOR"},
	{"Guel Arraes", "DIRECTOR"}, {"Anna Muylaert", "DIRECTOR"}, {"Kleber Mendonça Filho", "DIRECTOR"},
	{"Lana Wachowski", "DIRECTOR"}, {"Lilly Wachowski", "DIRECTOR"}, {"Greta Gerwig", "DIRECTOR"},
	{"Alfonso Cuarón", "DIRECTOR"}, {"Pedro Almodóvar", "DIRECTOR"}, {"Ava DuVernay", "DIRECTOR"},
	{"Bong Joon-ho", "DIRECTOR"}, {"Ator Aposentado", "ACTOR"},
}

var videos = []video{
	{"Cidade de Deus", "A vida na favela carioca vista pelos olhos de um jovem fotógrafo.", 2002, false, false, "18", 130, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Clássicos"}, []string{"Drama", "Policial"}, []string{"Alice Braga", "Matheus Nachtergaele", "Fernando Meirelles", "Kátia Lund"}},
	{"Central do Brasil", "Uma ex-professora e um menino atravessam o sertão em busca do pai dele.", 1998, false, false, "14", 113, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Clássicos"}, []string{"Drama"}, []string{"Fernanda Montenegro", "Walter Salles"}},
	{"O Auto da Compadecida", "As aventuras de João Grilo e Chicó no sertão nordestino.", 2000, true, false, "12", 104, "COMPLETED",
		[]string{"Filmes", "Nacionais"}, []string{"Comédia", "Aventura"}, []string{"Matheus Nachtergaele", "Selton Mello", "Fernanda Montenegro", "Guel Arraes"}},
	{"Tropa de Elite", "O capitão Nascimento enfrenta o tráfico e a corrupção no Rio.", 2007, false, false, "16", 115, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Lançamentos"}, []string{"Ação", "Policial"}, []string{"Wagner Moura"}},
	{"Que Horas Ela Volta?", "Uma empregada doméstica recebe a filha que não vê há anos.", 2015, false, false, "12", 112, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Independentes"}, []string{"Drama", "Comédia"}, []string{"Anna Muylaert"}},
	{"Bacurau", "Um povoado do sertão descobre que sumiu do mapa.", 2019, false, false, "16", 131, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Cult"}, []string{"Suspense", "Ficção científica"}, []string{"Sônia Braga", "Kleber Mendonça Filho"}},
	{"Aquarius", "Uma crítica musical resiste à pressão de uma construtora.", 2016, false, false, "16", 146, "COMPLETED",
		[]string{"Filmes", "Nacionais"}, []string{"Drama"}, []string{"Sônia Braga", "Kleber Mendonça Filho"}},
	{"Ação em Dobro", "Dois irmãos gêmeos em uma perseguição pelas ruas de São Paulo.", 2021, true, false, "14", 98, "COMPLETED",
		[]string{"Filmes", "Lançamentos"}, []string{"Ação", "Comédia"}, []string{"Lázaro Ramos", "Taís Araújo"}},
	{"Coração de Estudante", "Uma série sobre amizade e sonhos em uma escola pública.", 2023, true, false, "L", 45, "COMPLETED",
		[]string{"Séries", "Nacionais"}, []string{"Drama", "Romance"}, []string{"Taís Araújo", "Lázaro Ramos"}},
	{"A Vida Invisível", "Duas irmãs separadas pelo destino no Rio dos anos 1950.", 2019, false, false, "16", 139, "COMPLETED",
		[]string{"Filmes", "Nacionais"}, []string{"Drama", "Romance"}, []string{"Fernanda Montenegro"}},
	{"The Matrix", "A hacker learns that his world is a simulation and joins the resistance.", 1999, false, false, "14", 136, "COMPLETED",
		[]string{"Movies", "Internacionais", "Cult"}, []string{"Ação", "Ficção científica"}, []string{"Keanu Reeves", "Carrie-Anne Moss", "Laurence Fishburne", "Lana Wachowski", "Lilly Wachowski"}},
	{"The Matrix Reloaded", "Neo and the rebels fight the machines as Zion prepares for war.", 2003, false, false, "14", 138, "COMPLETED",
		[]string{"Movies", "Internacionais"}, []string{"Ação", "Ficção científica"}, []string{"Keanu Reeves", "Carrie-Anne Moss", "Laurence Fishburne", "Lana Wachowski"}},
	{"Forrest Gump", "A kind man from Alabama witnesses decades of American history.", 1994, false, false, "12", 142, "COMPLETED",
		[]string{"Movies", "Clássicos", "Internacionais"}, []string{"Drama", "Romance"}, []string{"Tom Hanks"}},
	{"Little Women", "Four sisters come of age in post-Civil War Massachusetts.", 2019, false, false, "L", 135, "COMPLETED",
		[]string{"Movies", "Internacionais"}, []string{"Drama", "Romance"}, []string{"Meryl Streep", "Greta Gerwig"}},
	{"Roma", "A year in the life of a housekeeper in Mexico City.", 2018, false, false, "16", 135, "COMPLETED",
		[]string{"Movies", "Internacionais", "Independentes"}, []string{"Drama"}, []string{"Alfonso Cuarón"}},
	{"Parasite", "A poor family schemes its way into the household of a rich one.", 2019, false, false, "16", 132, "COMPLETED",
		[]string{"Movies", "Internacionais", "Cult"}, []string{"Thriller", "Comédia", "Drama"}, []string{"Bong Joon-ho"}},
	{"Volver", "Three generations of women face the ghosts of their past in La Mancha.", 2006, false, false, "14", 121, "COMPLETED",
		[]string{"Movies", "Internacionais"}, []string{"Drama", "Comédia"}, []string{"Penélope Cruz", "Pedro Almodóvar"}},
	{"Selma", "The 1965 marches from Selma to Montgomery for voting rights.", 2014, false, false, "12", 128, "COMPLETED",
		[]string{"Movies", "História"}, []string{"Biografia", "Drama"}, []string{"Ava DuVernay"}},
	{"Fences", "A former baseball player struggles with his family in 1950s Pittsburgh.", 2016, false, false, "14", 139, "COMPLETED",
		[]string{"Movies", "Internacionais"}, []string{"Drama"}, []string{"Denzel Washington", "Viola Davis"}},
	{"Planeta Água", "Uma viagem pelos rios e oceanos que sustentam a vida na Terra.", 2020, true, false, "L", 52, "COMPLETED",
		[]string{"Documentários", "Natureza", "Ciência"}, []string{"Documentary"}, []string{"Morgan Freeman"}},
	{"Our Wild Planet", "Wildlife on every continent, filmed over four years.", 2021, true, false, "L", 58, "COMPLETED",
		[]string{"Documentaries", "Natureza"}, []string{"Documentary"}, []string{"Morgan Freeman"}},
	{"Pelé: O Rei", "A trajetória do maior jogador de futebol de todos os tempos.", 2021, false, false, "L", 108, "COMPLETED",
		[]string{"Documentários", "Esportes", "História"}, []string{"Biografia", "Esporte"}, []string{"Rodrigo Santoro"}},
	{"Samba de Roda", "Os mestres do samba do Recôncavo baiano contam sua história.", 2018, true, false, "L", 74, "COMPLETED",
		[]string{"Documentários", "Música", "Nacionais"}, []string{"Documentary", "Musical"}, []string{"Selton Mello"}},
	{"A Turma do Quintal", "Crianças transformam o quintal em um reino de aventuras.", 2022, true, false, "ER", 82, "COMPLETED",
		[]string{"Infantil", "Animação", "Kids"}, []string{"Família", "Aventura", "Fantasia"}, []string{"Lázaro Ramos"}},
	{"Dragon Valley", "A young girl befriends the last dragon of her valley.", 2020, true, false, "L", 95, "COMPLETED",
		[]string{"Kids", "Animação"}, []string{"Família", "Fantasia", "Aventura"}, []string{"Zoe Saldaña"}},
	{"Espíritos da Floresta", "Um anime sobre os guardiões de uma floresta encantada.", 2017, false, false, "10", 110, "COMPLETED",
		[]string{"Anime", "Animação"}, []string{"Fantasia", "Aventura"}, []string{"Alice Braga"}},
	{"Noite de Stand-up", "Os melhores comediantes do país em uma noite só.", 2024, true, false, "16", 70, "COMPLETED",
		[]string{"Stand-up"}, []string{"Comédia"}, []string{"Selton Mello", "Lázaro Ramos"}},
	{"Mar Aberto", "Pescadores do litoral cearense enfrentam a última temporada de lagosta.", 2023, false, false, "12", 99, "COMPLETED",
		[]string{"Filmes", "Nacionais", "Independentes"}, []string{"Drama"}, []string{"Wagner Moura", "Alice Braga"}},
	{"Night Train", "Strangers on an overnight train share a dangerous secret.", 2022, false, false, "16", 104, "COMPLETED",
		[]string{"Movies", "Lançamentos"}, []string{"Thriller", "Suspense"}, []string{"Cate Blanchett", "Gael García Bernal"}},
	{"O Último Faroeste", "Um pistoleiro aposentado volta ao sertão para um último acerto.", 2012, false, false, "14", 118, "COMPLETED",
		[]string{"Filmes", "Clássicos"}, []string{"Western", "Ação"}, []string{"Rodrigo Santoro"}},
	{"A Casa Assombrada", "Uma família se muda para um casarão com um passado sombrio.", 2019, false, false, "18", 96, "COMPLETED",
		[]string{"Filmes"}, []string{"Terror", "Suspense"}, []string{"Sônia Braga"}},
	{"Detetive Nordeste", "Uma série policial nas ruas de Recife.", 2024, false, false, "14", 50, "PROCESSING",
		[]string{"Séries", "Nacionais", "Lançamentos"}, []string{"Policial", "Suspense"}, []string{"Wagner Moura", "Kleber Mendonça Filho"}},
	{"Rascunho", "Um filme ainda em edição, fora do catálogo público.", 2025, false, true, "12", 90, "PENDING",
		[]string{"Filmes", "Em breve"}, []string{"Drama"}, []string{"Taís Araújo"}},
	{"Ciência em Casa", "Experimentos simples para fazer com as crianças.", 2022, true, false, "ER", 25, "COMPLETED",
		[]string{"Kids", "Ciência", "Infantil"}, []string{"Família", "Documentary"}, []string{"Taís Araújo"}},
	{"Vozes do Sertão", "Cantadores e repentistas do Nordeste em um musical documental.", 2016, false, false, "L", 88, "ERROR",
		[]string{"Música", "Nacionais", "Arquivo morto"}, []string{"Musical", "Faroeste antigo"}, []string{"Ator Aposentado"}},
	{"Coming Home", "A soldier returns to a town that has moved on without him.", 2025, false, false, "14", 112, "PROCESSING",
		[]string{"Movies", "Lançamentos"}, []string{"Drama"}, []string{"Denzel Washington", "Viola Davis"}},
}
