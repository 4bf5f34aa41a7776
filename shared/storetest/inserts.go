package storetest

import (
	"context"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// insertTests check that RowChange.Insert is only a hint: an insert meeting
// state the store already holds (a duplicate, a newer row, a delete marker,
// relations, a truncate mark) has the outcome a plain write would.
var insertTests = map[string]func(t *testing.T, s domain.Store){
	"NewRow": func(t *testing.T, s domain.Store) {
		row(t, s, Insert(Category("c1", "New"), Pos(2)), domain.Applied)
		wantName(t, s, "c1", "New")
	},
	"DuplicateIsStale": func(t *testing.T, s domain.Store) {
		row(t, s, Insert(Category("c1", "Once"), Pos(2)), domain.Applied)
		row(t, s, Insert(Category("c1", "Once"), Pos(2)), domain.Stale)
		wantName(t, s, "c1", "Once")
	},
	"OlderThanRowIsStale": func(t *testing.T, s domain.Store) {
		row(t, s, Put(Category("c1", "Updated"), Pos(3)), domain.Applied)
		row(t, s, Insert(Category("c1", "Inserted"), Pos(2)), domain.Stale)
		wantName(t, s, "c1", "Updated")
	},
	"NewerThanRowApplies": func(t *testing.T, s domain.Store) {
		// A row deleted and inserted again under the same id.
		row(t, s, Insert(Category("c1", "First"), Pos(2)), domain.Applied)
		row(t, s, Insert(Category("c1", "Second"), Pos(3)), domain.Applied)
		wantName(t, s, "c1", "Second")
	},
	"AfterDeleteMarker": func(t *testing.T, s domain.Store) {
		row(t, s, Delete(domain.KindCategory, "c1", Pos(4)), domain.Applied)
		row(t, s, Insert(Category("c1", "Late"), Pos(3)), domain.Stale)
		wantAbsent(t, s, domain.KindCategory, "c1")
		row(t, s, Insert(Category("c1", "Again"), Pos(5)), domain.Applied)
		wantName(t, s, "c1", "Again")
	},
	"KeepsRelationsThatCameFirst": func(t *testing.T, s domain.Store) {
		rel(t, s, Link(domain.VideoCategories, "v1", "c1", Pos(5)), domain.Applied)
		rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(6)), domain.Applied)
		row(t, s, Insert(Video("v1", "Film"), Pos(1)), domain.Applied)
		v := wantVideo(t, s, "v1")
		if v.Title != "Film" {
			t.Fatalf("title %q, want Film", v.Title)
		}
		equalIDs(t, "categories", v.CategoryIDs, []string{"c1"})
		equalIDs(t, "genres", v.GenreIDs, []string{"g1"})
	},
	"AfterTruncate": func(t *testing.T, s domain.Store) {
		if err := s.TruncateRows(context.Background(), domain.KindCategory, Pos(3)); err != nil {
			t.Fatalf("TruncateRows: %v", err)
		}
		row(t, s, Insert(Category("c1", "Before truncate"), Pos(2)), domain.Stale)
		wantAbsent(t, s, domain.KindCategory, "c1")
		row(t, s, Insert(Category("c1", "After truncate"), Pos(4)), domain.Applied)
		wantName(t, s, "c1", "After truncate")
	},
	"ThenTruncateAndDelete": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		row(t, s, Insert(Category("c1", "Inserted"), Pos(2)), domain.Applied)
		row(t, s, Insert(Category("c2", "Inserted later"), Pos(5)), domain.Applied)
		if err := s.TruncateRows(ctx, domain.KindCategory, Pos(3)); err != nil {
			t.Fatalf("TruncateRows: %v", err)
		}
		wantAbsent(t, s, domain.KindCategory, "c1")
		wantName(t, s, "c2", "Inserted later")
		row(t, s, Delete(domain.KindCategory, "c2", Pos(6)), domain.Applied)
		wantAbsent(t, s, domain.KindCategory, "c2")
	},
	"ThenUpdate": func(t *testing.T, s domain.Store) {
		row(t, s, Insert(Video("v1", "Film"), Pos(1)), domain.Applied)
		rel(t, s, Link(domain.VideoCastMembers, "v1", "m1", Pos(2)), domain.Applied)
		row(t, s, Put(Video("v1", "Renamed"), Pos(3)), domain.Applied)
		v := wantVideo(t, s, "v1")
		if v.Title != "Renamed" {
			t.Fatalf("title %q, want Renamed", v.Title)
		}
		equalIDs(t, "cast members", v.CastMemberIDs, []string{"m1"})
	},
}
