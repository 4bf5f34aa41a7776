package cdc

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestCategory(t *testing.T) {
	deleted := atMillis
	ts := domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMillis}
	full := Row{"id": catID, "name": "Filmes", "description": "Longas", "active": true,
		"created_at": atMicros, "updated_at": atMillis, "deleted_at": deleted}
	tests := []struct {
		name string
		row  Row
		want domain.Category
		err  string
	}{
		{"every column", full, domain.Category{ID: catID, Name: "Filmes", Description: "Longas", Active: true, DeletedAt: &deleted, Timestamps: ts}, ""},
		{"nullable columns null", with(with(full, "description", nil), "deleted_at", nil),
			domain.Category{ID: catID, Name: "Filmes", Active: true, Timestamps: ts}, ""},
		{"the row Decode made", categoryState, domain.Category{ID: catID, Name: "Filmes", Active: true,
			Timestamps: domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMicros}}, ""},
		{"name missing", without(full, "name"), domain.Category{}, "categories.name is missing, but the column is required"},
		{"active null", with(full, "active", nil), domain.Category{}, "categories.active is null, but the column is required"},
		{"created_at missing", without(full, "created_at"), domain.Category{}, "categories.created_at is missing"},
		{"active wrong type", with(full, "active", "true"), domain.Category{}, `categories.active: expected a bool, found string "true"`},
		{"deleted_at wrong type", with(full, "deleted_at", int64(5)), domain.Category{}, "categories.deleted_at: expected a time.Time, found int64 5"},
		{"domain rule: empty name", with(full, "name", ""), domain.Category{}, "category.name: must not be empty"},
		{"domain rule: long description", with(full, "description", strings.Repeat("x", 4001)), domain.Category{}, "category.description: must be at most 4000 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Category(tt.row)
			checkErr(t, err, tt.err)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Category:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestGenre(t *testing.T) {
	full := Row{"id": "g1", "name": "Drama", "active": false, "created_at": atMicros, "updated_at": atMicros, "deleted_at": nil}
	got, err := Genre(full)
	checkErr(t, err, "")
	want := domain.Genre{ID: "g1", Name: "Drama", Timestamps: domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMicros}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Genre:\n got %#v\nwant %#v", got, want)
	}
	_, err = Genre(with(full, "id", "no spaces allowed"))
	checkErr(t, err, "genre.id: must be 1 to 64 characters")
	_, err = Genre(without(full, "active"))
	checkErr(t, err, "genres.active is missing")
}

func TestCastMember(t *testing.T) {
	full := Row{"id": "m1", "name": "Ana", "type": "ACTOR", "created_at": atMicros, "updated_at": atMillis}
	got, err := CastMember(full)
	checkErr(t, err, "")
	want := domain.CastMember{ID: "m1", Name: "Ana", Type: domain.Actor, Timestamps: domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMillis}}
	if got != want {
		t.Errorf("CastMember = %#v, want %#v", got, want)
	}
	_, err = CastMember(with(full, "type", "EXTRA"))
	checkErr(t, err, `cast_member.type: must be ACTOR or DIRECTOR, got "EXTRA"`)
	_, err = CastMember(without(full, "type"))
	checkErr(t, err, "cast_members.type is missing")
}

