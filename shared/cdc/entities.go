package cdc

import (
	"fmt"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// rowReader reads typed columns of a row and keeps the first error, so that an
// entity constructor reads like a struct literal. A row from Decode is already
// typed; the checks still matter for rows built elsewhere.
type rowReader struct {
	table string
	row   Row
	err   error
}

// value returns a column's non-null value. A NOT NULL column (per the catalog)
// that is missing or null is an error.
func (r *rowReader) value(col string) (any, bool) {
	if r.err != nil {
		return nil, false
	}
	v, present := r.row[col]
	if v != nil {
		return v, true
	}
	if !tables[r.table][col].nullable {
		state := "is missing"
		if present {
			state = "is null"
		}
		r.err = invalidf("%s.%s %s, but the column is required", r.table, col, state)
	}
	return nil, false
}

// get reads a column as T, the zero T when it is null.
func get[T any](r *rowReader, col, what string) T {
	var zero T
	v, ok := r.value(col)
	if !ok {
		return zero
	}
	t, ok := v.(T)
	if !ok {
		found := fmt.Sprintf("%T %v", v, v)
		if s, isString := v.(string); isString {
			found = fmt.Sprintf("string %q", s)
		}
		r.err = invalidf("%s.%s: expected %s, found %s", r.table, col, what, found)
	}
	return t
}

func (r *rowReader) str(col string) string      { return get[string](r, col, "a string") }
func (r *rowReader) boolean(col string) bool    { return get[bool](r, col, "a bool") }
func (r *rowReader) integer(col string) int64   { return get[int64](r, col, "an int64") }
func (r *rowReader) decimal(col string) float64 { return get[float64](r, col, "a float64") }
func (r *rowReader) time(col string) time.Time  { return get[time.Time](r, col, "a time.Time") }

// optTime is a NULL-able time column: nil when NULL.
func (r *rowReader) optTime(col string) *time.Time {
	if v, ok := r.row[col]; !ok || v == nil {
		return nil
	}
	t := r.time(col)
	return &t
}

func (r *rowReader) timestamps() domain.Timestamps {
	return domain.Timestamps{CreatedAt: r.time("created_at"), UpdatedAt: r.time("updated_at")}
}

// build returns e once every column has been read, validated by the domain.
func build[E domain.Entity](r *rowReader, e E) (E, error) {
	if r.err != nil {
		var zero E
		return zero, r.err
	}
	if err := e.Validate(); err != nil {
		var zero E
		return zero, err
	}
	return e, nil
}

// Category builds a domain.Category from a categories row.
func Category(row Row) (domain.Category, error) {
	r := &rowReader{table: "categories", row: row}
	return build(r, domain.Category{
		ID: r.str("id"), Name: r.str("name"), Description: r.str("description"),
		Active: r.boolean("active"), DeletedAt: r.optTime("deleted_at"), Timestamps: r.timestamps(),
	})
}

// Genre builds a domain.Genre from a genres row; CategoryIDs stay empty.
func Genre(row Row) (domain.Genre, error) {
	r := &rowReader{table: "genres", row: row}
	return build(r, domain.Genre{
		ID: r.str("id"), Name: r.str("name"), Active: r.boolean("active"),
		DeletedAt: r.optTime("deleted_at"), Timestamps: r.timestamps(),
	})
}

// CastMember builds a domain.CastMember from a cast_members row.
func CastMember(row Row) (domain.CastMember, error) {
	r := &rowReader{table: "cast_members", row: row}
	return build(r, domain.CastMember{
		ID: r.str("id"), Name: r.str("name"), Type: domain.CastMemberType(r.str("type")),
		Timestamps: r.timestamps(),
	})
}

// Video builds a domain.Video from a videos row; relation ids stay empty.
func Video(row Row) (domain.Video, error) {
	r := &rowReader{table: "videos", row: row}
	return build(r, domain.Video{
		ID: r.str("id"), Title: r.str("title"), Description: r.str("description"),
		YearLaunched: int(r.integer("year_launched")),
		Opened:       r.boolean("opened"), Published: r.boolean("published"),
		Rating: domain.Rating(r.str("rating")), Duration: r.decimal("duration"),
		Timestamps:   r.timestamps(),
		VideoMediaID: r.str("video_id"), TrailerMediaID: r.str("trailer_id"),
		BannerID: r.str("banner_id"), ThumbnailID: r.str("thumbnail_id"),
		ThumbnailHalfID: r.str("thumbnail_half_id"),
	})
}

// VideoMedia builds a domain.VideoMedia from a videos_video_media row.
func VideoMedia(row Row) (domain.VideoMedia, error) {
	r := &rowReader{table: "videos_video_media", row: row}
	return build(r, domain.VideoMedia{
		ID: r.str("id"), Name: r.str("name"), Checksum: r.str("checksum"),
		FilePath: r.str("file_path"), EncodedPath: r.str("encoded_path"),
		Status: domain.MediaStatus(r.str("media_status")),
	})
}

// ImageMedia builds a domain.ImageMedia from a videos_image_media row.
func ImageMedia(row Row) (domain.ImageMedia, error) {
	r := &rowReader{table: "videos_image_media", row: row}
	return build(r, domain.ImageMedia{
		ID: r.str("id"), Name: r.str("name"), Checksum: r.str("checksum"), FilePath: r.str("file_path"),
	})
}

// Join returns the (parent, child) ids of a join-table row: genres_categories
// (genre_id, category_id), videos_categories (video_id, category_id),
// videos_genres (video_id, genre_id), videos_cast_members (video_id, cast_member_id).
func Join(table string, row Row) (parentID, childID string, err error) {
	cols, ok := joinColumns[table]
	if !ok {
		return "", "", invalidf("table %q is not a join table", table)
	}
	r := &rowReader{table: table, row: row}
	parentID, childID = r.str(cols[0]), r.str(cols[1])
	if r.err != nil {
		return "", "", r.err
	}
	for i, id := range []string{parentID, childID} {
		if err := domain.ValidateIDField(table, cols[i], id); err != nil {
			return "", "", err
		}
	}
	return parentID, childID, nil
}
