package cdc

// kind is how a column's value is normalized into a Row.
type kind int

const (
	kindString   kind = iota // VARCHAR, CHAR, ENUM -> string
	kindBool                 // BOOLEAN (TINYINT(1)) -> bool
	kindInt                  // SMALLINT, INT -> int64
	kindDecimal              // DECIMAL -> float64
	kindDatetime             // DATETIME, TIMESTAMP, DATE -> time.Time (UTC)
)

// column is what this package knows of an admin column. With schemas.enable=false
// the event carries no types at all, so this catalog is the only way to tell a
// DECIMAL's scale or a DATETIME from a plain integer.
type column struct {
	kind kind
	// scale is a DECIMAL's digits after the point; only used when the event has no
	// schema, since the schema's own "scale" parameter is authoritative.
	scale int
	// nullable: NULL allowed. A NOT NULL column must be present in a row given to an
	// entity constructor.
	nullable bool
}

var (
	required    = column{kind: kindString}
	optional    = column{kind: kindString, nullable: true}
	flag        = column{kind: kindBool}
	optFlag     = column{kind: kindBool, nullable: true}
	datetime    = column{kind: kindDatetime}
	optDatetime = column{kind: kindDatetime, nullable: true}
)

// tables is the admin schema (database adm_videos), table -> column -> column.
// Columns not listed here are dropped from rows, so that the admin may add
// columns without breaking the catalog.
//
// videos: only id, title and the audit columns are NOT NULL here. The reference
// marks the media ids NULL-able and the domain accepts zero values for the rest,
// so tolerating NULL costs nothing and survives a laxer admin schema.
var tables = map[string]map[string]column{
	"categories": {
		"id": required, "name": required, "description": optional, "active": flag,
		"created_at": datetime, "updated_at": datetime, "deleted_at": optDatetime,
	},
	"genres": {
		"id": required, "name": required, "active": flag,
		"created_at": datetime, "updated_at": datetime, "deleted_at": optDatetime,
	},
	"cast_members": {
		"id": required, "name": required, "type": required,
		"created_at": datetime, "updated_at": datetime,
	},
	"videos": {
		"id": required, "title": required, "description": optional,
		"year_launched": {kind: kindInt, nullable: true},
		"opened":        optFlag, "published": optFlag, "rating": optional,
		"duration":   {kind: kindDecimal, scale: 2, nullable: true}, // DECIMAL(5,2)
		"created_at": datetime, "updated_at": datetime,
		"video_id": optional, "trailer_id": optional, "banner_id": optional,
		"thumbnail_id": optional, "thumbnail_half_id": optional,
	},
	// encoded_path is empty until the encoder has run, so it may well be NULL.
	"videos_video_media": {
		"id": required, "name": required, "checksum": required, "file_path": required,
		"encoded_path": optional, "media_status": required,
	},
	"videos_image_media": {
		"id": required, "name": required, "checksum": required, "file_path": required,
	},
	"genres_categories":   {"genre_id": required, "category_id": required},
	"videos_categories":   {"video_id": required, "category_id": required},
	"videos_genres":       {"video_id": required, "genre_id": required},
	"videos_cast_members": {"video_id": required, "cast_member_id": required},
}

// joinColumns are the (parent, child) id columns of each join table.
var joinColumns = map[string][2]string{
	"genres_categories":   {"genre_id", "category_id"},
	"videos_categories":   {"video_id", "category_id"},
	"videos_genres":       {"video_id", "genre_id"},
	"videos_cast_members": {"video_id", "cast_member_id"},
}
