package rest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/videocatalog/catalog/shared/domain"
)

// fakeStore is an in-memory catalog filled through the store port. It keeps
// the reader's visibility rules and the list semantics the REST layer relies
// on (filters, sort with id ties, offset and cursor paging, facets), records
// the last list query, and fails every call with err when err is set.
type fakeStore struct {
	mu        sync.Mutex
	rows      map[domain.Kind]map[string]domain.Entity
	relations map[domain.Relation]map[string][]string // parent id → child ids
	lastList  domain.VideoQuery
	err       error
}

func newFakeStore() *fakeStore {
	return &fakeStore{rows: map[domain.Kind]map[string]domain.Entity{}, relations: map[domain.Relation]map[string][]string{}}
}

func (f *fakeStore) ApplyRow(_ context.Context, c domain.RowChange) (domain.Outcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rows[c.Kind] == nil {
		f.rows[c.Kind] = map[string]domain.Entity{}
	}
	f.rows[c.Kind][c.ID] = c.Entity
	return domain.Applied, nil
}

func (f *fakeStore) ApplyRelation(_ context.Context, c domain.RelationChange) (domain.Outcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.relations[c.Relation] == nil {
		f.relations[c.Relation] = map[string][]string{}
	}
	ids := slices.DeleteFunc(f.relations[c.Relation][c.ParentID], func(id string) bool { return id == c.ChildID })
	if c.Present {
		ids = append(ids, c.ChildID)
	}
	f.relations[c.Relation][c.ParentID] = ids
	return domain.Applied, nil
}

// visible returns the browsable rows of kind with their relation ids, by id.
func visible[T domain.Entity](f *fakeStore, kind domain.Kind) ([]T, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	var out []T
	for _, e := range f.rows[kind] {
		if e == nil || !e.Visible() {
			continue
		}
		switch v := e.(type) {
		case domain.Genre:
			v.CategoryIDs = f.relations[domain.GenreCategories][v.ID]
			e = v
		case domain.Video:
			v.CategoryIDs = f.relations[domain.VideoCategories][v.ID]
			v.GenreIDs = f.relations[domain.VideoGenres][v.ID]
			v.CastMemberIDs = f.relations[domain.VideoCastMembers][v.ID]
			e = v
		}
		out = append(out, e.(T))
	}
	slices.SortFunc(out, func(a, b T) int { return strings.Compare(a.EntityID(), b.EntityID()) })
	return out, nil
}

func lookup[T domain.Entity](f *fakeStore, kind domain.Kind, ids []string) ([]T, error) {
	all, err := visible[T](f, kind)
	return slices.DeleteFunc(all, func(e T) bool { return !slices.Contains(ids, e.EntityID()) }), err
}

func (f *fakeStore) Categories(_ context.Context, ids []string) ([]domain.Category, error) {
	return lookup[domain.Category](f, domain.KindCategory, ids)
}
func (f *fakeStore) Genres(_ context.Context, ids []string) ([]domain.Genre, error) {
	return lookup[domain.Genre](f, domain.KindGenre, ids)
}
func (f *fakeStore) CastMembers(_ context.Context, ids []string) ([]domain.CastMember, error) {
	return lookup[domain.CastMember](f, domain.KindCastMember, ids)
}
func (f *fakeStore) Videos(_ context.Context, ids []string) ([]domain.Video, error) {
	return lookup[domain.Video](f, domain.KindVideo, ids)
}
func (f *fakeStore) VideoMedia(_ context.Context, ids []string) ([]domain.VideoMedia, error) {
	return lookup[domain.VideoMedia](f, domain.KindVideoMedia, ids)
}
func (f *fakeStore) ImageMedia(_ context.Context, ids []string) ([]domain.ImageMedia, error) {
	return lookup[domain.ImageMedia](f, domain.KindImageMedia, ids)
}

func (f *fakeStore) ListCategories(_ context.Context, q domain.ListQuery) (domain.Page[domain.Category], error) {
	return listOf(f, domain.KindCategory, domain.VideoQuery{ListQuery: q}, func(c domain.Category) sortKeys {
		return sortKeys{name: c.Name, created: c.CreatedAt.Unix(), updated: c.UpdatedAt.Unix()}
	})
}

func (f *fakeStore) ListGenres(_ context.Context, q domain.ListQuery) (domain.Page[domain.Genre], error) {
	return listOf(f, domain.KindGenre, domain.VideoQuery{ListQuery: q}, func(g domain.Genre) sortKeys {
		return sortKeys{name: g.Name, created: g.CreatedAt.Unix(), updated: g.UpdatedAt.Unix()}
	})
}

func (f *fakeStore) ListCastMembers(_ context.Context, q domain.ListQuery) (domain.Page[domain.CastMember], error) {
	return listOf(f, domain.KindCastMember, domain.VideoQuery{ListQuery: q}, func(c domain.CastMember) sortKeys {
		return sortKeys{name: c.Name, created: c.CreatedAt.Unix(), updated: c.UpdatedAt.Unix()}
	})
}

