package storetest

import (
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func search(t *testing.T, s domain.Store, kind domain.Kind, text string) page {
	t.Helper()
	return mustList(t, s, kind, domain.ListQuery{Search: text, Limit: 50})
}

func wantFound(t *testing.T, s domain.Store, kind domain.Kind, text string, want ...string) {
	t.Helper()
	p := search(t, s, kind, text)
	equalIDs(t, "search "+string(kind)+" "+text, ids(p.items), want)
	if p.total != len(want) {
		t.Errorf("search %s %q: total %d, want %d", kind, text, p.total, len(want))
	}
}

var searchTests = map[string]func(t *testing.T, s domain.Store){
	"AccentAndCaseInsensitive": func(t *testing.T, s domain.Store) {
		put(t, s, Pos(1), Category("c1", "Ação"), Category("c2", "Animação"), Category("c3", "Drama"))
		for _, text := range []string{"acao", "ACAO", "ação", "AÇÃO"} {
			wantFound(t, s, domain.KindCategory, text, "c1")
		}
		wantFound(t, s, domain.KindCategory, "animacao", "c2")
		wantFound(t, s, domain.KindCategory, "DRAMA", "c3")
	},
	"PrefixAndTypo": func(t *testing.T, s domain.Store) {
		put(t, s, Pos(1), Video("v1", "Matrix"), Video("v2", "Mad Max"), CastMember("m1", "Keanu Reeves"))
		wantFound(t, s, domain.KindVideo, "matr", "v1")
		wantFound(t, s, domain.KindVideo, "matrx", "v1")
		wantFound(t, s, domain.KindCastMember, "keanu reevs", "m1")
		wantFound(t, s, domain.KindCastMember, "kea", "m1")
		wantFound(t, s, domain.KindVideo, "zzzz")
	},
	"RelevanceFirst": func(t *testing.T, s domain.Store) {
		put(t, s, Pos(1), Video("v1", "The Matrix"), Video("v2", "Matrix Reloaded"), Video("v3", "Reloaded Memories"),
			Video("v4", "Unrelated"))
		p := search(t, s, domain.KindVideo, "matrix reloaded")
		equalIDs(t, "matches", ids(p.items), []string{"v1", "v2", "v3"})
		if len(p.items) == 0 || p.items[0].EntityID() != "v2" {
			t.Errorf("best match first: got %v, want v2 first", orderedIDs(p.items))
		}
		p = search(t, s, domain.KindVideo, "reloaded memories")
		if len(p.items) == 0 || p.items[0].EntityID() != "v3" {
			t.Errorf("best match first: got %v, want v3 first", orderedIDs(p.items))
		}
	},
	"VideoTitleAndDescription": func(t *testing.T, s domain.Store) {
		v := Video("v1", "Matrix")
		v.Description = "A hacker learns the truth"
		c := Category("c1", "Drama")
		c.Description = "hacker stories"
		put(t, s, Pos(1), v, Video("v2", "Hackers"), c)
		wantFound(t, s, domain.KindVideo, "hacker", "v1", "v2")
		// Other kinds search their name only.
		wantFound(t, s, domain.KindCategory, "hacker")
	},
	"OnlyVisible": func(t *testing.T, s domain.Store) {
		draft := Video("v2", "Matrix Draft")
		draft.Published = false
		inactive := Genre("g2", "Action Hidden")
		inactive.Active = false
		put(t, s, Pos(1), Video("v1", "Matrix"), draft, Genre("g1", "Action"), inactive)
		wantFound(t, s, domain.KindVideo, "matrix", "v1")
		wantFound(t, s, domain.KindGenre, "action", "g1")
	},
	"CursorWalkByRelevance": func(t *testing.T, s domain.Store) {
		for i, title := range []string{"Matrix", "Matrix Reloaded", "Matrix Revolutions", "The Matrix Online",
			"Animatrix", "Matrix", "Matriz", "Other"} {
			put(t, s, Pos(i+1), Video(ID("v", i), title))
		}
		q := domain.ListQuery{Search: "matrix"}
		all := mustList(t, s, domain.KindVideo, domain.ListQuery{Search: "matrix", Limit: 50})
		for _, limit := range []int{1, 2, 3} {
			got := walk(t, s, domain.KindVideo, q, limit, all.total)
			equalIDs(t, "relevance walk", got, orderedIDs(all.items))
		}
		if all.total < 5 {
			t.Errorf("search matrix found %v, want at least the five titles with matrix", orderedIDs(all.items))
		}
	},
}
