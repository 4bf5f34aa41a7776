package graphql_test

import (
	"fmt"
	"slices"
	"testing"
)

type connection struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage bool
		EndCursor   *string
	}
	Edges []struct {
		Cursor string
		Node   node
	}
	Nodes []node
}

func videos(t *testing.T, args string, vars map[string]any) connection {
	t.Helper()
	var data struct{ Videos connection }
	run(t, `query($after: String) { videos(after: $after, `+args+`) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`, vars, &data)
	return data.Videos
}

func TestVideosListsPublishedVideosByTitle(t *testing.T) {
	c := videos(t, "", nil)
	want := []string{"v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08"}
	if got := idsOf(c.Nodes); !slices.Equal(got, want) || c.TotalCount != 8 || c.PageInfo.HasNextPage {
		t.Errorf("videos = %v (total %d, next %v), want %v", got, c.TotalCount, c.PageInfo.HasNextPage, want)
	}
	for i, e := range c.Edges {
		if e.Node.ID != c.Nodes[i].ID || e.Cursor == "" {
			t.Errorf("edge %d = %+v, want node %s with a cursor", i, e, c.Nodes[i].ID)
		}
	}
	if c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
		t.Errorf("endCursor = %v, want the last edge's cursor", c.PageInfo.EndCursor)
	}
}

func TestVideosSearch(t *testing.T) {
	for search, want := range map[string][]string{
		"ocean":   {"v04"},
		"echos":   {"v05"}, // accents folded
		"LIGHTS":  {"v03"}, // case folded
		"journ":   {"v01"}, // prefix
		"nothing": {},
	} {
		c := videos(t, `search: "`+search+`"`, nil)
		if got := idsOf(c.Nodes); !slices.Equal(got, want) || c.TotalCount != len(want) {
			t.Errorf("search %q = %v (total %d), want %v", search, got, c.TotalCount, want)
		}
	}
}

func TestVideosFilter(t *testing.T) {
	for filter, want := range map[string][]string{
		`{categories: ["cat-kids"]}`:               {"v03", "v06", "v07"},
		`{categories: ["cat-docs", "cat-kids"]}`:   {"v02", "v03", "v04", "v06", "v07"},
		`{categories: ["cat-off"]}`:                {"v01", "v07"},
		`{genres: ["gen-action"]}`:                 {"v03", "v04"},
		`{castMembers: ["cm-carla"]}`:              {"v02", "v05"},
		`{rating: [AGE_12, ER]}`:                   {"v02", "v03", "v07"},
		`{yearLaunched: 2010}`:                     {"v02", "v03"},
		`{yearFrom: 2010}`:                         {"v02", "v03", "v04", "v05", "v06"},
		`{yearTo: 2001}`:                           {"v01", "v07"},
		`{yearFrom: 2005, yearTo: 2015}`:           {"v02", "v03", "v04", "v08"},
		`{opened: false}`:                          {"v04", "v08"},
		`{genres: ["gen-comedy"], opened: true}`:   {"v02"},
		`{categories: ["cat-films"], rating: [L]}`: {"v01"},
	} {
		c := videos(t, "filter: "+filter, nil)
		if got := idsOf(c.Nodes); !slices.Equal(got, want) || c.TotalCount != len(want) {
			t.Errorf("filter %s = %v (total %d), want %v", filter, got, c.TotalCount, want)
		}
	}
}

func TestVideosSort(t *testing.T) {
	for sort, want := range map[string][]string{
		`{field: TITLE, direction: DESC}`:         {"v08", "v07", "v06", "v05", "v04", "v03", "v02", "v01"},
		`{field: YEAR_LAUNCHED}`:                  {"v07", "v01", "v08", "v02", "v03", "v04", "v05", "v06"},
		`{field: YEAR_LAUNCHED, direction: DESC}`: {"v05", "v06", "v04", "v02", "v03", "v08", "v01", "v07"},
		`{field: DURATION}`:                       {"v07", "v04", "v06", "v03", "v01", "v08", "v05", "v02"},
		`{field: CREATED_AT, direction: DESC}`:    {"v08", "v07", "v06", "v05", "v04", "v03", "v02", "v01"},
		`{field: UPDATED_AT}`:                     {"v08", "v07", "v06", "v05", "v04", "v03", "v02", "v01"},
		`{field: RELEVANCE}`:                      {"v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08"},
	} {
		if got := idsOf(videos(t, "sort: "+sort, nil).Nodes); !slices.Equal(got, want) {
			t.Errorf("sort %s = %v, want %v", sort, got, want)
		}
	}
}