func (f *fakeStore) ListVideos(_ context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	page, err := listOf(f, domain.KindVideo, q, func(v domain.Video) sortKeys {
		return sortKeys{name: v.Title, created: v.CreatedAt.Unix(), updated: v.UpdatedAt.Unix(),
			year: int64(v.YearLaunched), duration: v.Duration, video: &v}
	})
	out := domain.VideoPage{Page: page}
	if err == nil && q.Facets {
		out.Facets = f.facets(q)
	}
	return out, err
}

// sortKeys are what an item is sorted, searched and filtered by.
type sortKeys struct {
	name                   string
	created, updated, year int64
	duration               float64
	video                  *domain.Video
}

func (k sortKeys) matches(q domain.VideoQuery) bool {
	if q.Search != "" && !strings.Contains(strings.ToLower(k.name), strings.ToLower(q.Search)) {
		return false
	}
	v, fl := k.video, q.Filter
	if v == nil {
		return true
	}
	anyOf := func(want, have []string) bool {
		return want == nil || slices.ContainsFunc(want, func(id string) bool { return slices.Contains(have, id) })
	}
	return anyOf(fl.CategoryIDs, v.CategoryIDs) && anyOf(fl.GenreIDs, v.GenreIDs) && anyOf(fl.CastMemberIDs, v.CastMemberIDs) &&
		(fl.Ratings == nil || slices.Contains(fl.Ratings, v.Rating)) &&
		(fl.YearLaunched == nil || v.YearLaunched == *fl.YearLaunched) &&
		(fl.YearFrom == nil || v.YearLaunched >= *fl.YearFrom) &&
		(fl.YearTo == nil || v.YearLaunched <= *fl.YearTo) &&
		(fl.Opened == nil || v.Opened == *fl.Opened)
}

func (k sortKeys) compare(o sortKeys, field domain.SortField) int {
	switch field {
	case domain.SortName:
		return strings.Compare(k.name, o.name)
	case domain.SortCreatedAt:
		return cmp.Compare(k.created, o.created)
	case domain.SortUpdatedAt:
		return cmp.Compare(k.updated, o.updated)
	case domain.SortYearLaunched:
		return cmp.Compare(k.year, o.year)
	case domain.SortDuration:
		return cmp.Compare(k.duration, o.duration)
	}
	return 0
}

// listOf pages the matching rows; its cursors are the items' ids.
func listOf[T domain.Entity](f *fakeStore, kind domain.Kind, q domain.VideoQuery, keys func(T) sortKeys) (domain.Page[T], error) {
	f.mu.Lock()
	f.lastList = q
	f.mu.Unlock()
	all, err := visible[T](f, kind)
	if err != nil {
		return domain.Page[T]{}, err
	}
	all = slices.DeleteFunc(all, func(e T) bool { return !keys(e).matches(q) })
	slices.SortStableFunc(all, func(a, b T) int {
		c := keys(a).compare(keys(b), q.Sort.Field)
		if q.Sort.Desc {
			c = -c
		}
		return cmp.Or(c, strings.Compare(a.EntityID(), b.EntityID()))
	})
	start := q.Offset
	if q.After != "" {
		i := slices.IndexFunc(all, func(e T) bool { return e.EntityID() == q.After })
		if i < 0 {
			return domain.Page[T]{}, fmt.Errorf("fake: cursor %q: %w", q.After, domain.ErrInvalid)
		}
		start = i + 1
	}
	start = min(start, len(all))
	end := min(start+q.Limit, len(all))
	page := domain.Page[T]{Items: all[start:end], Total: len(all), HasNext: end < len(all)}
	for _, e := range page.Items {
		page.Cursors = append(page.Cursors, e.EntityID())
	}
	return page, nil
}

func (f *fakeStore) facets(q domain.VideoQuery) *domain.Facets {
	videos, _ := visible[domain.Video](f, domain.KindVideo)
	counts := map[string]map[string]int{}
	add := func(facet string, values ...string) {
		if counts[facet] == nil {
			counts[facet] = map[string]int{}
		}
		for _, v := range values {
			counts[facet][v]++
		}
	}
	for _, v := range videos {
		if (sortKeys{name: v.Title, video: &v}).matches(q) {
			add("categories", v.CategoryIDs...)
			add("genres", v.GenreIDs...)
			add("ratings", string(v.Rating))
			add("years", strconv.Itoa(v.YearLaunched))
		}
	}
	sorted := func(facet string) []domain.FacetCount {
		var out []domain.FacetCount
		for value, n := range counts[facet] {
			out = append(out, domain.FacetCount{Value: value, Count: n})
		}
		slices.SortFunc(out, func(a, b domain.FacetCount) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value)) })
		return out
	}
	return &domain.Facets{Categories: sorted("categories"), Genres: sorted("genres"), Ratings: sorted("ratings"), Years: sorted("years")}
}
