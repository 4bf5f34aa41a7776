package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

type videoFixture struct {
	id, title        string
	cats, genres, mc []string
	rating           domain.Rating
	year             int
	opened           bool
}

// seedVideos stores five published videos and an unpublished one that shares
// their relations, so that any leak of invisible videos shows in counts.
func seedVideos(t *testing.T, s domain.Store) {
	for i, f := range []videoFixture{
		{"v1", "Alpha Film", []string{"c1"}, []string{"g1"}, []string{"m1"}, "L", 2000, true},
		{"v2", "Beta Film", []string{"c2"}, []string{"g1", "g2"}, []string{"m2"}, "14", 2005, false},
		{"v3", "Gamma Show", []string{"c1", "c2"}, []string{"g2"}, []string{"m1", "m2"}, "18", 2010, true},
		{"v4", "Delta Film", nil, nil, nil, "L", 1995, false},
		{"v5", "Zeta Film", []string{"c1"}, []string{"g1"}, []string{"m1"}, "L", 2000, true},
		{"v6", "Epsilon Show", []string{"c2"}, []string{"g2"}, nil, "14", 2005, true},
	} {
		v := Video(f.id, f.title)
		v.Rating, v.YearLaunched, v.Opened = f.rating, f.year, f.opened
		v.Published = f.id != "v5"
		put(t, s, Pos(10*i+1), v)
		for j, c := range f.cats {
			rel(t, s, Link(domain.VideoCategories, f.id, c, Pos(10*i+2+j)), domain.Applied)
		}
		for j, g := range f.genres {
			rel(t, s, Link(domain.VideoGenres, f.id, g, Pos(10*i+4+j)), domain.Applied)
		}
		for j, m := range f.mc {
			rel(t, s, Link(domain.VideoCastMembers, f.id, m, Pos(10*i+6+j)), domain.Applied)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func listVideos(t *testing.T, s domain.Store, q domain.VideoQuery) domain.VideoPage {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 50
	}
	p, err := s.ListVideos(context.Background(), q)
	if err != nil {
		t.Fatalf("ListVideos(%+v): %v", q, err)
	}
	return p
}

var filterTests = map[string]func(t *testing.T, s domain.Store){
	"EachFilterAndCombination": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		for _, c := range []struct {
			name   string
			search string
			filter domain.VideoFilter
			want   []string
		}{
			{"none", "", domain.VideoFilter{}, []string{"v1", "v2", "v3", "v4", "v6"}},
			{"category", "", domain.VideoFilter{CategoryIDs: []string{"c1"}}, []string{"v1", "v3"}},
			{"categories any of", "", domain.VideoFilter{CategoryIDs: []string{"c1", "c2"}}, []string{"v1", "v2", "v3", "v6"}},
			{"genre", "", domain.VideoFilter{GenreIDs: []string{"g2"}}, []string{"v2", "v3", "v6"}},
			{"cast member", "", domain.VideoFilter{CastMemberIDs: []string{"m1"}}, []string{"v1", "v3"}},
			{"unknown id", "", domain.VideoFilter{CategoryIDs: []string{"c9"}}, nil},
			{"ratings", "", domain.VideoFilter{Ratings: []domain.Rating{"L", "18"}}, []string{"v1", "v3", "v4"}},
			{"year", "", domain.VideoFilter{YearLaunched: ptr(2005)}, []string{"v2", "v6"}},
			{"year from", "", domain.VideoFilter{YearFrom: ptr(2000)}, []string{"v1", "v2", "v3", "v6"}},
			{"year to", "", domain.VideoFilter{YearTo: ptr(2000)}, []string{"v1", "v4"}},
			{"year range", "", domain.VideoFilter{YearFrom: ptr(2000), YearTo: ptr(2005)}, []string{"v1", "v2", "v6"}},
			{"opened", "", domain.VideoFilter{Opened: ptr(true)}, []string{"v1", "v3", "v6"}},
			{"not opened", "", domain.VideoFilter{Opened: ptr(false)}, []string{"v2", "v4"}},
			{"combined", "", domain.VideoFilter{CategoryIDs: []string{"c1", "c2"}, Opened: ptr(false), YearFrom: ptr(2000)}, []string{"v2"}},
			{"combined relations", "", domain.VideoFilter{GenreIDs: []string{"g1"}, CastMemberIDs: []string{"m2"}}, []string{"v2"}},
			{"search and filter", "film", domain.VideoFilter{CategoryIDs: []string{"c1"}}, []string{"v1"}},
			{"search and rating", "show", domain.VideoFilter{Ratings: []domain.Rating{"14"}}, []string{"v6"}},
		} {
			p := listVideos(t, s, domain.VideoQuery{ListQuery: domain.ListQuery{Search: c.search}, Filter: c.filter})
			equalIDs(t, c.name, ids(p.Items), c.want)
			if p.Total != len(c.want) {
				t.Errorf("%s: total %d, want %d", c.name, p.Total, len(c.want))
			}
			if p.Facets != nil {
				t.Errorf("%s: facets %+v without asking", c.name, p.Facets)
			}
		}
	},
	"FilteredCursorWalk": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		q := domain.VideoQuery{Filter: domain.VideoFilter{YearFrom: ptr(2000)}, ListQuery: domain.ListQuery{Limit: 1}}
		var seen []string
		for range 10 {
			p := listVideos(t, s, q)
			seen = append(seen, orderedIDs(p.Items)...)
			if !p.HasNext {
				break
			}
			q.After = p.Cursors[len(p.Cursors)-1]
		}
		equalIDs(t, "walk", seen, []string{"v1", "v2", "v6", "v3"}) // by title
	},
}

