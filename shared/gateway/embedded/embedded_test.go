package embedded_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
	"github.com/videocatalog/catalog/shared/gateway/embedded"
	"github.com/videocatalog/catalog/shared/storetest"
)

func TestContractMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store {
		s, err := embedded.OpenMemory()
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestContractDisk(t *testing.T) {
	storetest.Run(t, func(t *testing.T) domain.Store {
		s, err := embedded.Open(filepath.Join(t.TempDir(), "catalog"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsState(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "catalog")
	s, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	apply(t, s, storetest.Put(storetest.Video("v1", "Matrix"), storetest.Pos(2)))
	apply(t, s, storetest.Link(domain.VideoGenres, "v1", "g1", storetest.Pos(3)))
	apply(t, s, storetest.Put(storetest.Category("c1", "Gone"), storetest.Pos(2)))
	apply(t, s, storetest.Delete(domain.KindCategory, "c1", storetest.Pos(4)))
	if err := s.TruncateRows(ctx, domain.KindGenre, storetest.Pos(5)); err != nil {
		t.Fatal(err)
	}
	if err := s.TruncateRelation(ctx, domain.VideoCastMembers, storetest.Pos(5)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyRow(ctx, storetest.Put(storetest.Video("v2", "Late"), storetest.Pos(9))); !errors.Is(err, domain.ErrUnavailable) {
		t.Errorf("ApplyRow after Close: %v, want ErrUnavailable", err)
	}

	s, err = embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := s.Videos(ctx, []string{"v1"})
	if err != nil || len(vs) != 1 || vs[0].Title != "Matrix" || !slices.Equal(vs[0].GenreIDs, []string{"g1"}) {
		t.Fatalf("Videos after reopen = %+v, %v", vs, err)
	}
	p, err := s.ListVideos(ctx, domain.VideoQuery{ListQuery: domain.ListQuery{Search: "matrx", Limit: 10}})
	if err != nil || p.Total != 1 {
		t.Fatalf("search after reopen = %+v, %v", p, err)
	}
	// Every position the store held before closing still refuses older changes.
	for _, c := range []domain.RowChange{
		storetest.Put(storetest.Video("v1", "Older"), storetest.Pos(1)),
		storetest.Put(storetest.Category("c1", "Older than delete"), storetest.Pos(3)),
		storetest.Put(storetest.Genre("g9", "Older than truncate"), storetest.Pos(4)),
	} {
		if got, err := s.ApplyRow(ctx, c); err != nil || got != domain.Stale {
			t.Errorf("ApplyRow(%s %s at %s) after reopen = %v, %v; want stale", c.Kind, c.ID, c.Position, got, err)
		}
	}
	rc := storetest.Link(domain.VideoCastMembers, "v1", "m1", storetest.Pos(4))
	if got, err := s.ApplyRelation(ctx, rc); err != nil || got != domain.Stale {
		t.Errorf("ApplyRelation older than relation truncate after reopen = %v, %v; want stale", got, err)
	}
	apply(t, s, storetest.Put(storetest.Genre("g9", "After truncate"), storetest.Pos(6)))
}

func apply(t *testing.T, s *embedded.Store, change any) {
	t.Helper()
	var got domain.Outcome
	var err error
	switch c := change.(type) {
	case domain.RowChange:
		got, err = s.ApplyRow(context.Background(), c)
	case domain.RelationChange:
		got, err = s.ApplyRelation(context.Background(), c)
	}
	if err != nil || got != domain.Applied {
		t.Fatalf("apply %+v = %v, %v; want applied", change, got, err)
	}
}
