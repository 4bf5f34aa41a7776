package browse

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/videocatalog/catalog/shared/domain"
)

// fakeReader is an in-memory domain.CatalogReader that keeps the port's
// visibility rules and counts its round trips by method.
type fakeReader struct {
	mu          sync.Mutex
	calls       map[string]int
	categories  []domain.Category
	genres      []domain.Genre
	castMembers []domain.CastMember
	videos      []domain.Video
	videoMedia  []domain.VideoMedia
	imageMedia  []domain.ImageMedia
}

func (f *fakeReader) count(method string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[method]++
}

// roundTrips is the number of store calls so far, all methods together.
func (f *fakeReader) roundTrips() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		n += c
	}
	return n
}

func lookup[T domain.Entity](items []T, ids []string) []T {
	var out []T
	for _, item := range items {
		if item.Visible() && slices.Contains(ids, item.EntityID()) {
			out = append(out, item)
		}
	}
	return out
}

func (f *fakeReader) Categories(_ context.Context, ids []string) ([]domain.Category, error) {
	f.count("Categories")
	return lookup(f.categories, ids), nil
}

func (f *fakeReader) Genres(_ context.Context, ids []string) ([]domain.Genre, error) {
	f.count("Genres")
	return lookup(f.genres, ids), nil
}

func (f *fakeReader) CastMembers(_ context.Context, ids []string) ([]domain.CastMember, error) {
	f.count("CastMembers")
	return lookup(f.castMembers, ids), nil
}

func (f *fakeReader) Videos(_ context.Context, ids []string) ([]domain.Video, error) {
	f.count("Videos")
	return lookup(f.videos, ids), nil
}

func (f *fakeReader) VideoMedia(_ context.Context, ids []string) ([]domain.VideoMedia, error) {
	f.count("VideoMedia")
	return lookup(f.videoMedia, ids), nil
}

func (f *fakeReader) ImageMedia(_ context.Context, ids []string) ([]domain.ImageMedia, error) {
	f.count("ImageMedia")
	return lookup(f.imageMedia, ids), nil
}

func (f *fakeReader) ListCategories(_ context.Context, q domain.ListQuery) (domain.Page[domain.Category], error) {
	f.count("ListCategories")
	return listOf(f.categories, q, func(c domain.Category) string { return c.Name }, nil)
}

func (f *fakeReader) ListGenres(_ context.Context, q domain.ListQuery) (domain.Page[domain.Genre], error) {
	f.count("ListGenres")
	return listOf(f.genres, q, func(g domain.Genre) string { return g.Name }, nil)
}

func (f *fakeReader) ListCastMembers(_ context.Context, q domain.ListQuery) (domain.Page[domain.CastMember], error) {
	f.count("ListCastMembers")
	return listOf(f.castMembers, q, func(c domain.CastMember) string { return c.Name }, nil)
}

func (f *fakeReader) ListVideos(_ context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	f.count("ListVideos")
	var matching []domain.Video
	for _, v := range f.videos {
		if matches(v, q.Filter) {
			matching = append(matching, v)
		}
	}
	page, err := listOf(matching, q.ListQuery, func(v domain.Video) string { return v.Title }, videoSortKey)
	if err != nil || !q.Facets {
		return domain.VideoPage{Page: page}, err
	}
	var all []domain.Video
	for _, v := range matching {
		if v.Visible() && (q.Search == "" || strings.Contains(strings.ToLower(v.Title), strings.ToLower(q.Search))) {
			all = append(all, v)
		}
	}
	return domain.VideoPage{Page: page, Facets: facetsOf(all)}, nil
}

func matches(v domain.Video, f domain.VideoFilter) bool {
	anyOf := func(want, have []string) bool {
		return len(want) == 0 || slices.ContainsFunc(want, func(id string) bool { return slices.Contains(have, id) })
	}
	return anyOf(f.CategoryIDs, v.CategoryIDs) && anyOf(f.GenreIDs, v.GenreIDs) && anyOf(f.CastMemberIDs, v.CastMemberIDs) &&
		(len(f.Ratings) == 0 || slices.Contains(f.Ratings, v.Rating)) &&
		(f.YearLaunched == nil || v.YearLaunched == *f.YearLaunched) &&
		(f.YearFrom == nil || v.YearLaunched >= *f.YearFrom) &&
		(f.YearTo == nil || v.YearLaunched <= *f.YearTo) &&
		(f.Opened == nil || v.Opened == *f.Opened)
}

func facetsOf(videos []domain.Video) *domain.Facets {
	counts := func(values func(domain.Video) []string) []domain.FacetCount {
		n := map[string]int{}
		for _, v := range videos {
			for _, value := range values(v) {
				n[value]++
			}
		}
		var out []domain.FacetCount
		for value, c := range n {
			out = append(out, domain.FacetCount{Value: value, Count: c})
		}
		slices.SortFunc(out, func(a, b domain.FacetCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
		return out
	}
	return &domain.Facets{
		Categories: counts(func(v domain.Video) []string { return v.CategoryIDs }),
		Genres:     counts(func(v domain.Video) []string { return v.GenreIDs }),
		Ratings:    counts(func(v domain.Video) []string { return []string{string(v.Rating)} }),
		Years:      counts(func(v domain.Video) []string { return []string{strconv.Itoa(v.YearLaunched)} }),
	}
}

func videoSortKey(v domain.Video, f domain.SortField) string {
	if f == domain.SortYearLaunched {
		return strconv.Itoa(v.YearLaunched)
	}
	return v.Title
}

// listOf pages through the visible items that contain q.Search in their name,
// ordered by key (the name when nil) then id; a cursor is the id of the item it follows.
func listOf[T domain.Entity](items []T, q domain.ListQuery, name func(T) string,
	key func(T, domain.SortField) string) (domain.Page[T], error) {
	if key == nil {
		key = func(item T, _ domain.SortField) string { return name(item) }
	}
	var visible []T
	for _, item := range items {
		if item.Visible() && strings.Contains(strings.ToLower(name(item)), strings.ToLower(q.Search)) {
			visible = append(visible, item)
		}
	}
	slices.SortFunc(visible, func(a, b T) int {
		c := cmp.Compare(key(a, q.Sort.Field), key(b, q.Sort.Field))
		if q.Sort.Desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.EntityID(), b.EntityID()))
	})
	start := q.Offset
	if q.After != "" {
		i := slices.IndexFunc(visible, func(item T) bool { return item.EntityID() == q.After })
		if i < 0 {
			return domain.Page[T]{}, domain.ErrInvalid
		}
		start = i + 1
	}
	start = min(start, len(visible))
	end := min(start+q.Limit, len(visible))
	page := domain.Page[T]{Items: visible[start:end], Total: len(visible), HasNext: end < len(visible)}
	for _, item := range page.Items {
		page.Cursors = append(page.Cursors, item.EntityID())
	}
	return page, nil
}