func counts(pairs ...any) []domain.FacetCount {
	var out []domain.FacetCount
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, domain.FacetCount{Value: fmt.Sprint(pairs[i]), Count: pairs[i+1].(int)})
	}
	return out
}

func wantFacets(t *testing.T, what string, got *domain.Facets, want domain.Facets) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s: no facets", what)
	}
	for _, f := range []struct {
		name      string
		got, want []domain.FacetCount
	}{
		{"categories", got.Categories, want.Categories},
		{"genres", got.Genres, want.Genres},
		{"ratings", got.Ratings, want.Ratings},
		{"years", got.Years, want.Years},
	} {
		if len(f.got) != 0 || len(f.want) != 0 {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Errorf("%s %s = %v, want %v", what, f.name, f.got, f.want)
			}
		}
	}
}

var facetTests = map[string]func(t *testing.T, s domain.Store){
	"WholeCatalog": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		p := listVideos(t, s, domain.VideoQuery{ListQuery: domain.ListQuery{Limit: 1}, Facets: true})
		wantFacets(t, "all", p.Facets, domain.Facets{
			Categories: counts("c2", 3, "c1", 2),
			Genres:     counts("g2", 3, "g1", 2),
			Ratings:    counts("14", 2, "L", 2, "18", 1),
			Years:      counts(2005, 2, 1995, 1, 2000, 1, 2010, 1),
		})
		if p.Total != 5 || len(p.Items) != 1 {
			t.Errorf("total %d with %d items, want 5 with 1: facets ignore pagination", p.Total, len(p.Items))
		}
	},
	"FollowFilter": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		p := listVideos(t, s, domain.VideoQuery{Filter: domain.VideoFilter{Ratings: []domain.Rating{"14"}}, Facets: true})
		wantFacets(t, "rating 14", p.Facets, domain.Facets{
			Categories: counts("c2", 2),
			Genres:     counts("g2", 2, "g1", 1),
			Ratings:    counts("14", 2),
			Years:      counts(2005, 2),
		})
	},
	"FollowSearch": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		p := listVideos(t, s, domain.VideoQuery{ListQuery: domain.ListQuery{Search: "show"}, Facets: true})
		wantFacets(t, "search show", p.Facets, domain.Facets{
			Categories: counts("c2", 2, "c1", 1),
			Genres:     counts("g2", 2),
			Ratings:    counts("14", 1, "18", 1),
			Years:      counts(2005, 1, 2010, 1),
		})
	},
	"EmptyResult": func(t *testing.T, s domain.Store) {
		seedVideos(t, s)
		p := listVideos(t, s, domain.VideoQuery{Filter: domain.VideoFilter{CategoryIDs: []string{"c9"}}, Facets: true})
		wantFacets(t, "no match", p.Facets, domain.Facets{})
		if p.Total != 0 {
			t.Errorf("total %d, want 0", p.Total)
		}
	},
}
