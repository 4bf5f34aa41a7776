package domain_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestValidation(t *testing.T) {
	now := time.Now()
	long := strings.Repeat("á", 256)
	cases := []struct {
		name   string
		entity domain.Entity
		field  string // "" when valid
	}{
		{"category", domain.Category{ID: "c1", Name: "Filmes", Active: true}, ""},
		{"category without name", domain.Category{ID: "c1"}, "name"},
		{"category name too long", domain.Category{ID: "c1", Name: long}, "name"},
		{"category description too long", domain.Category{ID: "c1", Name: "F", Description: strings.Repeat("x", 4001)}, "description"},
		{"category bad id", domain.Category{ID: "a b", Name: "F"}, "id"},
		{"genre", domain.Genre{ID: "g1", Name: "Drama", DeletedAt: &now}, ""},
		{"genre without id", domain.Genre{Name: "Drama"}, "id"},
		{"actor", domain.CastMember{ID: "m1", Name: "Fernanda", Type: domain.Actor}, ""},
		{"cast member of unknown type", domain.CastMember{ID: "m1", Name: "Fernanda", Type: "PRODUCER"}, "type"},
		{"video", domain.Video{ID: "v1", Title: "Bacurau", Rating: "16", YearLaunched: 2019, Duration: 131.5}, ""},
		{"video with unknown rating", domain.Video{ID: "v1", Title: "Bacurau", Rating: "PG"}, "rating"},
		{"video from year 3", domain.Video{ID: "v1", Title: "Bacurau", YearLaunched: 3}, "year_launched"},
		{"video too long", domain.Video{ID: "v1", Title: "Bacurau", Duration: 1000}, "duration"},
		{"video with a bad media id", domain.Video{ID: "v1", Title: "Bacurau", BannerID: "../x"}, "banner_id"},
		{"video with two bad media ids", domain.Video{ID: "v1", Title: "Bacurau", TrailerMediaID: "a b", ThumbnailHalfID: "../x"}, "trailer_id"},
		{"video media", domain.VideoMedia{ID: "m1", Status: domain.MediaCompleted, EncodedPath: "a/b.m3u8"}, ""},
		{"video media of unknown status", domain.VideoMedia{ID: "m1", Status: "DONE"}, "media_status"},
		{"image media", domain.ImageMedia{ID: "i1"}, ""},
		{"category created after year 9999", domain.Category{ID: "c1", Name: "F", Timestamps: domain.Timestamps{CreatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}, "created_at"},
		{"video updated before year 1", domain.Video{ID: "v1", Title: "Bacurau", Timestamps: domain.Timestamps{UpdatedAt: time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)}}, "updated_at"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.entity.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("valid entity refused: %v", err)
				}
				return
			}
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.Field != tc.field || !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("Validate() = %v, want a ValidationError on %s wrapping ErrInvalid", err, tc.field)
			}
		})
	}
}

func TestVisibility(t *testing.T) {
	now := time.Now()
	if (domain.Category{Active: true}).Visible() != true || (domain.Category{Active: true, DeletedAt: &now}).Visible() || (domain.Category{}).Visible() {
		t.Error("category visibility: active and not soft-deleted")
	}
	if (domain.Genre{Active: true}).Visible() != true || (domain.Genre{Active: true, DeletedAt: &now}).Visible() {
		t.Error("genre visibility: active and not soft-deleted")
	}
	if (domain.Video{}).Visible() || !(domain.Video{Published: true}).Visible() {
		t.Error("video visibility: published")
	}
	if (domain.VideoMedia{Status: domain.MediaCompleted}).Playable() || !(domain.VideoMedia{Status: domain.MediaCompleted, EncodedPath: "x"}).Playable() {
		t.Error("playable: completed with an encoded path")
	}
}

// TestValidateIDMatchesPattern checks that ValidateID accepts exactly what the
// regexp it replaced, ^[0-9A-Za-z_-]{1,64}$, accepted.
func TestValidateIDMatchesPattern(t *testing.T) {
	old := regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)
	max := strings.Repeat("a", 64)
	cases := []string{
		"", "a", "Z", "0", "9", "_", "-", "--", "a_b-C9", "3f2b9c1d4e5a6b7c8d9e0f1a2b3c4d5e",
		max, max + "a", strings.Repeat("-", 64), strings.Repeat("_", 65), strings.Repeat("á", 32),
		"a b", " a", "a ", "a/b", "../x", "a.b", "a+b", "a=b", "a\n", "\na", "a\x00", "é", "ação",
		"日本", "a\u00a0b", "\xff", "a\xc3", "@", "[", "`", "{", "~", ":", "^", "$", "\\",
		"A-Za-z", "0-9",
	}
	for _, id := range cases {
		want := old.MatchString(id)
		if got := domain.ValidateID("video", id) == nil; got != want {
			t.Errorf("ValidateID(%q) accepted = %v, the regexp says %v", id, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		id := string([]byte{byte(c)})
		if got, want := domain.ValidateID("video", id) == nil, old.MatchString(id); got != want {
			t.Errorf("ValidateID(%q) accepted = %v, the regexp says %v", id, got, want)
		}
	}
}

func TestValidateIDFieldNamesTheField(t *testing.T) {
	var ve *domain.ValidationError
	err := domain.ValidateIDField("videos_genres", "genre_id", "g 1")
	if !errors.As(err, &ve) || ve.Entity != "videos_genres" || ve.Field != "genre_id" || !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("ValidateIDField = %v, want a ValidationError on videos_genres.genre_id wrapping ErrInvalid", err)
	}
	if err := domain.ValidateIDField("videos_genres", "genre_id", "g1"); err != nil {
		t.Fatalf("ValidateIDField(g1) = %v", err)
	}
}
