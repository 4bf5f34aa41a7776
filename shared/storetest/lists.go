package storetest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// page is a list page of any kind, so that one walk covers every list method.
type page struct {
	items   []domain.Entity
	cursors []string
	total   int
	hasNext bool
}

func list(s domain.Store, kind domain.Kind, q domain.ListQuery) (page, error) {
	ctx := context.Background()
	switch kind {
	case domain.KindCategory:
		p, err := s.ListCategories(ctx, q)
		return toPage(p), err
	case domain.KindGenre:
		p, err := s.ListGenres(ctx, q)
		return toPage(p), err
	case domain.KindCastMember:
		p, err := s.ListCastMembers(ctx, q)
		return toPage(p), err
	case domain.KindVideo:
		p, err := s.ListVideos(ctx, domain.VideoQuery{ListQuery: q})
		return toPage(p.Page), err
	}
	panic("no list for " + kind)
}

func toPage[E domain.Entity](p domain.Page[E]) page {
	out := page{cursors: p.Cursors, total: p.Total, hasNext: p.HasNext}
	for _, e := range p.Items {
		out.items = append(out.items, e)
	}
	return out
}

func mustList(t *testing.T, s domain.Store, kind domain.Kind, q domain.ListQuery) page {
	t.Helper()
	p, err := list(s, kind, q)
	if err != nil {
		t.Fatalf("list %s %+v: %v", kind, q, err)
	}
	if len(p.cursors) != len(p.items) {
		t.Fatalf("list %s: %d cursors for %d items", kind, len(p.cursors), len(p.items))
	}
	return p
}

// walk follows cursors with pages of limit items and returns every id seen, in order.
func walk(t *testing.T, s domain.Store, kind domain.Kind, q domain.ListQuery, limit, total int) []string {
	t.Helper()
	q.Limit = limit
	var seen []string
	for range total + 2 {
		p := mustList(t, s, kind, q)
		if p.total != total {
			t.Fatalf("walk %s %+v: total %d, want %d", kind, q.Sort, p.total, total)
		}
		seen = append(seen, orderedIDs(p.items)...)
		if !p.hasNext {
			return seen
		}
		if len(p.items) == 0 {
			t.Fatalf("walk %s %+v: HasNext on an empty page", kind, q.Sort)
		}
		q.After = p.cursors[len(p.cursors)-1]
	}
	t.Fatalf("walk %s %+v never ended; seen %v", kind, q.Sort, seen)
	return nil
}

// sortKey renders the value e is sorted by so that string order is value order.
func sortKey(e domain.Entity, f domain.SortField) string {
	name, ts := domain.Listing(e)
	if v, ok := e.(domain.Video); ok {
		switch f {
		case domain.SortYearLaunched:
			return fmt.Sprintf("%06d", v.YearLaunched)
		case domain.SortDuration:
			return fmt.Sprintf("%09.2f", v.Duration)
		}
	}
	switch f {
	case domain.SortCreatedAt:
		return ts.CreatedAt.UTC().Format("2006-01-02T15:04:05")
	case domain.SortUpdatedAt:
		return ts.UpdatedAt.UTC().Format("2006-01-02T15:04:05")
	}
	return strings.ToLower(name)
}

// expectedOrder sorts es by field (relevance meaning the default, name), ties by id ascending.
func expectedOrder(es []domain.Entity, sort domain.Sort) []string {
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b domain.Entity) int {
		c := strings.Compare(sortKey(a, sort.Field), sortKey(b, sort.Field))
		if sort.Desc {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.EntityID(), b.EntityID())
		}
		return c
	})
	return orderedIDs(es)
}

