package domain

import "time"

// Kind names a type of catalog document.
type Kind string

const (
	KindCategory   Kind = "category"
	KindGenre      Kind = "genre"
	KindCastMember Kind = "cast_member"
	KindVideo      Kind = "video"
	KindVideoMedia Kind = "video_media"
	KindImageMedia Kind = "image_media"
)

// Kinds lists every Kind, in a stable order.
var Kinds = []Kind{KindCategory, KindGenre, KindCastMember, KindVideo, KindVideoMedia, KindImageMedia}

// Entity is a row of the admin database as the catalog keeps it.
type Entity interface {
	EntityKind() Kind
	EntityID() string
	// Visible reports whether clients may browse the entity.
	Visible() bool
	// Validate returns a *ValidationError for the first broken rule.
	Validate() error
}

// maxIDLen is the longest id accepted, in bytes (every accepted byte is ASCII).
const maxIDLen = 64

// validID reports whether id is 1 to maxIDLen characters of [0-9A-Za-z_-].
// It runs several times per event, so it is a byte loop rather than a regexp.
func validID(id string) bool {
	if len(id) == 0 || len(id) > maxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case '0' <= c && c <= '9', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// ValidateID checks an entity id: the admin uses 32 hex characters, but any
// short token of URL-safe characters is accepted so ids stay opaque.
func ValidateID(entity, id string) error { return ValidateIDField(entity, "id", id) }

// ValidateIDField is ValidateID for an id held in field, such as a join
// table's video_id: the error names that field.
func ValidateIDField(entity, field, id string) error {
	if !validID(id) {
		return invalid(entity, field, "must be 1 to 64 characters of [0-9A-Za-z_-], got %q", id)
	}
	return nil
}

func validateName(entity, field, value string, max int) error {
	if value == "" {
		return invalid(entity, field, "must not be empty")
	}
	if n := len([]rune(value)); n > max {
		return invalid(entity, field, "must be at most %d characters, got %d", max, n)
	}
	return nil
}

// Timestamps are the admin's audit columns.
type Timestamps struct {
	CreatedAt time.Time
	UpdatedAt time.Time
}

// validate refuses an audit time past year 9999: no admin column holds one
// (MySQL DATETIME ends there), and RFC 3339, which stores and clients read
// times in, cannot write it.
func (t Timestamps) validate(entity string) error {
	for _, f := range []struct {
		name string
		at   time.Time
	}{{"created_at", t.CreatedAt}, {"updated_at", t.UpdatedAt}} {
		if y := f.at.UTC().Year(); y < 1 || y > 9999 {
			return invalid(entity, f.name, "must be within years 1 to 9999, got %s", f.at.UTC().Format(time.RFC3339))
		}
	}
	return nil
}

// Listing returns what lists sort and search e by: a video's title, every
// other entity's name, and its audit timestamps (zero for media, which have none).
func Listing(e Entity) (name string, ts Timestamps) {
	switch v := e.(type) {
	case Category:
		return v.Name, v.Timestamps
	case Genre:
		return v.Name, v.Timestamps
	case CastMember:
		return v.Name, v.Timestamps
	case Video:
		return v.Title, v.Timestamps
	case VideoMedia:
		return v.Name, Timestamps{}
	case ImageMedia:
		return v.Name, Timestamps{}
	}
	return "", Timestamps{}
}
