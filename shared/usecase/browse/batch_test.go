package browse

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestRelationsShowOnlyBrowsableEntities(t *testing.T) {
	s := New(catalog(), nil, Config{MediaBaseURL: "https://cdn.test/media/"})
	v, _ := s.Video(context.Background(), "v1")
	rel, err := s.ResolveVideos(context.Background(), []domain.Video{v})
	if err != nil {
		t.Fatal(err)
	}
	r := rel["v1"]
	if got := ids(r.Categories); !slices.Equal(got, []string{"films"}) {
		t.Errorf("categories = %v, want films", got)
	}
	if got := ids(r.Genres); !slices.Equal(got, []string{"drama"}) {
		t.Errorf("genres = %v, want drama", got)
	}
	if got := ids(r.GenreCategories["drama"]); !slices.Equal(got, []string{"films"}) {
		t.Errorf("categories of drama = %v, want films", got)
	}
	if got := ids(r.CastMembers); !slices.Equal(got, []string{"bob", "ana"}) {
		t.Errorf("cast = %v, want bob ana in the video's order", got)
	}
	if r.VideoFile == nil || r.VideoFile.ID != "m1" || r.Trailer == nil || r.Trailer.ID != "t1" {
		t.Errorf("files = %+v, %+v", r.VideoFile, r.Trailer)
	}
	want := Images{Banner: "https://cdn.test/media/images/banner.jpg", Thumbnail: "https://cdn.test/media/images/thumb.jpg"}
	if r.Images != want {
		t.Errorf("images = %+v, want %+v", r.Images, want)
	}
}

// bigCatalog has n videos, each with its own categories, genres (with
// categories of their own), cast members, files and images.
func bigCatalog(n int) *fakeReader {
	f := &fakeReader{}
	for i := range n {
		id := func(kind string, j int) string { return fmt.Sprintf("%s%d_%d", kind, i, j) }
		v := domain.Video{ID: fmt.Sprintf("v%03d", i), Title: fmt.Sprintf("Video %03d", i), Published: true,
			VideoMediaID: id("m", 0), TrailerMediaID: id("m", 1),
			BannerID: id("i", 0), ThumbnailID: id("i", 1), ThumbnailHalfID: id("i", 2)}
		for j := range 3 {
			f.categories = append(f.categories, domain.Category{ID: id("c", j), Name: "c", Active: true})
			f.genres = append(f.genres, domain.Genre{ID: id("g", j), Name: "g", Active: true, CategoryIDs: []string{id("c", j)}})
			f.castMembers = append(f.castMembers, domain.CastMember{ID: id("p", j), Name: "p", Type: domain.Actor})
			f.imageMedia = append(f.imageMedia, domain.ImageMedia{ID: id("i", j), FilePath: "img"})
			v.CategoryIDs = append(v.CategoryIDs, id("c", j))
			v.GenreIDs = append(v.GenreIDs, id("g", j))
			v.CastMemberIDs = append(v.CastMemberIDs, id("p", j))
		}
		f.videoMedia = append(f.videoMedia,
			domain.VideoMedia{ID: id("m", 0), Status: domain.MediaCompleted, EncodedPath: "v"},
			domain.VideoMedia{ID: id("m", 1), Status: domain.MediaCompleted, EncodedPath: "t"})
		f.videos = append(f.videos, v)
	}
	return f
}

// pageRoundTrips lists a page of n videos and resolves every relation of each,
// from concurrent callers as a GraphQL executor would, and counts store calls.
func pageRoundTrips(t *testing.T, n int) int {
	ctx := context.Background()
	f := bigCatalog(n)
	s := New(f, nil, Config{})
	list, err := s.ListVideos(ctx, VideoParams{ListParams: ListParams{First: ptr(n)}, Facets: true})
	if err != nil || len(list.Items) != n {
		t.Fatalf("list: %d videos, %v", len(list.Items), err)
	}
	b := s.VideoBatch(list.Items)
	var wg sync.WaitGroup
	for _, v := range list.Items {
		wg.Go(func() {
			cats, err1 := b.Categories(ctx, v)
			genres, err2 := b.Genres(ctx, v)
			cast, err3 := b.CastMembers(ctx, v)
			_, err4 := b.Images(ctx, v)
			_, err5 := b.Playback(ctx, v)
			for _, err := range []error{err1, err2, err3, err4, err5} {
				if err != nil {
					t.Error(err)
				}
			}
			for _, g := range genres {
				if gc, err := b.GenreBatch().Categories(ctx, g); err != nil || len(gc) != 1 {
					t.Errorf("categories of %s = %v, %v", g.ID, gc, err)
				}
			}
			if len(cats) != 3 || len(genres) != 3 || len(cast) != 3 {
				t.Errorf("%s: %d categories, %d genres, %d cast members", v.ID, len(cats), len(genres), len(cast))
			}
		})
	}
	wg.Wait()
	return f.roundTrips()
}

func TestPageCostsTheSameRoundTripsWhateverItsSize(t *testing.T) {
	one, fifty := pageRoundTrips(t, 1), pageRoundTrips(t, 50)
	// list, facet categories, facet genres, categories, genres, genre
	// categories, cast members, video media, image media
	const want = 9
	if one != want || fifty != want {
		t.Errorf("round trips: %d for 1 video, %d for 50; want %d for both", one, fifty, want)
	}
}

func TestBatchLoadsOnlyWhatIsAskedFor(t *testing.T) {
	ctx := context.Background()
	f := bigCatalog(10)
	s := New(f, nil, Config{})
	b := s.VideoBatch(f.videos)
	for _, v := range f.videos {
		if _, err := b.CastMembers(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	if f.calls["CastMembers"] != 1 || f.roundTrips() != 1 {
		t.Errorf("calls = %v, want one CastMembers call", f.calls)
	}
}
