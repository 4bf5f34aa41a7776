package rest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestBadParameters(t *testing.T) {
	h, _ := catalogAPI(t)
	many := strings.Repeat("x1,", 100) + "x1"
	cases := []struct{ target, param string }{
		{"/v1/videos?search=" + strings.Repeat("a", 201), "search"},
		{"/v1/videos?page=x", "page"},
		{"/v1/videos?page=0", "page"},
		{"/v1/videos?page=-1", "page"},
		{"/v1/videos?page=101&per_page=100", "page"}, // past the 10000 items window
		{"/v1/videos?page=2&cursor=abc", "page"},
		{"/v1/videos?per_page=0", "per_page"},
		{"/v1/videos?per_page=101", "per_page"},
		{"/v1/videos?per_page=ten", "per_page"},
		{"/v1/videos?cursor=abc&per_page=0", "per_page"},
		{"/v1/videos?cursor=abc&per_page=101", "per_page"},
		{"/v1/videos?sort=name", "sort"}, // videos sort by title
		{"/v1/videos?sort=popularity", "sort"},
		{"/v1/categories?sort=title", "sort"},
		{"/v1/genres?sort=year_launched", "sort"},
		{"/v1/cast_members?sort=duration", "sort"},
		{"/v1/videos?direction=up", "direction"},
		{"/v1/categories?direction=DESC", "direction"},
		{"/v1/videos?cursor=unknown", "cursor"},
		{"/v1/videos?sort=duration&cursor=" + firstCursor(t, h, "/v1/videos?per_page=1"), "cursor"}, // another order's cursor
		{"/v1/videos?cursor=" + strings.Repeat("c", 1025), "cursor"},
		{"/v1/genres?cursor=" + firstCursor(t, h, "/v1/videos?per_page=1"), "cursor"}, // another list's cursor
		{"/v1/videos?categories=c1,,c2", "categories"},
		{"/v1/videos?categories=c1;c2", "query"},
		{"/v1/videos?categories=" + many, "categories"},
		{"/v1/videos?genres=g%201", "genres"},
		{"/v1/videos?genres=" + many, "genres"},
		{"/v1/videos?cast_members=m1,", "cast_members"},
		{"/v1/videos?cast_members=" + many, "cast_members"},
		{"/v1/videos?rating=PG", "rating"},
		{"/v1/videos?rating=L,,10", "rating"},
		{"/v1/videos?year_launched=twenty", "year_launched"},
		{"/v1/videos?year_from=1.5", "year_from"},
		{"/v1/videos?year_to=x", "year_to"},
		{"/v1/videos?year_from=2020&year_to=2010", "year_to"},
		{"/v1/videos?opened=yes", "opened"},
		{"/v1/videos?opened=1", "opened"},
		{"/v1/videos?facets=1", "facets"},
		{"/v1/videos?facets=TRUE", "facets"},
		{"/v1/videos?limit=5", "limit"},
		{"/v1/videos?perPage=5", "perPage"},
		{"/v1/categories?rating=L", "rating"},
		{"/v1/genres?facets=true", "facets"},
		{"/v1/cast_members?opened=true", "opened"},
		{"/v1/videos/v1?expand=all", "expand"},
		{"/v1/videos/v1/playback?quality=hd", "quality"},
		{"/v1/categories/c1?x=1", "x"},
		{"/v1/genres/g1?x=1", "x"},
		{"/v1/cast_members/m1?x=1", "x"},
		{"/v1/videos?page=1&page=2", "page"},
		{"/v1/videos?rating=L&rating=10", "rating"},
		{"/v1/videos?search=%zz", "query"},
	}
	for _, c := range cases {
		t.Run(c.target[:min(len(c.target), 60)], func(t *testing.T) {
			a := get(t, h, c.target)
			a.problem(t, http.StatusBadRequest, c.param)
			if detail, _ := a.body["detail"].(string); !strings.HasPrefix(detail, c.param+" ") {
				t.Errorf("detail %q does not start with the parameter", detail)
			}
		})
	}
}

