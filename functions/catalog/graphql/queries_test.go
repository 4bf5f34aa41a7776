package graphql_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/videocatalog/catalog/functions/catalog/graphql"
)

func TestVideoAnswersEveryField(t *testing.T) {
	var data struct {
		Video struct {
			ID, Title, Description, Rating, CreatedAt, UpdatedAt string
			YearLaunched                                         int
			Opened                                               bool
			Duration                                             float64
			Categories                                           []node
			Genres                                               []struct {
				node
				Categories []node
			}
			CastMembers []struct {
				node
				Type string
			}
			Banner, Thumbnail, ThumbnailHalf *string
			Trailer, Video                   *struct{ ID, Status string }
			Playback                         *struct {
				VideoURL   string  `json:"videoUrl"`
				TrailerURL *string `json:"trailerUrl"`
				ExpiresAt  *string
			}
		}
	}
	run(t, `{ video(id: "v01") {
		id title description yearLaunched opened rating duration createdAt updatedAt
		categories { id name } genres { id name categories { id name } } castMembers { id name type }
		banner thumbnail thumbnailHalf trailer { id status } video { id status }
		playback { videoUrl trailerUrl expiresAt }
	} }`, nil, &data)
	v := data.Video
	if v.ID != "v01" || v.Title != "Amazing Journey" || v.Description != "About Amazing Journey" || v.YearLaunched != 2001 ||
		!v.Opened || v.Rating != "L" || v.Duration != 95.5 || v.CreatedAt != "2024-01-01T11:00:00Z" || v.UpdatedAt != "2024-01-05T03:00:00Z" {
		t.Errorf("scalars = %+v", v)
	}
	// Inactive, deleted and missing entities are left out of relations.
	if got := idsOf(v.Categories); !slices.Equal(got, []string{"cat-films"}) {
		t.Errorf("categories = %v, want cat-films", got)
	}
	if len(v.Genres) != 1 || v.Genres[0].ID != "gen-drama" || !slices.Equal(idsOf(v.Genres[0].Categories), []string{"cat-films"}) {
		t.Errorf("genres = %+v, want gen-drama with cat-films", v.Genres)
	}
	cast := map[string]string{}
	for _, m := range v.CastMembers {
		cast[m.ID] = m.Type
	}
	if len(cast) != 2 || cast["cm-bruno"] != "DIRECTOR" || cast["cm-ana"] != "ACTOR" {
		t.Errorf("cast = %+v, want Bruno (director) and Ana (actor)", v.CastMembers)
	}
	if v.Banner == nil || *v.Banner != mediaBase+"/img/img01" || v.Thumbnail == nil || *v.Thumbnail != mediaBase+"/img/img02" || v.ThumbnailHalf != nil {
		t.Errorf("images = %v %v %v", v.Banner, v.Thumbnail, v.ThumbnailHalf)
	}
	if v.Video == nil || v.Video.ID != "vm01" || v.Video.Status != "COMPLETED" || v.Trailer == nil || v.Trailer.ID != "tr01" {
		t.Errorf("media = %+v %+v", v.Video, v.Trailer)
	}
	if p := v.Playback; p == nil || p.VideoURL != mediaBase+"/out/vm01" || p.TrailerURL == nil || *p.TrailerURL != mediaBase+"/out/tr01" || p.ExpiresAt != nil {
		t.Errorf("playback = %+v", p)
	}
}

func TestVideoOfAnUnpublishedOrUnknownIDIsNull(t *testing.T) {
	for _, id := range []string{"v09", "nope", "not/an/id"} {
		var data struct{ Video *node }
		run(t, `query($id: ID!) { video(id: $id) { id } }`, map[string]any{"id": id}, &data)
		if data.Video != nil {
			t.Errorf("video(%s) = %+v, want null", id, data.Video)
		}
	}
}

func TestPlaybackOfAnUnencodedVideoIsNotReady(t *testing.T) {
	r := post(t, newHandler(t, fixture(t), graphql.Options{}), `{ video(id: "v02") { title playback { videoUrl } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_READY" || r.Errors[0].Extensions["status"] != "PROCESSING" {
		t.Fatalf("errors = %+v, want one NOT_READY for a PROCESSING file", r.Errors)
	}
	if string(r.Data) != `{"video":{"title":"Brave Hearts","playback":null}}` {
		t.Errorf("data = %s, want the video with a null playback", r.Data)
	}
}

func TestCategoriesShowOnlyActiveOnes(t *testing.T) {
	var data struct {
		Categories struct {
			TotalCount int
			Nodes      []node
		}
		Films, Off, Gone *node
	}
	run(t, `{ categories { totalCount nodes { id name } }
		films: category(id: "cat-films") { id name }
		off: category(id: "cat-off") { id }
		gone: category(id: "cat-gone") { id } }`, nil, &data)
	if got := idsOf(data.Categories.Nodes); !slices.Equal(got, []string{"cat-docs", "cat-films", "cat-kids"}) || data.Categories.TotalCount != 3 {
		t.Errorf("categories = %v (total %d)", got, data.Categories.TotalCount)
	}
	if data.Films == nil || data.Films.Name != "Films" || data.Off != nil || data.Gone != nil {
		t.Errorf("by id: films %+v, off %+v, gone %+v", data.Films, data.Off, data.Gone)
	}
}

func TestGenresShowOnlyActiveOnesAndTheirActiveCategories(t *testing.T) {
	type genre struct {
		node
		Categories []node
	}
	var data struct {
		Genres struct{ Nodes []genre }
		Drama  *genre
		Off    *genre
	}
	run(t, `{ genres { nodes { id name categories { id } } }
		drama: genre(id: "gen-drama") { id name categories { id name } }
		off: genre(id: "gen-off") { id } }`, nil, &data)
	var got []string
	for _, g := range data.Genres.Nodes {
		got = append(got, g.ID+":"+strings.Join(idsOf(g.Categories), ","))
	}
	if want := []string{"gen-action:cat-films,cat-kids", "gen-comedy:cat-docs", "gen-drama:cat-films"}; !slices.Equal(got, want) {
		t.Errorf("genres = %v, want %v", got, want)
	}
	if data.Drama == nil || data.Drama.Name != "Drama" || !slices.Equal(idsOf(data.Drama.Categories), []string{"cat-films"}) || data.Off != nil {
		t.Errorf("by id: drama %+v, off %+v", data.Drama, data.Off)
	}
}

func TestCastMembers(t *testing.T) {
	type member struct {
		node
		Type string
	}
	var data struct {
		CastMembers struct{ Nodes []member }
		Bruno       *member
		Nobody      *member
	}
	run(t, `{ castMembers(sort: {field: NAME, direction: DESC}) { nodes { id name type } }
		bruno: castMember(id: "cm-bruno") { id name type }
		nobody: castMember(id: "cm-nobody") { id } }`, nil, &data)
	var got []string
	for _, m := range data.CastMembers.Nodes {
		got = append(got, m.ID+":"+m.Type)
	}
	if want := []string{"cm-carla:ACTOR", "cm-bruno:DIRECTOR", "cm-ana:ACTOR"}; !slices.Equal(got, want) {
		t.Errorf("cast members = %v, want %v", got, want)
	}
	if data.Bruno == nil || data.Bruno.Name != "Bruno Lima" || data.Bruno.Type != "DIRECTOR" || data.Nobody != nil {
		t.Errorf("by id: bruno %+v, nobody %+v", data.Bruno, data.Nobody)
	}
}
