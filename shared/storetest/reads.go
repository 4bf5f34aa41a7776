package storetest

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

var deletedAt = At(100)

// seedVisibility stores, for every kind, entities that clients may and may not browse.
func seedVisibility(t *testing.T, s domain.Store) {
	inactive := Category("c2", "Inactive")
	inactive.Active = false
	softDeleted := Category("c3", "Soft deleted")
	softDeleted.DeletedAt = &deletedAt
	hiddenGenre := Genre("g2", "Hidden")
	hiddenGenre.Active = false
	draft := Video("v2", "Draft")
	draft.Published = false
	put(t, s, Pos(1), Category("c1", "Visible"), inactive, softDeleted, Category("c4", "Deleted"),
		Genre("g1", "Visible"), hiddenGenre, CastMember("m1", "Ann"), CastMember("m2", "Bob"),
		Video("v1", "Published"), draft, VideoMedia("vm1"), ImageMedia("im1"))
	row(t, s, Delete(domain.KindCategory, "c4", Pos(2)), domain.Applied)
	rel(t, s, Link(domain.GenreCategories, "g1", "c2", Pos(3)), domain.Applied)
	rel(t, s, Link(domain.GenreCategories, "g1", "c1", Pos(4)), domain.Applied)
	rel(t, s, Link(domain.VideoGenres, "v1", "g2", Pos(3)), domain.Applied)
	rel(t, s, Link(domain.VideoGenres, "v1", "g1", Pos(4)), domain.Applied)
	rel(t, s, Link(domain.VideoCastMembers, "v1", "m1", Pos(4)), domain.Applied)
	rel(t, s, Link(domain.VideoCategories, "v2", "c1", Pos(4)), domain.Applied)
	rel(t, s, Link(domain.VideoCategories, "v9", "c1", Pos(4)), domain.Applied) // parent row never arrives
}

var rowsTests = map[string]func(t *testing.T, s domain.Store){
	"EveryLiveRowWithRelations": func(t *testing.T, s domain.Store) {
		seedVisibility(t, s)
		want := map[domain.Kind][]string{
			domain.KindCategory:   {"c1", "c2", "c3"},
			domain.KindGenre:      {"g1", "g2"},
			domain.KindCastMember: {"m1", "m2"},
			domain.KindVideo:      {"v1", "v2"},
			domain.KindVideoMedia: {"vm1"},
			domain.KindImageMedia: {"im1"},
		}
		for kind, ids := range want {
			equalIDs(t, "Rows("+string(kind)+")", sortedKeys(rows(t, s, kind)), ids)
		}
		g1 := Genre("g1", "Visible")
		g1.CategoryIDs = []string{"c1", "c2"}
		wantEqual(t, "genre g1", rows(t, s, domain.KindGenre)["g1"], g1)
		v1 := Video("v1", "Published")
		v1.GenreIDs = []string{"g1", "g2"}
		v1.CastMemberIDs = []string{"m1"}
		wantEqual(t, "video v1", rows(t, s, domain.KindVideo)["v1"], v1)
		softDeleted := Category("c3", "Soft deleted")
		softDeleted.DeletedAt = &deletedAt
		wantEqual(t, "category c3", rows(t, s, domain.KindCategory)["c3"], softDeleted)
		wantEqual(t, "video media", rows(t, s, domain.KindVideoMedia)["vm1"], VideoMedia("vm1"))
	},
	"RoundTripsEveryField": func(t *testing.T, s domain.Store) {
		v := domain.Video{
			ID: "v1", Title: "Ação", Description: "Uma história", YearLaunched: 1999, Opened: false,
			Published: true, Rating: "14", Duration: 123.45,
			Timestamps:   domain.Timestamps{CreatedAt: At(1), UpdatedAt: At(2).Add(1500 * time.Millisecond)},
			VideoMediaID: "vm1", TrailerMediaID: "vm2", BannerID: "im1", ThumbnailID: "im2", ThumbnailHalfID: "im3",
		}
		c := domain.Category{ID: "c1", Name: "Séries", Description: "Episódios", Timestamps: stamps(3)}
		m := domain.CastMember{ID: "m1", Name: "Zoë", Type: domain.Director, Timestamps: stamps(4)}
		vm := domain.VideoMedia{ID: "vm1", Name: "n", Checksum: "abc", FilePath: "/a", Status: domain.MediaProcessing}
		im := domain.ImageMedia{ID: "im1", Name: "n", Checksum: "def", FilePath: "/b"}
		put(t, s, Pos(1), v, c, m, vm, im)
		wantEqual(t, "video", rows(t, s, domain.KindVideo)["v1"], v)
		wantEqual(t, "category", rows(t, s, domain.KindCategory)["c1"], c)
		wantEqual(t, "cast member", rows(t, s, domain.KindCastMember)["m1"], m)
		wantEqual(t, "video media", rows(t, s, domain.KindVideoMedia)["vm1"], vm)
		wantEqual(t, "image media", rows(t, s, domain.KindImageMedia)["im1"], im)
	},
	"RowChangeRelationIDsAreIgnored": func(t *testing.T, s domain.Store) {
		v := Video("v1", "Film")
		v.CategoryIDs = []string{"c9"}
		put(t, s, Pos(1), v)
		equalIDs(t, "categories", wantVideo(t, s, "v1").CategoryIDs, nil)
	},
}

