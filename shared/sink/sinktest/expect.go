package sinktest

import (
	"encoding/base64"
	"math/big"
	"sort"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// expected is the catalog the final database state must produce, as
// domain.RowLister returns it. It decodes the rows on its own, not through the
// cdc package, so that the check does not share the decoder's mistakes.
func (db database) expected(kind domain.Kind) []domain.Entity {
	table := map[domain.Kind]string{
		domain.KindCategory: "categories", domain.KindGenre: "genres",
		domain.KindCastMember: "cast_members", domain.KindVideo: "videos",
	}[kind]
	var out []domain.Entity
	for _, id := range sortedKeys(db.rows[table]) {
		out = append(out, db.entity(table, db.rows[table][id]))
	}
	return out
}

func (db database) entity(table string, r map[string]any) domain.Entity {
	id := r["id"].(string)
	ts := domain.Timestamps{CreatedAt: micros(r["created_at"]), UpdatedAt: micros(r["updated_at"])}
	switch table {
	case "categories":
		return domain.Category{ID: id, Name: r["name"].(string), Description: r["description"].(string),
			Active: truth(r["active"]), DeletedAt: optMicros(r["deleted_at"]), Timestamps: ts}
	case "genres":
		return domain.Genre{ID: id, Name: r["name"].(string), Active: truth(r["active"]),
			DeletedAt: optMicros(r["deleted_at"]), Timestamps: ts, CategoryIDs: db.children("genres_categories", id)}
	case "cast_members":
		return domain.CastMember{ID: id, Name: r["name"].(string), Type: domain.CastMemberType(r["type"].(string)), Timestamps: ts}
	default:
		unscaled, _ := base64.StdEncoding.DecodeString(r["duration"].(string))
		return domain.Video{ID: id, Title: r["title"].(string), Description: r["description"].(string),
			YearLaunched: r["year_launched"].(int), Opened: truth(r["opened"]), Published: truth(r["published"]),
			Rating: domain.Rating(r["rating"].(string)), Duration: float64(new(big.Int).SetBytes(unscaled).Int64()) / 100,
			Timestamps: ts, VideoMediaID: str(r["video_id"]), TrailerMediaID: str(r["trailer_id"]),
			BannerID: str(r["banner_id"]), ThumbnailID: str(r["thumbnail_id"]), ThumbnailHalfID: str(r["thumbnail_half_id"]),
			CategoryIDs: db.children("videos_categories", id), GenreIDs: db.children("videos_genres", id),
			CastMemberIDs: db.children("videos_cast_members", id)}
	}
}

func (db database) children(joinTable, parent string) []string {
	var ids []string
	for pair := range db.joins[joinTable] {
		if pair[0] == parent {
			ids = append(ids, pair[1])
		}
	}
	sort.Strings(ids)
	return ids
}

// visibleRelations keeps the relation ids whose child row still exists. The
// database drops join rows by cascade without a binlog event, so the catalog
// keeps them and hides them on read; ids are never reused, so this is the
// state clients see.
func (db database) visibleRelations(e domain.Entity) domain.Entity {
	keep := func(table string, ids []string) []string {
		var out []string
		for _, id := range ids {
			if _, ok := db.rows[table][id]; ok {
				out = append(out, id)
			}
		}
		sort.Strings(out)
		return out
	}
	switch v := e.(type) {
	case domain.Genre:
		v.CategoryIDs = keep("categories", v.CategoryIDs)
		return v
	case domain.Video:
		v.CategoryIDs = keep("categories", v.CategoryIDs)
		v.GenreIDs = keep("genres", v.GenreIDs)
		v.CastMemberIDs = keep("cast_members", v.CastMemberIDs)
		return v
	}
	return e
}

// normalize makes equal states compare equal: times in UTC, empty id lists nil.
func normalize(e domain.Entity) domain.Entity {
	utc := func(ts domain.Timestamps) domain.Timestamps {
		return domain.Timestamps{CreatedAt: ts.CreatedAt.UTC(), UpdatedAt: ts.UpdatedAt.UTC()}
	}
	optUTC := func(t *time.Time) *time.Time {
		if t == nil {
			return nil
		}
		u := t.UTC()
		return &u
	}
	ids := func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s
	}
	switch v := e.(type) {
	case domain.Category:
		v.Timestamps, v.DeletedAt = utc(v.Timestamps), optUTC(v.DeletedAt)
		return v
	case domain.Genre:
		v.Timestamps, v.DeletedAt, v.CategoryIDs = utc(v.Timestamps), optUTC(v.DeletedAt), ids(v.CategoryIDs)
		return v
	case domain.CastMember:
		v.Timestamps = utc(v.Timestamps)
		return v
	case domain.Video:
		v.Timestamps = utc(v.Timestamps)
		v.CategoryIDs, v.GenreIDs, v.CastMemberIDs = ids(v.CategoryIDs), ids(v.GenreIDs), ids(v.CastMemberIDs)
		return v
	}
	return e
}

func micros(v any) time.Time { return time.UnixMicro(v.(int64)).UTC() }

func optMicros(v any) *time.Time {
	if v == nil {
		return nil
	}
	t := micros(v)
	return &t
}

func truth(v any) bool {
	switch b := v.(type) {
	case bool:
		return b
	case int:
		return b != 0
	}
	return false
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