// The problem reasons speak this API's parameter names, not the use case's.
func TestBadParameterReasonsUseRESTNames(t *testing.T) {
	h, _ := catalogAPI(t)
	for _, target := range []string{
		"/v1/videos?page=101&per_page=100",
		"/v1/videos?year_from=2020&year_to=2010",
		"/v1/videos?cursor=abc&per_page=0",
	} {
		detail := get(t, h, target).body["detail"].(string)
		for _, word := range []string{"perPage", "yearFrom", "first", "after", "filter."} {
			if strings.Contains(detail, word) {
				t.Errorf("%s: detail %q mentions %q", target, detail, word)
			}
		}
	}
}

func TestVideoParametersReachTheStore(t *testing.T) {
	h, store := catalogAPI(t)
	q := url.Values{
		"search": {"ocean"}, "page": {"2"}, "per_page": {"5"}, "sort": {"year_launched"}, "direction": {"desc"},
		"categories": {"c1,c2"}, "genres": {"g1"}, "cast_members": {"m1,m2"}, "rating": {"L,16"},
		"year_launched": {"2020"}, "year_from": {"2000"}, "year_to": {"2030"}, "opened": {"false"}, "facets": {"true"},
	}
	get(t, h, "/v1/videos?"+q.Encode()).ok(t)
	got := store.lastList()
	f := got.Filter
	if got.Search != "ocean" || got.Limit != 5 || got.Offset != 5 || got.After != "" ||
		got.Sort != (domain.Sort{Field: domain.SortYearLaunched, Desc: true}) || !got.Facets {
		t.Errorf("query %+v", got.ListQuery)
	}
	if !slices.Equal(f.CategoryIDs, []string{"c1", "c2"}) || !slices.Equal(f.GenreIDs, []string{"g1"}) ||
		!slices.Equal(f.CastMemberIDs, []string{"m1", "m2"}) || !slices.Equal(f.Ratings, []domain.Rating{"L", "16"}) ||
		*f.YearLaunched != 2020 || *f.YearFrom != 2000 || *f.YearTo != 2030 || *f.Opened {
		t.Errorf("filter %+v", f)
	}
}

func TestSortValues(t *testing.T) {
	h, store := catalogAPI(t)
	for value, field := range sortVideos {
		get(t, h, "/v1/videos?sort="+value).ok(t)
		if store.lastList().Sort != (domain.Sort{Field: field}) {
			t.Errorf("sort=%s: store sorted by %+v", value, store.lastList().Sort)
		}
	}
	for _, path := range []string{"/v1/categories", "/v1/genres", "/v1/cast_members"} {
		for value, field := range sortByName {
			get(t, h, path+"?direction=asc&sort="+value).ok(t)
			if store.lastList().Sort != (domain.Sort{Field: field}) {
				t.Errorf("%s sort=%s: store sorted by %+v", path, value, store.lastList().Sort)
			}
		}
	}
	orders := map[string][]string{
		"":                               {"v2", "v4", "v1"}, // by title without a search
		"sort=title&direction=desc":      {"v1", "v4", "v2"},
		"sort=duration&direction=desc":   {"v2", "v1", "v4"},
		"sort=year_launched":             {"v4", "v2", "v1"},
		"sort=created_at&direction=desc": {"v4", "v2", "v1"},
		"sort=updated_at":                {"v1", "v2", "v4"},
		"sort=relevance&search=drama":    {"v2"},
		"search=ocen":                    {"v1"}, // one typo
		"search=oce":                     {"v1"}, // a prefix
	}
	for query, want := range orders {
		if got := ids(t, get(t, h, "/v1/videos?"+query).ok(t)); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", query, got, want)
		}
	}
}

func TestEmptyParametersAreAbsent(t *testing.T) {
	h, store := catalogAPI(t)
	a := get(t, h, "/v1/videos?search=&page=&per_page=&sort=&rating=&opened=&facets=")
	if got := ids(t, a.ok(t)); len(got) != 3 || store.lastList().Filter.Opened != nil || store.lastList().Filter.Ratings != nil {
		t.Errorf("videos %v, query %+v", got, store.lastList())
	}
}

