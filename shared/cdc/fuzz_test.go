package cdc

import (
	"errors"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

// FuzzDecode checks that Decode never panics, that every error wraps
// domain.ErrInvalid, and that what it decodes the constructors can take.
func FuzzDecode(f *testing.F) {
	f.Add(topic("categories"), "", `{"after":`+categoryRow+`,"source":`+source("categories", `"false"`, 0)+`,"op":"c"}`)
	f.Add(topic("videos"), "application/json", readFixture(f, "videos_create_schemas_on.json"))
	f.Add(topic("categories"), "", readFixture(f, "categories_flat_schemas_on.json"))
	f.Add(topic("videos_genres"), "", `{"video_id":"v","genre_id":"g","__deleted":"true","__file":"f.1","__pos":1}`)
	f.Add(topic("videos"), "", `{"duration":{"scale":2,"value":"/2o="},"created_at":"2023-11-14T22:13:20Z","__file":"f.1","__pos":1}`)
	f.Add(topic("genres"), "text/plain", `null`)
	f.Fuzz(func(t *testing.T, topicName, contentType, data string) {
		e := kafkaEvent(topicName, data)
		if contentType != "" {
			e.SetDataContentType(contentType)
		}
		c, err := Decode(e)
		if err != nil {
			if !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("error %q does not wrap domain.ErrInvalid", err)
			}
			return
		}
		// Whatever decoded, the accessors must fail cleanly, never panic.
		check := func(err error) {
			if err != nil && !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("error %q does not wrap domain.ErrInvalid", err)
			}
		}
		_, err = c.ID()
		check(err)
		_, _, err = Join(c.Table, c.State())
		check(err)
		for _, build := range []func(Row) error{
			func(r Row) error { _, err := Category(r); return err },
			func(r Row) error { _, err := Genre(r); return err },
			func(r Row) error { _, err := CastMember(r); return err },
			func(r Row) error { _, err := Video(r); return err },
			func(r Row) error { _, err := VideoMedia(r); return err },
			func(r Row) error { _, err := ImageMedia(r); return err },
		} {
			check(build(c.State()))
		}
	})
}
