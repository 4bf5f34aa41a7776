package browse

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestGetShowsOnlyBrowsableEntities(t *testing.T) {
	ctx := context.Background()
	s := New(catalog(), nil, Config{})
	if v, err := s.Video(ctx, "v1"); err != nil || v.Title != "Alpha" {
		t.Fatalf("Video(v1) = %+v, %v", v, err)
	}
	for name, get := range map[string]func() error{
		"unpublished video": func() error { _, err := s.Video(ctx, "draft"); return err },
		"unknown video":     func() error { _, err := s.Video(ctx, "nope"); return err },
		"malformed id":      func() error { _, err := s.Video(ctx, "a/b"); return err },
		"inactive category": func() error { _, err := s.Category(ctx, "inactive"); return err },
		"deleted category":  func() error { _, err := s.Category(ctx, "deleted"); return err },
		"inactive genre":    func() error { _, err := s.Genre(ctx, "hidden"); return err },
		"unknown member":    func() error { _, err := s.CastMember(ctx, "ghost"); return err },
	} {
		if err := get(); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		}
	}
}

func TestListsShowOnlyBrowsableEntities(t *testing.T) {
	ctx := context.Background()
	s := New(catalog(), nil, Config{})
	videos, err := s.ListVideos(ctx, VideoParams{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(videos.Items); !slices.Equal(got, []string{"v1", "v2", "v3"}) || videos.Total != 3 {
		t.Errorf("videos = %v (total %d), want v1 v2 v3", got, videos.Total)
	}
	categories, err := s.ListCategories(ctx, ListParams{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(categories.Items); !slices.Equal(got, []string{"docs", "films"}) {
		t.Errorf("categories = %v, want docs films", got)
	}
}

func TestCursorWalkVisitsEachItemOnce(t *testing.T) {
	ctx := context.Background()
	s := New(catalog(), nil, Config{})
	var seen []string
	p := VideoParams{ListParams: ListParams{First: ptr(1)}}
	for range 10 {
		page, err := s.ListVideos(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, ids(page.Items)...)
		if !page.HasNext {
			break
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
	if !slices.Equal(seen, []string{"v1", "v2", "v3"}) {
		t.Errorf("walk saw %v", seen)
	}
}

func TestFacetsDropInvisibleCategoriesAndGenres(t *testing.T) {
	list, err := New(catalog(), nil, Config{}).ListVideos(context.Background(), VideoParams{Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	f := list.Facets
	if f == nil {
		t.Fatal("no facets")
	}
	var categories []string
	for _, c := range f.Categories {
		categories = append(categories, c.Category.ID)
	}
	if !slices.Equal(categories, []string{"docs", "films"}) || f.Categories[0].Count != 2 {
		t.Errorf("category facets = %+v", f.Categories)
	}
	if len(f.Genres) != 2 || f.Genres[0].Genre.ID != "comedy" {
		t.Errorf("genre facets = %+v", f.Genres)
	}
	if want := []RatingFacet{{"12", 2}, {"L", 1}}; !slices.Equal(f.Ratings, want) {
		t.Errorf("rating facets = %+v, want %+v", f.Ratings, want)
	}
	if want := []YearFacet{{2010, 2}, {2001, 1}}; !slices.Equal(f.Years, want) {
		t.Errorf("year facets = %+v, want %+v", f.Years, want)
	}
	if noFacets, _ := New(catalog(), nil, Config{}).ListVideos(context.Background(), VideoParams{}); noFacets.Facets != nil {
		t.Error("facets computed without being asked for")
	}
}

func TestListVideosPassesTheFilter(t *testing.T) {
	list, err := New(catalog(), nil, Config{}).ListVideos(context.Background(), VideoParams{
		Filter: domain.VideoFilter{CategoryIDs: []string{"films"}, Ratings: []domain.Rating{"12"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(list.Items); !slices.Equal(got, []string{"v3"}) {
		t.Errorf("videos = %v, want v3", got)
	}
}