func TestFilters(t *testing.T) {
	h, _ := catalogAPI(t)
	cases := map[string][]string{
		"categories=c1":             {"v2"},
		"categories=c2,c1":          {"v2", "v1"},
		"genres=g2":                 {"v1"},
		"cast_members=m1":           {"v2", "v1"},
		"rating=16":                 {"v2"},
		"rating=L,16":               {"v2", "v1"},
		"year_launched=2018":        {"v2"},
		"year_from=2019":            {"v1"},
		"year_to=2019&year_from=10": {"v2"},
		"opened=true":               {"v1"},
		"opened=false":              {"v2", "v4"},
		"search=ocean":              {"v1"},
	}
	for query, want := range cases {
		if got := ids(t, get(t, h, "/v1/videos?"+query).ok(t)); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", query, got, want)
		}
	}
}

func TestPagePagination(t *testing.T) {
	h, _ := catalogAPI(t)
	first := get(t, h, "/v1/videos?per_page=2")
	second := get(t, h, "/v1/videos?per_page=2&page=2")
	if got := ids(t, first.ok(t)); !slices.Equal(got, []string{"v2", "v4"}) {
		t.Errorf("page 1 %v", got)
	}
	if got := ids(t, second.ok(t)); !slices.Equal(got, []string{"v1"}) {
		t.Errorf("page 2 %v", got)
	}
	m1, m2 := first.body["meta"].(map[string]any), second.body["meta"].(map[string]any)
	if m1["page"] != 1.0 || m1["per_page"] != 2.0 || m1["total"] != 3.0 || m1["next_cursor"] == nil {
		t.Errorf("page 1 meta %v", m1)
	}
	if m2["page"] != 2.0 || m2["next_cursor"] != nil {
		t.Errorf("page 2 meta %v", m2)
	}
}

func TestCursorPagination(t *testing.T) {
	h, _ := catalogAPI(t)
	var seen []string
	target := "/v1/videos?per_page=1"
	for range 5 {
		a := get(t, h, target)
		seen = append(seen, ids(t, a.ok(t))...)
		meta := a.body["meta"].(map[string]any)
		if len(seen) > 1 && meta["page"] != nil {
			t.Errorf("cursor page has page %v", meta["page"])
		}
		next, _ := meta["next_cursor"].(string)
		if next == "" {
			break
		}
		target = "/v1/videos?per_page=1&cursor=" + url.QueryEscape(next)
	}
	if !slices.Equal(seen, []string{"v2", "v4", "v1"}) {
		t.Errorf("following cursors saw %v", seen)
	}
}

func TestFacets(t *testing.T) {
	h, _ := catalogAPI(t)
	facets := get(t, h, "/v1/videos?facets=true").body["meta"].(map[string]any)["facets"].(map[string]any)
	categories := facets["categories"].([]any)
	// c3 is counted by the store but inactive: it must not show.
	if len(categories) != 2 {
		t.Fatalf("category facets %v", categories)
	}
	for _, c := range categories {
		c := c.(map[string]any)
		if c["name"] == "" || c["count"] != 1.0 {
			t.Errorf("category facet %v", c)
		}
	}
	if got := ids(t, facets["genres"]); !slices.Equal(got, []string{"g1", "g2"}) {
		t.Errorf("genre facets %v", got)
	}
	// v4 has neither rating nor year: a count under an empty value would be
	// one no filter can select.
	if got := fmt.Sprint(facets["ratings"]); got != "[map[count:1 rating:16] map[count:1 rating:L]]" {
		t.Errorf("rating facets %v", got)
	}
	if got := fmt.Sprint(facets["years"]); got != "[map[count:1 year:2018] map[count:1 year:2020]]" {
		t.Errorf("year facets %v", got)
	}
}

func firstCursor(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	next, _ := get(t, h, target).body["meta"].(map[string]any)["next_cursor"].(string)
	if next == "" {
		t.Fatalf("%s has no next page", target)
	}
	return url.QueryEscape(next)
}
