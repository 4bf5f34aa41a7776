package sink

import (
	"github.com/videocatalog/catalog/shared/cdc"
	"github.com/videocatalog/catalog/shared/domain"
)

// Sink function names, as registered with the Functions Framework.
const (
	CategorySink   = "CategorySink"
	GenreSink      = "GenreSink"
	CastMemberSink = "CastMemberSink"
	VideoSink      = "VideoSink"
)

// table says what a change of one admin table means for the catalog. Exactly
// one of entity and relation is set.
type table struct {
	owner    string
	kind     domain.Kind
	entity   func(cdc.Row) (domain.Entity, error)
	relation *domain.Relation
}

func entity[T domain.Entity](decode func(cdc.Row) (T, error)) func(cdc.Row) (domain.Entity, error) {
	return func(r cdc.Row) (domain.Entity, error) { return decode(r) }
}

func relation(r domain.Relation) *domain.Relation { return &r }

// tables routes every admin table to the sink that owns it.
var tables = map[string]table{
	"categories":          {owner: CategorySink, kind: domain.KindCategory, entity: entity(cdc.Category)},
	"genres":              {owner: GenreSink, kind: domain.KindGenre, entity: entity(cdc.Genre)},
	"genres_categories":   {owner: GenreSink, relation: relation(domain.GenreCategories)},
	"cast_members":        {owner: CastMemberSink, kind: domain.KindCastMember, entity: entity(cdc.CastMember)},
	"videos":              {owner: VideoSink, kind: domain.KindVideo, entity: entity(cdc.Video)},
	"videos_categories":   {owner: VideoSink, relation: relation(domain.VideoCategories)},
	"videos_genres":       {owner: VideoSink, relation: relation(domain.VideoGenres)},
	"videos_cast_members": {owner: VideoSink, relation: relation(domain.VideoCastMembers)},
	"videos_video_media":  {owner: VideoSink, kind: domain.KindVideoMedia, entity: entity(cdc.VideoMedia)},
	"videos_image_media":  {owner: VideoSink, kind: domain.KindImageMedia, entity: entity(cdc.ImageMedia)},
}

// OwnerOf names the sink that owns an admin table.
func OwnerOf(tableName string) (string, bool) {
	t, ok := tables[tableName]
	return t.owner, ok
}
