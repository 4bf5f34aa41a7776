package elasticsearch

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/videocatalog/catalog/shared/domain"
)

// docID is the _id of a row's document: kinds share the index.
func docID(kind domain.Kind, id string) string { return string(kind) + ":" + id }

// source is the part of a stored document the store reads back.
type source struct {
	Kind string          `json:"kind"`
	ID   string          `json:"id"`
	Row  json.RawMessage `json:"row"`
	// Present ids per relation name, as the scripts maintain them.
	Categories  []string `json:"categories"`
	Genres      []string `json:"genres"`
	CastMembers []string `json:"cast_members"`
}

// sourceFields are the _source fields reads fetch: never rels or positions.
var sourceFields = []string{fieldKind, fieldID, fieldRow, "categories", "genres", "cast_members", fieldDoc + ".visible"}

// sourceList is sourceFields as a _source query parameter.
var sourceList = strings.Join(sourceFields, ",")

// entity decodes the row with its relation ids filled.
func (s *source) entity() (domain.Entity, error) {
	var e domain.Entity
	var err error
	switch domain.Kind(s.Kind) {
	case domain.KindCategory:
		e, err = decode[domain.Category](s.Row)
	case domain.KindGenre:
		var g domain.Genre
		g, err = decode[domain.Genre](s.Row)
		g.CategoryIDs = s.Categories
		e = g
	case domain.KindCastMember:
		e, err = decode[domain.CastMember](s.Row)
	case domain.KindVideo:
		var v domain.Video
		v, err = decode[domain.Video](s.Row)
		v.CategoryIDs, v.GenreIDs, v.CastMemberIDs = s.Categories, s.Genres, s.CastMembers
		e = v
	case domain.KindVideoMedia:
		e, err = decode[domain.VideoMedia](s.Row)
	case domain.KindImageMedia:
		e, err = decode[domain.ImageMedia](s.Row)
	default:
		return nil, fmt.Errorf("document of unknown kind %q", s.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", s.Kind, s.ID, err)
	}
	return e, nil
}

func decode[E domain.Entity](raw json.RawMessage) (E, error) {
	var e E
	err := json.Unmarshal(raw, &e)
	return e, err
}

// rowParams are the row and the searchable doc of an entity, as JSON script
// params. Relation ids are left out: they come from join rows only.
func rowParams(e domain.Entity) (row, doc []byte, err error) {
	doc = make([]byte, 0, 256)
	doc = append(doc, '{')
	doc = appendBoolField(doc, "visible", e.Visible())
	stamps := func(t domain.Timestamps) {
		doc = appendTimeField(doc, "created_at", t.CreatedAt)
		doc = appendTimeField(doc, "updated_at", t.UpdatedAt)
	}
	switch v := e.(type) {
	case domain.Category:
		doc = appendStringField(doc, "name", v.Name)
		stamps(v.Timestamps)
	case domain.Genre:
		v.CategoryIDs = nil
		e = v
		doc = appendStringField(doc, "name", v.Name)
		stamps(v.Timestamps)
	case domain.CastMember:
		doc = appendStringField(doc, "name", v.Name)
		stamps(v.Timestamps)
	case domain.Video:
		v.CategoryIDs, v.GenreIDs, v.CastMemberIDs = nil, nil, nil
		e = v
		doc = appendStringField(doc, "name", v.Title)
		doc = appendStringField(doc, "description", v.Description)
		var ok bool
		if doc, ok = appendFloatField(doc, "duration", v.Duration); !ok {
			return nil, nil, fmt.Errorf("video %s duration %v: %w", v.ID, v.Duration, domain.ErrInvalid)
		}
		doc = appendBoolField(doc, "opened", v.Opened)
		if v.YearLaunched != 0 {
			doc = appendIntField(doc, "year_launched", v.YearLaunched)
		}
		if v.Rating != "" {
			doc = appendStringField(doc, "rating", string(v.Rating))
		}
		stamps(v.Timestamps)
	case domain.VideoMedia, domain.ImageMedia:
	default:
		return nil, nil, fmt.Errorf("entity %T: %w", e, domain.ErrInvalid)
	}
	doc = append(doc, '}')
	if row, err = json.Marshal(e); err != nil {
		return nil, nil, fmt.Errorf("encode %s %s: %w: %w", e.EntityKind(), e.EntityID(), domain.ErrInvalid, err)
	}
	return row, doc, nil
}
