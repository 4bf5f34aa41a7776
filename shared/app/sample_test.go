package app_test

import (
	"context"
	"slices"
	"testing"

	"github.com/videocatalog/catalog/shared/app"
	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/sample"
)

func TestSampleLoadsThroughTheSinksOnce(t *testing.T) {
	store, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()

	records, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	n, err := app.LoadSample(ctx, store)
	if err != nil || n != len(records) {
		t.Fatalf("LoadSample = %d, %v; want %d events", n, err, len(records))
	}
	if again, err := app.LoadSample(ctx, store); err != nil || again != 0 {
		t.Fatalf("second LoadSample = %d, %v; want 0: the store is not empty", again, err)
	}

	videos, err := store.Rows(ctx, domain.KindVideo)
	if err != nil {
		t.Fatal(err)
	}
	cast, _ := store.Rows(ctx, domain.KindCastMember)
	categories, _ := store.Rows(ctx, domain.KindCategory)
	genres, _ := store.Rows(ctx, domain.KindGenre)
	if len(videos) < 30 || len(categories) < 20 || len(genres) < 15 || len(cast) < 30 {
		t.Fatalf("sample too small: %d videos, %d categories, %d genres, %d cast members",
			len(videos), len(categories), len(genres), len(cast))
	}
	byTitle := map[string]domain.Video{}
	for _, e := range videos {
		v := e.(domain.Video)
		byTitle[v.Title] = v
		if len(v.CategoryIDs) == 0 || len(v.GenreIDs) == 0 || len(v.CastMemberIDs) == 0 {
			t.Errorf("%q has no relations: %+v", v.Title, v)
		}
	}
	// The streamed changes after the snapshot took effect.
	last := byTitle["Coming Home"]
	media, err := store.VideoMedia(ctx, []string{last.VideoMediaID})
	if err != nil || len(media) != 1 || media[0].Status != domain.MediaCompleted || media[0].EncodedPath == "" {
		t.Fatalf("the encoding that finished after the snapshot: %+v, %v", media, err)
	}
	for _, e := range cast {
		if e.(domain.CastMember).Name == "Ator Aposentado" {
			t.Errorf("the cast member deleted after the snapshot is still there")
		}
	}
	page, err := store.ListVideos(ctx, domain.VideoQuery{ListQuery: domain.ListQuery{Search: "acao", Limit: 5}})
	if err != nil || page.Total == 0 || !slices.ContainsFunc(page.Items, func(v domain.Video) bool { return v.Title == "Ação em Dobro" }) {
		t.Fatalf(`search "acao": %+v, %v`, page, err)
	}
}