func TestVideo(t *testing.T) {
	full := Row{
		"id": videoID, "title": "Sintel", "description": "Dragon", "year_launched": int64(2010),
		"opened": true, "published": true, "rating": "12", "duration": 14.48,
		"created_at": atMicros, "updated_at": atMillis,
		"video_id": "v1", "trailer_id": "t1", "banner_id": "b1", "thumbnail_id": "th1", "thumbnail_half_id": "thh1",
	}
	want := domain.Video{
		ID: videoID, Title: "Sintel", Description: "Dragon", YearLaunched: 2010, Opened: true, Published: true,
		Rating: "12", Duration: 14.48, Timestamps: domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMillis},
		VideoMediaID: "v1", TrailerMediaID: "t1", BannerID: "b1", ThumbnailID: "th1", ThumbnailHalfID: "thh1",
	}
	got, err := Video(full)
	checkErr(t, err, "")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Video:\n got %#v\nwant %#v", got, want)
	}

	minimal := Row{"id": videoID, "title": "Sintel", "created_at": atMicros, "updated_at": atMicros,
		"duration": nil, "rating": nil, "opened": nil, "video_id": nil}
	got, err = Video(minimal)
	checkErr(t, err, "")
	if want := (domain.Video{ID: videoID, Title: "Sintel", Timestamps: domain.Timestamps{CreatedAt: atMicros, UpdatedAt: atMicros}}); !reflect.DeepEqual(got, want) {
		t.Errorf("Video(minimal):\n got %#v\nwant %#v", got, want)
	}

	for _, tt := range []struct {
		name string
		row  Row
		err  string
	}{
		{"title missing", without(full, "title"), "videos.title is missing"},
		{"year as float", with(full, "year_launched", 2010.0), "videos.year_launched: expected an int64, found float64 2010"},
		{"duration as string", with(full, "duration", "14.48"), "videos.duration: expected a float64, found string \"14.48\""},
		{"domain rule: rating", with(full, "rating", "21"), `video.rating: must be one of ER, L, 10, 12, 14, 16, 18, got "21"`},
		{"domain rule: media id", with(full, "banner_id", "a/b"), `video.banner_id: must be a media id, got "a/b"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Video(tt.row)
			checkErr(t, err, tt.err)
		})
	}
}

func TestMedia(t *testing.T) {
	vm := Row{"id": "v1", "name": "sintel.mp4", "checksum": "abc", "file_path": "/raw/sintel.mp4",
		"encoded_path": "/enc/sintel", "media_status": "COMPLETED"}
	gotV, err := VideoMedia(vm)
	checkErr(t, err, "")
	wantV := domain.VideoMedia{ID: "v1", Name: "sintel.mp4", Checksum: "abc", FilePath: "/raw/sintel.mp4",
		EncodedPath: "/enc/sintel", Status: domain.MediaCompleted}
	if gotV != wantV {
		t.Errorf("VideoMedia = %#v, want %#v", gotV, wantV)
	}
	gotV, err = VideoMedia(with(with(vm, "encoded_path", nil), "media_status", "PENDING"))
	checkErr(t, err, "")
	if gotV.EncodedPath != "" || gotV.Status != domain.MediaPending {
		t.Errorf("pending VideoMedia = %#v", gotV)
	}
	_, err = VideoMedia(with(vm, "media_status", "DONE"))
	checkErr(t, err, `video_media.media_status: must be PENDING, PROCESSING, COMPLETED or ERROR, got "DONE"`)
	_, err = VideoMedia(without(vm, "media_status"))
	checkErr(t, err, "videos_video_media.media_status is missing")

	im := Row{"id": "i1", "name": "banner.png", "checksum": "def", "file_path": "/img/banner.png"}
	gotI, err := ImageMedia(im)
	checkErr(t, err, "")
	if want := (domain.ImageMedia{ID: "i1", Name: "banner.png", Checksum: "def", FilePath: "/img/banner.png"}); gotI != want {
		t.Errorf("ImageMedia = %#v, want %#v", gotI, want)
	}
	_, err = ImageMedia(with(im, "file_path", []byte("x")))
	checkErr(t, err, "videos_image_media.file_path: expected a string, found []uint8")
}

func TestJoin(t *testing.T) {
	tests := []struct {
		table         string
		row           Row
		parent, child string
		err           string
	}{
		{"genres_categories", Row{"genre_id": "g1", "category_id": "c1"}, "g1", "c1", ""},
		{"videos_categories", Row{"video_id": "v1", "category_id": "c1"}, "v1", "c1", ""},
		{"videos_genres", Row{"video_id": "v1", "genre_id": "g1"}, "v1", "g1", ""},
		{"videos_cast_members", Row{"video_id": "v1", "cast_member_id": "m1", "created_at": time.Time{}}, "v1", "m1", ""},
		{"videos", Row{"id": "v1"}, "", "", `table "videos" is not a join table`},
		{"videos_genres", Row{"video_id": "v1"}, "", "", "videos_genres.genre_id is missing"},
		{"videos_genres", Row{"video_id": int64(1), "genre_id": "g1"}, "", "", "videos_genres.video_id: expected a string"},
		{"videos_genres", Row{"video_id": "v1", "genre_id": "g 1"}, "", "", `videos_genres.genre_id: must be 1 to 64 characters of [0-9A-Za-z_-], got "g 1"`},
	}
	for _, tt := range tests {
		t.Run(tt.table+"/"+tt.err, func(t *testing.T) {
			p, c, err := Join(tt.table, tt.row)
			checkErr(t, err, tt.err)
			if p != tt.parent || c != tt.child {
				t.Errorf("Join = (%q, %q), want (%q, %q)", p, c, tt.parent, tt.child)
			}
			var ve *domain.ValidationError
			if strings.Contains(tt.err, "must be") && (!errors.As(err, &ve) || ve.Field != "genre_id") {
				t.Errorf("want a ValidationError on field genre_id, got %#v", err)
			}
		})
	}
}

// TestDecodeThenBuild runs the whole path for every entity table.
func TestDecodeThenBuild(t *testing.T) {
	c, err := Decode(kafkaEvent(topic("videos"), readFixture(t, "videos_create_schemas_on.json")))
	checkErr(t, err, "")
	v, err := Video(c.State())
	checkErr(t, err, "")
	if v.Duration != 50 || v.YearLaunched != 2010 || v.Rating != "12" || v.VideoMediaID != "aa000000000000000000000000000001" || !v.CreatedAt.Equal(atMicros) {
		t.Errorf("Video = %#v", v)
	}
	id, err := c.ID()
	checkErr(t, err, "")
	if id != videoID {
		t.Errorf("ID = %q", id)
	}
}

func without(r Row, col string) Row {
	out := with(r, col, nil)
	delete(out, col)
	return out
}