func TestCategoriesSort(t *testing.T) {
	for sort, want := range map[string][]string{
		`{field: NAME, direction: DESC}`:       {"cat-kids", "cat-films", "cat-docs"},
		`{field: CREATED_AT, direction: DESC}`: {"cat-kids", "cat-docs", "cat-films"},
	} {
		var data struct{ Categories connection }
		run(t, `{ categories(sort: `+sort+`) { nodes { id } } }`, nil, &data)
		if got := idsOf(data.Categories.Nodes); !slices.Equal(got, want) {
			t.Errorf("sort %s = %v, want %v", sort, got, want)
		}
	}
}

func TestCursorWalkVisitsEveryVideoOnce(t *testing.T) {
	for _, sort := range []string{`{field: TITLE}`, `{field: YEAR_LAUNCHED, direction: DESC}`, `{field: RELEVANCE}`} {
		var seen []string
		var after any
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatalf("sort %s: no last page after %d pages", sort, pages)
			}
			c := videos(t, "first: 3, sort: "+sort, map[string]any{"after": after})
			if c.TotalCount != 8 || len(c.Nodes) > 3 {
				t.Fatalf("sort %s: page of %d, total %d", sort, len(c.Nodes), c.TotalCount)
			}
			seen = append(seen, idsOf(c.Nodes)...)
			if !c.PageInfo.HasNextPage {
				break
			}
			after = *c.PageInfo.EndCursor
		}
		want := idsOf(videos(t, "first: 100, sort: "+sort, nil).Nodes)
		if !slices.Equal(seen, want) {
			t.Errorf("sort %s: walk saw %v, want %v", sort, seen, want)
		}
	}
}

func TestPagePagination(t *testing.T) {
	for args, want := range map[string][]string{
		`page: 1, perPage: 3`: {"v01", "v02", "v03"},
		`page: 2, perPage: 3`: {"v04", "v05", "v06"},
		`page: 3, perPage: 3`: {"v07", "v08"},
		`page: 4, perPage: 3`: {},
		`perPage: 5`:          {"v01", "v02", "v03", "v04", "v05"},
	} {
		c := videos(t, args, nil)
		if got := idsOf(c.Nodes); !slices.Equal(got, want) || c.TotalCount != 8 {
			t.Errorf("%s = %v (total %d), want %v", args, got, c.TotalCount, want)
		}
		if wantNext := args == `page: 1, perPage: 3` || args == `page: 2, perPage: 3` || args == `perPage: 5`; c.PageInfo.HasNextPage != wantNext {
			t.Errorf("%s: hasNextPage = %v", args, c.PageInfo.HasNextPage)
		}
	}
}

func TestVideosFacetsCountTheWholeQuery(t *testing.T) {
	type facet struct {
		Category *node
		Genre    *node
		Rating   string
		Year     int
		Count    int
	}
	var data struct {
		Videos struct {
			Nodes  []node
			Facets struct{ Categories, Genres, Ratings, Years []facet }
		}
	}
	run(t, `{ videos(first: 1, filter: {yearFrom: 2010}) { nodes { id } facets {
		categories { category { id name } count } genres { genre { id } count }
		ratings { rating count } years { year count } } } }`, nil, &data)
	f := data.Videos.Facets
	str := func(fs []facet, key func(facet) string) []string {
		var out []string
		for _, x := range fs {
			out = append(out, fmt.Sprintf("%s=%d", key(x), x.Count))
		}
		return out
	}
	// v02 to v06; inactive categories and genres are not counted as values.
	check := map[string][2][]string{
		"categories": {str(f.Categories, func(x facet) string { return x.Category.ID }), {"cat-docs=2", "cat-films=2", "cat-kids=2"}},
		"genres":     {str(f.Genres, func(x facet) string { return x.Genre.ID }), {"gen-action=2", "gen-comedy=2", "gen-drama=1"}},
		"ratings":    {str(f.Ratings, func(x facet) string { return x.Rating }), {"AGE_12=2", "AGE_10=1", "AGE_14=1", "AGE_18=1"}},
		"years":      {str(f.Years, func(x facet) string { return fmt.Sprint(x.Year) }), {"2010=2", "2020=2", "2015=1"}},
	}
	for name, c := range check {
		if !slices.Equal(c[0], c[1]) {
			t.Errorf("%s facets = %v, want %v", name, c[0], c[1])
		}
	}
	if len(data.Videos.Nodes) != 1 {
		t.Errorf("page = %v, want one video: facets do not follow pagination", data.Videos.Nodes)
	}
}