// walkFixtures builds seven visible entities of kind with ties on every sort value,
// ids not in name order, plus one invisible entity where the kind has one.
func walkFixtures(kind domain.Kind) (visible []domain.Entity, hidden domain.Entity) {
	names := []string{"Beta", "Alpha", "Beta", "Gamma", "Alpha", "Delta", "Beta"}
	idOrder := []int{4, 0, 6, 2, 5, 1, 3}
	for i, name := range names {
		id := ID(string(kind[0]), idOrder[i])
		ts := domain.Timestamps{CreatedAt: At(i % 3), UpdatedAt: At(10 - i%2)}
		var e domain.Entity
		switch kind {
		case domain.KindCategory:
			c := Category(id, name)
			c.Timestamps = ts
			e = c
		case domain.KindGenre:
			g := Genre(id, name)
			g.Timestamps = ts
			e = g
		case domain.KindCastMember:
			m := CastMember(id, name)
			m.Timestamps = ts
			e = m
		case domain.KindVideo:
			v := Video(id, name)
			v.Timestamps = ts
			v.YearLaunched = 1990 + i%3
			v.Duration = 60.5 + float64(30*(i%2))
			e = v
		}
		visible = append(visible, e)
	}
	switch kind {
	case domain.KindCategory:
		c := Category("c99", "Alpha")
		c.Active = false
		hidden = c
	case domain.KindGenre:
		g := Genre("g99", "Alpha")
		g.DeletedAt = &deletedAt
		hidden = g
	case domain.KindVideo:
		v := Video("v99", "Alpha")
		v.Published = false
		hidden = v
	}
	return visible, hidden
}

var listKinds = map[domain.Kind][]domain.SortField{
	domain.KindCategory:   {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindGenre:      {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindCastMember: {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt},
	domain.KindVideo: {domain.SortRelevance, domain.SortName, domain.SortCreatedAt, domain.SortUpdatedAt,
		domain.SortYearLaunched, domain.SortDuration},
}

func seedDefaultOrder(t *testing.T, s domain.Store) {
	adventure := Category("c5", "Adventure")
	adventure.Active = false
	put(t, s, Pos(1), Category("c1", "Drama"), Category("c3", "Action"), Category("c2", "Comedy"),
		Category("c4", "Action"), adventure)
}

var listTests = map[string]func(t *testing.T, s domain.Store){
	"DefaultOrderAndTotal": func(t *testing.T, s domain.Store) {
		seedDefaultOrder(t, s)
		p := mustList(t, s, domain.KindCategory, domain.ListQuery{Limit: 10})
		equalIDs(t, "default order", orderedIDs(p.items), []string{"c3", "c4", "c2", "c1"})
		if p.total != 4 || p.hasNext {
			t.Errorf("total %d hasNext %v, want 4 false", p.total, p.hasNext)
		}
	},
	"OffsetPages": func(t *testing.T, s domain.Store) {
		seedDefaultOrder(t, s)
		for _, c := range []struct {
			offset  int
			want    []string
			hasNext bool
		}{
			{0, []string{"c3", "c4", "c2"}, true},
			{3, []string{"c1"}, false},
			{4, nil, false},
		} {
			p := mustList(t, s, domain.KindCategory, domain.ListQuery{Limit: 3, Offset: c.offset})
			equalIDs(t, fmt.Sprintf("offset %d", c.offset), orderedIDs(p.items), c.want)
			if p.total != 4 || p.hasNext != c.hasNext {
				t.Errorf("offset %d: total %d hasNext %v, want 4 %v", c.offset, p.total, p.hasNext, c.hasNext)
			}
		}
	},
	"CursorWalkEverySort": func(t *testing.T, s domain.Store) {
		for _, k := range slices.Sorted(maps.Keys(listKinds)) {
			visible, hidden := walkFixtures(k)
			put(t, s, Pos(1), visible...)
			if hidden != nil {
				put(t, s, Pos(1), hidden)
			}
			for _, field := range listKinds[k] {
				for _, desc := range []bool{false, true} {
					if field == domain.SortRelevance && desc {
						continue // the port gives no meaning to a descending relevance
					}
					sort := domain.Sort{Field: field, Desc: desc}
					want := expectedOrder(visible, sort)
					if field == domain.SortRelevance {
						// Without a search, relevance is the default order: name ascending.
						want = expectedOrder(visible, domain.Sort{Field: domain.SortName})
					}
					for _, limit := range []int{1, 2, 3} {
						got := walk(t, s, k, domain.ListQuery{Sort: sort}, limit, len(visible))
						equalIDs(t, fmt.Sprintf("%s by %q desc=%v limit %d", k, field, desc, limit), got, want)
					}
				}
			}
		}
	},
	"InvalidCursor": func(t *testing.T, s domain.Store) {
		seedDefaultOrder(t, s)
		for _, after := range []string{"@@@ not base64 @@@", "bm9wZQ", "e30"} {
			for _, kind := range []domain.Kind{domain.KindCategory, domain.KindVideo} {
				_, err := list(s, kind, domain.ListQuery{Limit: 2, After: after})
				wantErr(t, fmt.Sprintf("list %s after %q", kind, after), err, domain.ErrInvalid)
			}
		}
	},
}