var batchTests = map[string]func(t *testing.T, s domain.Store){
	"OnlyVisibleAndKnown": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		seedVisibility(t, s)
		cs, err := s.Categories(ctx, []string{"c1", "c2", "c3", "c4", "nope"})
		check(t, "Categories", err)
		equalIDs(t, "Categories", ids(cs), []string{"c1"})
		gs, err := s.Genres(ctx, []string{"g1", "g2", "nope"})
		check(t, "Genres", err)
		equalIDs(t, "Genres", ids(gs), []string{"g1"})
		if len(gs) == 1 {
			equalIDs(t, "Genres categories", gs[0].CategoryIDs, []string{"c1", "c2"})
		}
		ms, err := s.CastMembers(ctx, []string{"m1", "m2", "nope"})
		check(t, "CastMembers", err)
		equalIDs(t, "CastMembers", ids(ms), []string{"m1", "m2"})
		vs, err := s.Videos(ctx, []string{"v1", "v2", "v9", "nope"})
		check(t, "Videos", err)
		equalIDs(t, "Videos", ids(vs), []string{"v1"})
		if len(vs) == 1 {
			equalIDs(t, "Videos genres", vs[0].GenreIDs, []string{"g1", "g2"})
			equalIDs(t, "Videos cast", vs[0].CastMemberIDs, []string{"m1"})
		}
		vms, err := s.VideoMedia(ctx, []string{"vm1", "nope"})
		check(t, "VideoMedia", err)
		equalIDs(t, "VideoMedia", ids(vms), []string{"vm1"})
		ims, err := s.ImageMedia(ctx, []string{"im1", "vm1"})
		check(t, "ImageMedia", err)
		equalIDs(t, "ImageMedia", ids(ims), []string{"im1"})
	},
	"EmptyAndDuplicateIDs": func(t *testing.T, s domain.Store) {
		ctx := context.Background()
		put(t, s, Pos(1), Category("c1", "One"))
		cs, err := s.Categories(ctx, nil)
		check(t, "Categories(nil)", err)
		equalIDs(t, "Categories(nil)", ids(cs), nil)
		cs, err = s.Categories(ctx, []string{"c1", "c1"})
		check(t, "Categories(dup)", err)
		equalIDs(t, "Categories(dup)", ids(cs), []string{"c1"})
	},
	"ManyIDs": func(t *testing.T, s domain.Store) {
		var want []string
		for i := range 150 {
			put(t, s, Pos(i+1), CastMember(ID("m", i), "Name"))
			want = append(want, ID("m", i))
		}
		ms, err := s.CastMembers(context.Background(), want)
		check(t, "CastMembers", err)
		slices.Sort(want)
		equalIDs(t, "CastMembers", ids(ms), want)
	},
}

// wantEqual compares entities field by field, an empty relation id list being equal to a nil one.
func wantEqual(t *testing.T, what string, got domain.Entity, want domain.Entity) {
	t.Helper()
	if !reflect.DeepEqual(withoutEmptyRelations(got), withoutEmptyRelations(want)) {
		t.Errorf("%s =\n  %+v\nwant\n  %+v", what, got, want)
	}
}

func check(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func withoutEmptyRelations(e domain.Entity) domain.Entity {
	orNil := func(ids []string) []string {
		if len(ids) == 0 {
			return nil
		}
		return ids
	}
	switch v := e.(type) {
	case domain.Genre:
		v.CategoryIDs = orNil(v.CategoryIDs)
		return v
	case domain.Video:
		v.CategoryIDs, v.GenreIDs, v.CastMemberIDs = orNil(v.CategoryIDs), orNil(v.GenreIDs), orNil(v.CastMemberIDs)
		return v
	}
	return e
}
