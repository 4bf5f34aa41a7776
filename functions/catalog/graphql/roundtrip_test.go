package graphql_test

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/videocatalog/catalog/functions/catalog/catalogtest"
	"github.com/videocatalog/catalog/functions/catalog/graphql"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
)

// countingReader counts the round trips made to the store it wraps.
type countingReader struct {
	domain.CatalogReader
	calls atomic.Int64
}

func (c *countingReader) Categories(ctx context.Context, ids []string) ([]domain.Category, error) {
	c.calls.Add(1)
	return c.CatalogReader.Categories(ctx, ids)
}

func (c *countingReader) Genres(ctx context.Context, ids []string) ([]domain.Genre, error) {
	c.calls.Add(1)
	return c.CatalogReader.Genres(ctx, ids)
}

func (c *countingReader) CastMembers(ctx context.Context, ids []string) ([]domain.CastMember, error) {
	c.calls.Add(1)
	return c.CatalogReader.CastMembers(ctx, ids)
}

func (c *countingReader) Videos(ctx context.Context, ids []string) ([]domain.Video, error) {
	c.calls.Add(1)
	return c.CatalogReader.Videos(ctx, ids)
}

func (c *countingReader) VideoMedia(ctx context.Context, ids []string) ([]domain.VideoMedia, error) {
	c.calls.Add(1)
	return c.CatalogReader.VideoMedia(ctx, ids)
}

func (c *countingReader) ImageMedia(ctx context.Context, ids []string) ([]domain.ImageMedia, error) {
	c.calls.Add(1)
	return c.CatalogReader.ImageMedia(ctx, ids)
}

func (c *countingReader) ListVideos(ctx context.Context, q domain.VideoQuery) (domain.VideoPage, error) {
	c.calls.Add(1)
	return c.CatalogReader.ListVideos(ctx, q)
}

// generatedStore is a catalog of 50 generated videos, shared by the tests that need more than the fixture.
var generatedStore = sync.OnceValues(func() (domain.Store, error) {
	s, err := embedded.OpenMemory()
	if err != nil {
		return nil, err
	}
	return s, catalogtest.Load(context.Background(), s, catalogtest.Generated(50))
})

func roundTrips(t *testing.T, first int) int64 {
	store, err := generatedStore()
	if err != nil {
		t.Fatal(err)
	}
	reader := &countingReader{CatalogReader: store}
	query := `{ videos(first: ` + strconv.Itoa(first) + `) { nodes { id title
		categories { id } genres { id categories { id } } castMembers { id }
		banner thumbnail trailer { status } video { status } playback { videoUrl } }
		facets { categories { count } genres { genre { categories { id } } count } } } }`
	r := post(t, newHandler(t, reader, graphql.Options{}), query, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors %+v", r.Errors)
	}
	return reader.calls.Load()
}

func TestAPageCostsAFixedNumberOfRoundTrips(t *testing.T) {
	one, fifty := roundTrips(t, 1), roundTrips(t, 50)
	// list with facets, the facets' categories and genres and the genres'
	// categories, then one each for the page's categories, genres, genre
	// categories, cast members, video media and image media.
	const want = 10
	if one != want || fifty != want {
		t.Errorf("round trips: %d for a page of 1, %d for a page of 50; want %d for both", one, fifty, want)
	}
}

func TestFieldsNotAskedForCostNoRoundTrip(t *testing.T) {
	reader := &countingReader{CatalogReader: fixture(t)}
	if r := post(t, newHandler(t, reader, graphql.Options{}), `{ videos { nodes { id title } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("errors %+v", r.Errors)
	}
	if n := reader.calls.Load(); n != 1 {
		t.Errorf("%d round trips for titles alone, want 1", n)
	}
}
