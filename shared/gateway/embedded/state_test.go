package embedded

import (
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func pos(n int64) domain.Position { return domain.Position{File: "mysql-bin.000001", Pos: n} }

// A delete sets the relation floor; a later write must not lower it, or a
// relation change older than the delete would apply again.
func TestFloorSurvivesRewrite(t *testing.T) {
	st := &state{Kind: domain.KindVideo, ID: "v1"}
	video := domain.Video{ID: "v1", Title: "T"}
	for _, c := range []domain.RowChange{
		{Kind: domain.KindVideo, ID: "v1", Position: pos(2), Entity: video},
		{Kind: domain.KindVideo, ID: "v1", Position: pos(5)},
		{Kind: domain.KindVideo, ID: "v1", Position: pos(7), Entity: video},
	} {
		if ok, err := st.applyRow(c, ""); !ok || err != nil {
			t.Fatalf("applyRow at %s = %v, %v", c.Position, ok, err)
		}
	}
	link := domain.RelationChange{Relation: domain.VideoGenres, ParentID: "v1", ChildID: "g1", Position: pos(4), Present: true}
	if st.applyRelation(link, "") {
		t.Errorf("relation change older than the delete applied after a rewrite")
	}
	if st.Floor != pos(5).Key() {
		t.Errorf("floor %q, want the delete's %q", st.Floor, pos(5).Key())
	}
}

// Removed join rows stay as entries: dropping them would let an older add back in.
func TestRemovedPairKeepsItsPosition(t *testing.T) {
	st := &state{Kind: domain.KindGenre, ID: "g1"}
	rel := domain.GenreCategories
	st.applyRelation(domain.RelationChange{Relation: rel, ParentID: "g1", ChildID: "c1", Position: pos(3)}, "")
	if st.applyRelation(domain.RelationChange{Relation: rel, ParentID: "g1", ChildID: "c1", Position: pos(2), Present: true}, "") {
		t.Fatal("an add older than the removal applied")
	}
	if ids := st.relationIDs()[rel.Name]; len(ids) != 0 {
		t.Errorf("relation ids %v, want none", ids)
	}
}
