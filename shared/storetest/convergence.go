package storetest

import (
	"context"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// convergenceTests check the rules of domain.ChangeStore through Rows and the batch reads.
var convergenceTests = map[string]func(t *testing.T, s domain.Store){
	"NewerRowWins": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Category("c1", "Old"), Pos(2)), domain.Applied)
		row(t, s, Put(Category("c1", "New"), Pos(3)), domain.Applied)
		wantName(t, s, "c1", "New")
	},
	"OlderRowIsStale": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Category("c1", "New"), Pos(3)), domain.Applied)
		row(t, s, Put(Category("c1", "Old"), Pos(2)), domain.Stale)
		wantName(t, s, "c1", "New")
	},
	"SamePositionIsStale": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Category("c1", "Once"), Pos(2)), domain.Applied)
		row(t, s, Put(Category("c1", "Once"), Pos(2)), domain.Stale)
		row(t, s, Delete(domain.KindGenre, "g1", Pos(2)), domain.Applied)
		row(t, s, Delete(domain.KindGenre, "g1", Pos(2)), domain.Stale)
		rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(2)), domain.Applied)
		rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(2)), domain.Stale)
		wantName(t, s, "c1", "Once")
	},
	"DeleteMarkerStopsOlderWrites": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Category("c1", "Live"), Pos(2)), domain.Applied)
		row(t, s, Delete(domain.KindCategory, "c1", Pos(4)), domain.Applied)
		wantAbsent(t, s, domain.KindCategory, "c1")
		row(t, s, Put(Category("c1", "Late"), Pos(3)), domain.Stale)
		row(t, s, Delete(domain.KindCategory, "c1", Pos(3)), domain.Stale)
		wantAbsent(t, s, domain.KindCategory, "c1")
		got, err := s.Categories(context.Background(), []string{"c1"})
		if err != nil || len(got) != 0 {
			t.Fatalf("Categories(deleted) = %v, %v; want none", got, err)
		}
		row(t, s, Put(Category("c1", "Again"), Pos(5)), domain.Applied)
		wantName(t, s, "c1", "Again")
	},
	"DeleteBeforeFirstWrite": func(t *testing.T, s domain.Store) {
		row(t, s, Delete(domain.KindCategory, "c1", Pos(4)), domain.Applied)
		row(t, s, Put(Category("c1", "Late"), Pos(3)), domain.Stale)
		wantAbsent(t, s, domain.KindCategory, "c1")
	},
	"DeleteDropsOlderRelationsAndRefusesThem": func(t *testing.T, s domain.Store) {
		rel(t, s, Link(domain.VideoCategories, "v1", "c1", Pos(2)), domain.Applied)
		row(t, s, Put(Video("v1", "Film"), Pos(3)), domain.Applied)
		rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(4)), domain.Applied)
		row(t, s, Delete(domain.KindVideo, "v1", Pos(5)), domain.Applied)
		rel(t, s, Link(domain.VideoCategories, "v1", "c2", Pos(4)), domain.Stale)
		rel(t, s, Unlink(domain.VideoGenres, "v1", "g1", Pos(4)), domain.Stale)
		rel(t, s, Link(domain.VideoCategories, "v1", "c3", Pos(6)), domain.Applied)
		row(t, s, Put(Video("v1", "Film"), Pos(7)), domain.Applied)
		v := wantVideo(t, s, "v1")
		equalIDs(t, "categories", v.CategoryIDs, []string{"c3"})
		equalIDs(t, "genres", v.GenreIDs, nil)
	},
	"RelationPerPairByPosition": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Video("v1", "Film"), Pos(1)), domain.Applied)
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m1", Pos(2)), domain.Applied)
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m2", Pos(3)), domain.Applied)
		rel(t, s, Unlink(domain.VideoCastMembers, "v1", "m1", Pos(5)), domain.Applied)
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m1", Pos(4)), domain.Stale)
		rel(t, s, Unlink(domain.VideoCastMembers, "v1", "m2", Pos(2)), domain.Stale)
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m3", Pos(2)), domain.Applied)
		equalIDs(t, "cast members", wantVideo(t, s, "v1").CastMemberIDs, []string{"m2", "m3"})
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m1", Pos(6)), domain.Applied)
		equalIDs(t, "cast members", wantVideo(t, s, "v1").CastMemberIDs, []string{"m1", "m2", "m3"})
		// A row write keeps the relations: they come from join rows only.
		row(t, s, Put(Video("v1", "Renamed"), Pos(7)), domain.Applied)
		equalIDs(t, "cast members", wantVideo(t, s, "v1").CastMemberIDs, []string{"m1", "m2", "m3"})
	},
	"RelationBeforeParentRow": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		rel(t, s, Link(domain.VideoCategories, "v1", "c1", Pos(5)), domain.Applied)
		rel(t, s, Link(domain.GenreCategories, "g1", "c1", Pos(5)), domain.Applied)
		for _, k := range []domain.Kind{domain.KindVideo, domain.KindGenre} {
			if got := rows(t, s, k); len(got) != 0 {
				t.Fatalf("Rows(%s) with only relations = %v, want none", k, got)
			}
		}
		vs, err := s.Videos(ctx, []string{"v1"})
		if err != nil || len(vs) != 0 {
			t.Fatalf("Videos(relation-only) = %v, %v; want none", vs, err)
		}
		page, err := s.ListVideos(ctx, domain.VideoQuery{ListQuery: domain.ListQuery{Limit: 10}, Facets: true})
		if err != nil || page.Total != 0 || len(page.Items) != 0 || page.Facets == nil || len(page.Facets.Categories) != 0 {
			t.Fatalf("ListVideos(relation-only) = %+v, %v; want empty", page, err)
		}
		// The row is older than its join row: each is ordered on its own.
		row(t, s, Put(Video("v1", "Film"), Pos(1)), domain.Applied)
		row(t, s, Put(Genre("g1", "Drama"), Pos(1)), domain.Applied)
		equalIDs(t, "video categories", wantVideo(t, s, "v1").CategoryIDs, []string{"c1"})
		g, ok := rows(t, s, domain.KindGenre)["g1"].(domain.Genre)
		if !ok {
			t.Fatalf("genre g1 missing from Rows")
		}
		equalIDs(t, "genre categories", g.CategoryIDs, []string{"c1"})
		vs, err = s.Videos(ctx, []string{"v1"})
		if err != nil || len(vs) != 1 {
			t.Fatalf("Videos = %v, %v; want v1", vs, err)
		}
		equalIDs(t, "Videos categories", vs[0].CategoryIDs, []string{"c1"})
	},
	"TruncateRows": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		row(t, s, Put(Category("c1", "Old"), Pos(2)), domain.Applied)
		row(t, s, Put(Category("c2", "Newer"), Pos(4)), domain.Applied)
		row(t, s, Put(Genre("g1", "Other kind"), Pos(2)), domain.Applied)
		if err := s.TruncateRows(ctx, domain.KindCategory, Pos(3)); err != nil {
			t.Fatalf("TruncateRows: %v", err)
		}
		equalIDs(t, "categories after truncate", sortedKeys(rows(t, s, domain.KindCategory)), []string{"c2"})
		equalIDs(t, "genres after category truncate", sortedKeys(rows(t, s, domain.KindGenre)), []string{"g1"})
		row(t, s, Put(Category("c1", "Late"), Pos(2)), domain.Stale)
		row(t, s, Put(Category("c3", "Before truncate"), Pos(1)), domain.Stale)
		row(t, s, Put(Category("c1", "After truncate"), Pos(5)), domain.Applied)
		equalIDs(t, "categories", sortedKeys(rows(t, s, domain.KindCategory)), []string{"c1", "c2"})
		wantName(t, s, "c1", "After truncate")
		// Truncating again at an older position changes nothing.
		if err := s.TruncateRows(ctx, domain.KindCategory, Pos(1)); err != nil {
			t.Fatalf("TruncateRows: %v", err)
		}
		equalIDs(t, "categories", sortedKeys(rows(t, s, domain.KindCategory)), []string{"c1", "c2"})
	},
	"TruncateRelation": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		row(t, s, Put(Video("v1", "Film"), Pos(1)), domain.Applied)
		rel(t, s, Link(domain.VideoCategories, "v1", "c1", Pos(2)), domain.Applied)
		rel(t, s, Link(domain.VideoCategories, "v1", "c2", Pos(4)), domain.Applied)
		rel(t, s, Link(domain.VideoCategories, "v2", "c1", Pos(2)), domain.Applied)
		rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(2)), domain.Applied)
		if err := s.TruncateRelation(ctx, domain.VideoCategories, Pos(3)); err != nil {
			t.Fatalf("TruncateRelation: %v", err)
		}
		v := wantVideo(t, s, "v1")
		equalIDs(t, "categories", v.CategoryIDs, []string{"c2"})
		equalIDs(t, "genres (other relation)", v.GenreIDs, []string{"g1"})
		if v.Title != "Film" {
			t.Errorf("title = %q, the row must survive a relation truncate", v.Title)
		}
		rel(t, s, Link(domain.VideoCategories, "v1", "c3", Pos(2)), domain.Stale)
		rel(t, s, Unlink(domain.VideoCategories, "v1", "c2", Pos(1)), domain.Stale)
		rel(t, s, Link(domain.VideoCategories, "v1", "c4", Pos(5)), domain.Applied)
		row(t, s, Put(Video("v2", "Other"), Pos(6)), domain.Applied)
		equalIDs(t, "v1 categories", wantVideo(t, s, "v1").CategoryIDs, []string{"c2", "c4"})
		equalIDs(t, "v2 categories", wantVideo(t, s, "v2").CategoryIDs, nil)
	},
	"SnapshotThenStreamedAtSamePosition": func(t *testing.T, s domain.Store) {
		snap, streamed := Pos(5), Pos(5)
		snap.Snapshot = true
		row(t, s, Put(Category("c1", "Snapshot"), snap), domain.Applied)
		row(t, s, Put(Category("c1", "Streamed"), streamed), domain.Applied)
		row(t, s, Put(Category("c1", "Snapshot"), snap), domain.Stale)
		wantName(t, s, "c1", "Streamed")
	},
	"StreamedThenSnapshotAtSamePosition": func(t *testing.T, s domain.Store) {
		snap, streamed := Pos(5), Pos(5)
		snap.Snapshot = true
		row(t, s, Put(Category("c1", "Streamed"), streamed), domain.Applied)
		row(t, s, Put(Category("c1", "Snapshot"), snap), domain.Stale)
		rel(t, s, Link(domain.GenreCategories, "g1", "c1", streamed), domain.Applied)
		rel(t, s, Unlink(domain.GenreCategories, "g1", "c1", snap), domain.Stale)
		wantName(t, s, "c1", "Streamed")
	},
	"BinlogFileRollover": func(t *testing.T, s domain.Store) {
		nine := domain.Position{File: "mysql-bin.000009", Pos: 987654}
		ten := domain.Position{File: "mysql-bin.000010", Pos: 4}
		row(t, s, Put(Category("c1", "Nine"), nine), domain.Applied)
		row(t, s, Put(Category("c1", "Ten"), ten), domain.Applied)
		row(t, s, Put(Category("c1", "Nine"), nine), domain.Stale)
		rel(t, s, Link(domain.GenreCategories, "g1", "c1", ten), domain.Applied)
		rel(t, s, Unlink(domain.GenreCategories, "g1", "c1", nine), domain.Stale)
		wantName(t, s, "c1", "Ten")
	},
	"MultiRowEventOrder": func(t *testing.T, s domain.Store) {
		first := domain.Position{File: "mysql-bin.000001", Pos: 500, Row: 0}
		second := domain.Position{File: "mysql-bin.000001", Pos: 500, Row: 1}
		row(t, s, Put(Category("c1", "Second"), second), domain.Applied)
		row(t, s, Put(Category("c1", "First"), first), domain.Stale)
		wantName(t, s, "c1", "Second")
	},
	"ConcurrentDeliveries": concurrentDeliveries,
	"InvalidChangeIsRefused": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		_, err := s.ApplyRow(ctx, Put(Category("c1", ""), Pos(1)))
		wantErr(t, "ApplyRow(empty name)", err, domain.ErrInvalid)
		mismatch := Put(Category("c1", "Name"), Pos(1))
		mismatch.ID = "c2"
		_, err = s.ApplyRow(ctx, mismatch)
		wantErr(t, "ApplyRow(id mismatch)", err, domain.ErrInvalid)
		_, err = s.ApplyRelation(ctx, Link(domain.VideoGenres, "v 1", "g1", Pos(1)))
		wantErr(t, "ApplyRelation(bad parent id)", err, domain.ErrInvalid)
		_, err = s.ApplyRow(ctx, Put(Category("c1", "Name"), domain.Position{}))
		wantErr(t, "ApplyRow(no position)", err, domain.ErrInvalid)
		_, err = s.ApplyRelation(ctx, Link(domain.VideoGenres, "v1", "g1", domain.Position{}))
		wantErr(t, "ApplyRelation(no position)", err, domain.ErrInvalid)
		if got := rows(t, s, domain.KindCategory); len(got) != 0 {
			t.Errorf("Rows after refused changes = %v, want none", got)
		}
	},
}

func wantName(t *testing.T, s domain.Store, id, name string) {
	t.Helper()
	c, ok := rows(t, s, domain.KindCategory)[id].(domain.Category)
	if !ok {
		t.Fatalf("category %s missing from Rows", id)
	}
	if c.Name != name {
		t.Fatalf("category %s name = %q, want %q", id, c.Name, name)
	}
}

func wantVideo(t *testing.T, s domain.Store, id string) domain.Video {
	t.Helper()
	v, ok := rows(t, s, domain.KindVideo)[id].(domain.Video)
	if !ok {
		t.Fatalf("video %s missing from Rows", id)
	}
	return v
}

func wantAbsent(t *testing.T, s domain.Store, kind domain.Kind, id string) {
	t.Helper()
	if e, ok := rows(t, s, kind)[id]; ok {
		t.Fatalf("Rows(%s) still holds %s: %+v", kind, id, e)
	}
}
