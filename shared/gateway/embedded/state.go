package embedded

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/videocatalog/catalog/shared/domain"
)

// state is everything the store knows about one document, kept whole in the
// document itself so that a change is decided and stored in one index write.
// Positions are domain.Position keys, compared as strings.
type state struct {
	Kind domain.Kind `json:"k"`
	ID   string      `json:"i"`
	// RowPos is the position of the last applied row change, write or delete.
	RowPos string `json:"p,omitempty"`
	// Row is the entity as JSON, without relation ids; nil when there is no row.
	Row json.RawMessage `json:"r,omitempty"`
	// Floor is the position of the last delete: relation changes not after it are refused.
	Floor string `json:"f,omitempty"`
	// Rels holds, per relation name and child id, the last change of the join row.
	// Removed join rows are kept so that an older add stays refused.
	Rels map[string]map[string]relEntry `json:"l,omitempty"`
}

type relEntry struct {
	Pos     string `json:"p"`
	Present bool   `json:"x,omitempty"`
}

func (st *state) encode() ([]byte, error) { return json.Marshal(st) }

func decodeState(raw string) (*state, error) {
	st := &state{}
	if err := json.Unmarshal([]byte(raw), st); err != nil {
		return nil, fmt.Errorf("decode state: %w", err)
	}
	return st, nil
}

// applyRow applies c unless it is not after both the row's position and the
// kind's truncate position; it reports whether it did.
func (st *state) applyRow(c domain.RowChange, truncated string) (bool, error) {
	at := c.Position.Key()
	if at <= st.RowPos || at <= truncated {
		return false, nil
	}
	if c.Entity == nil {
		// The database cascades join rows without emitting their changes.
		st.Row, st.Floor = nil, at
		for name := range st.Rels {
			st.dropRelations(name, at)
		}
	} else {
		row, err := encodeEntity(c.Entity)
		if err != nil {
			return false, err
		}
		st.Row = row
	}
	st.RowPos = at
	return true, nil
}

// applyRelation applies c unless it is not after the pair's last change, the
// last delete of the parent, and the relation's truncate position.
func (st *state) applyRelation(c domain.RelationChange, truncated string) bool {
	at := c.Position.Key()
	name := c.Relation.Name
	if at <= st.Floor || at <= truncated || at <= st.Rels[name][c.ChildID].Pos {
		return false
	}
	if st.Rels == nil {
		st.Rels = map[string]map[string]relEntry{}
	}
	if st.Rels[name] == nil {
		st.Rels[name] = map[string]relEntry{}
	}
	st.Rels[name][c.ChildID] = relEntry{Pos: at, Present: c.Present}
	return true
}

// truncateRow drops the row if it is not after at, reporting whether it did.
func (st *state) truncateRow(at string) bool {
	if st.Row == nil || st.RowPos > at {
		return false
	}
	st.Row = nil
	return true
}

// dropRelations drops the entries of relation name not after at, reporting whether any went.
func (st *state) dropRelations(name, at string) bool {
	dropped := false
	for child, e := range st.Rels[name] {
		if e.Pos <= at {
			delete(st.Rels[name], child)
			dropped = true
		}
	}
	if len(st.Rels[name]) == 0 {
		delete(st.Rels, name)
	}
	return dropped
}

// relationIDs returns the present child ids per relation name, sorted.
func (st *state) relationIDs() map[string][]string {
	out := map[string][]string{}
	for name, entries := range st.Rels {
		var ids []string
		for child, e := range entries {
			if e.Present {
				ids = append(ids, child)
			}
		}
		if len(ids) > 0 {
			slices.Sort(ids)
			out[name] = ids
		}
	}
	return out
}

// entity decodes the row with its relation ids filled, or nil when there is no row.
func (st *state) entity() (domain.Entity, error) {
	if st.Row == nil {
		return nil, nil
	}
	return st.decode(st.relationIDs())
}

// decode decodes the row, which must be there, with rels (as relationIDs
// returns them) for its relation ids.
func (st *state) decode(rels map[string][]string) (domain.Entity, error) {
	var e domain.Entity
	var err error
	switch st.Kind {
	case domain.KindCategory:
		e, err = decodeEntity[domain.Category](st.Row)
	case domain.KindGenre:
		var g domain.Genre
		g, err = decodeEntity[domain.Genre](st.Row)
		g.CategoryIDs = rels[domain.GenreCategories.Name]
		e = g
	case domain.KindCastMember:
		e, err = decodeEntity[domain.CastMember](st.Row)
	case domain.KindVideo:
		var v domain.Video
		v, err = decodeEntity[domain.Video](st.Row)
		v.CategoryIDs = rels[domain.VideoCategories.Name]
		v.GenreIDs = rels[domain.VideoGenres.Name]
		v.CastMemberIDs = rels[domain.VideoCastMembers.Name]
		e = v
	case domain.KindVideoMedia:
		e, err = decodeEntity[domain.VideoMedia](st.Row)
	case domain.KindImageMedia:
		e, err = decodeEntity[domain.ImageMedia](st.Row)
	default:
		return nil, fmt.Errorf("unknown kind %q", st.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", st.Kind, st.ID, err)
	}
	return e, nil
}

func decodeEntity[E domain.Entity](raw json.RawMessage) (E, error) {
	var e E
	err := json.Unmarshal(raw, &e)
	return e, err
}

// encodeEntity stores a row without relation ids: those come from join rows only.
func encodeEntity(e domain.Entity) (json.RawMessage, error) {
	switch v := e.(type) {
	case domain.Genre:
		v.CategoryIDs = nil
		e = v
	case domain.Video:
		v.CategoryIDs, v.GenreIDs, v.CastMemberIDs = nil, nil, nil
		e = v
	}
	return json.Marshal(e)
}
