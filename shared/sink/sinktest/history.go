// Package sinktest checks that the write path converges: random histories of
// admin rows and join rows, turned into the Debezium events the connector would
// emit and delivered through the sinks duplicated and in any order, must leave a
// store holding exactly the database's final state. It runs against any
// domain.Store, so every adapter is held to the same property.
package sinktest

import (
	"encoding/base64"
	"fmt"
	"maps"
	"math/big"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// database is the admin database the history runs against: rows by table and
// id, join rows by table and (parent, child). Ids are never reused after a
// delete, as with the admin's UUIDs.
type database struct {
	rows  map[string]map[string]map[string]any
	joins map[string]map[[2]string]bool
}

// event is one change the connector emits, in binlog order.
type event struct {
	table         string
	op            string // c u d r t
	before, after map[string]any
	pos           domain.Position
}

var entityTables = []string{"categories", "genres", "cast_members", "videos"}

// joinTables maps each join table to its parent and child tables and columns.
var joinTables = map[string]struct{ parent, child, parentCol, childCol string }{
	"genres_categories":   {"genres", "categories", "genre_id", "category_id"},
	"videos_categories":   {"videos", "categories", "video_id", "category_id"},
	"videos_genres":       {"videos", "genres", "video_id", "genre_id"},
	"videos_cast_members": {"videos", "cast_members", "video_id", "cast_member_id"},
}

// joinTableNames are the keys of joinTables, sorted, so that a seed picks the same tables.
var joinTableNames = slices.Sorted(maps.Keys(joinTables))

// history generates a random sequence of changes: an optional initial snapshot,
// then inserts, updates, deletes (cascading their join rows silently, as the
// binlog does), join inserts and deletes, multi-row events, binlog rollovers
// and the odd join-table truncate.
type history struct {
	rnd    *rand.Rand
	prefix string // keeps the ids of one case apart from other cases in a shared store
	db     database
	events []event
	nextID int
	file   int
	pos    int64
}

// newHistory starts a history in binlog file firstFile. Histories sharing a
// store must start in later files than the ones before them: a truncate's
// position holds for the whole table, whichever history wrote it.
func newHistory(rnd *rand.Rand, prefix string, firstFile int) *history {
	h := &history{rnd: rnd, prefix: prefix, file: firstFile, pos: 4,
		db: database{rows: map[string]map[string]map[string]any{}, joins: map[string]map[[2]string]bool{}}}
	for _, t := range entityTables {
		h.db.rows[t] = map[string]map[string]any{}
	}
	for t := range joinTables {
		h.db.joins[t] = map[[2]string]bool{}
	}
	return h
}

func (h *history) run(steps int) {
	if h.rnd.IntN(2) == 0 {
		for range steps / 3 {
			h.step(nil)
		}
		h.snapshot()
	}
	for range steps {
		h.step(h.advance())
	}
}

// advance moves to the next row event's position, sometimes within the same
// multi-row event, sometimes into a new binlog file.
func (h *history) advance() *domain.Position {
	switch n := h.rnd.IntN(20); {
	case n == 0:
		h.file++
		h.pos = 4
	case n < 4 && h.pos > 4:
		// another row of the same event: handled by the caller through row numbers
	default:
		h.pos += int64(50 + h.rnd.IntN(500))
	}
	p := domain.Position{File: fmt.Sprintf("mysql-bin.%06d", h.file), Pos: h.pos}
	return &p
}

// snapshot emits the current state as snapshot reads, all at the snapshot's
// binlog position, and forgets the changes that led to it: the connector never
// saw them.
func (h *history) snapshot() {
	h.events = nil
	at := domain.Position{File: fmt.Sprintf("mysql-bin.%06d", h.file), Pos: h.pos, Snapshot: true}
	for _, t := range entityTables {
		for _, id := range sortedKeys(h.db.rows[t]) {
			h.events = append(h.events, event{table: t, op: "r", after: h.db.rows[t][id], pos: at})
		}
	}
	for _, t := range joinTableNames {
		for _, pair := range sortedPairs(h.db.joins[t]) {
			h.events = append(h.events, event{table: t, op: "r", after: h.joinRow(t, pair), pos: at})
		}
	}
	h.pos += 1000
}

// step makes one random change; pos is nil while building the pre-snapshot state.
func (h *history) step(pos *domain.Position) {
	emit := func(e event) {
		if pos == nil {
			return
		}
		e.pos = *pos
		// Rows of one event share its position and are told apart by row number.
		for _, prev := range h.events {
			if prev.pos.File == e.pos.File && prev.pos.Pos == e.pos.Pos && !prev.pos.Snapshot && prev.pos.Row >= e.pos.Row {
				e.pos.Row = prev.pos.Row + 1
			}
		}
		h.events = append(h.events, e)
	}
	switch n := h.rnd.IntN(100); {
	case n < 35:
		t := entityTables[h.rnd.IntN(len(entityTables))]
		id, existing := h.pickOrNew(t)
		before := h.db.rows[t][id]
		row := h.randomRow(t, id, before)
		h.db.rows[t][id] = row
		op := "c"
		if existing {
			op = "u"
		}
		emit(event{table: t, op: op, before: before, after: row})
	case n < 50:
		t := entityTables[h.rnd.IntN(len(entityTables))]
		id, ok := h.pickExisting(t)
		if !ok {
			return
		}
		before := h.db.rows[t][id]
		delete(h.db.rows[t], id)
		h.cascade(t, id)
		emit(event{table: t, op: "d", before: before})
	case n < 80:
		t := joinTableNames[h.rnd.IntN(len(joinTableNames))]
		j := joinTables[t]
		parent, okP := h.pickExisting(j.parent)
		child, okC := h.pickExisting(j.child)
		if !okP || !okC || h.db.joins[t][[2]string{parent, child}] {
			return
		}
		pair := [2]string{parent, child}
		h.db.joins[t][pair] = true
		emit(event{table: t, op: "c", after: h.joinRow(t, pair)})
	case n < 98:
		t := joinTableNames[h.rnd.IntN(len(joinTableNames))]
		pairs := sortedPairs(h.db.joins[t])
		if len(pairs) == 0 {
			return
		}
		pair := pairs[h.rnd.IntN(len(pairs))]
		delete(h.db.joins[t], pair)
		emit(event{table: t, op: "d", before: h.joinRow(t, pair)})
	default:
		t := joinTableNames[h.rnd.IntN(len(joinTableNames))]
		h.db.joins[t] = map[[2]string]bool{}
		emit(event{table: t, op: "t"})
	}
}

// cascade drops the join rows of a deleted row; the binlog records none of it.
func (h *history) cascade(table, id string) {
	for t, j := range joinTables {
		for pair := range h.db.joins[t] {
			if (j.parent == table && pair[0] == id) || (j.child == table && pair[1] == id) {
				delete(h.db.joins[t], pair)
			}
		}
	}
}

func (h *history) joinRow(table string, pair [2]string) map[string]any {
	j := joinTables[table]
	return map[string]any{j.parentCol: pair[0], j.childCol: pair[1]}
}

func (h *history) pickExisting(table string) (string, bool) {
	ids := sortedKeys(h.db.rows[table])
	if len(ids) == 0 {
		return "", false
	}
	return ids[h.rnd.IntN(len(ids))], true
}

func (h *history) pickOrNew(table string) (string, bool) {
	if id, ok := h.pickExisting(table); ok && h.rnd.IntN(2) == 0 {
		return id, true
	}
	h.nextID++
	return fmt.Sprintf("%s%s%04d", h.prefix, table[:2], h.nextID), false
}

var (
	names = []string{"Ação", "Aventura", "Drama", "Comédia", "The Matrix", "Cidade de Deus", "Noite", "Mar Aberto"}
	epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

// randomRow makes the row as Debezium's JsonConverter (schemas off) encodes it,
// mixing the encodings the connector may use for booleans.
func (h *history) randomRow(table, id string, before map[string]any) map[string]any {
	r := h.rnd
	name := names[r.IntN(len(names))] + fmt.Sprintf(" %d", r.IntN(100))
	created := epoch.Add(time.Duration(r.IntN(1_000_000)) * time.Second).UnixMicro()
	if before != nil {
		created = before["created_at"].(int64)
	}
	updated := created + int64(r.IntN(1_000_000_000))
	boolean := func() any {
		b := r.IntN(2) == 0
		if r.IntN(2) == 0 {
			if b {
				return 1
			}
			return 0
		}
		return b
	}
	row := map[string]any{"id": id, "created_at": created, "updated_at": updated}
	switch table {
	case "categories":
		row["name"], row["description"], row["active"] = name, "about "+name, boolean()
		row["deleted_at"] = nil
		if r.IntN(5) == 0 {
			row["deleted_at"] = updated
		}
	case "genres":
		row["name"], row["active"], row["deleted_at"] = name, boolean(), nil
	case "cast_members":
		row["name"], row["type"] = name, []string{"ACTOR", "DIRECTOR"}[r.IntN(2)]
	case "videos":
		row["title"], row["description"] = name, "story of "+name
		row["year_launched"] = 1950 + r.IntN(75)
		row["opened"], row["published"] = boolean(), boolean()
		row["rating"] = string(domain.Ratings[r.IntN(len(domain.Ratings))])
		row["duration"] = decimal(int64(r.IntN(99999)))
		for _, col := range []string{"video_id", "trailer_id", "banner_id", "thumbnail_id", "thumbnail_half_id"} {
			row[col] = nil
			if r.IntN(2) == 0 {
				row[col] = fmt.Sprintf("%sm%04d", h.prefix, r.IntN(10000))
			}
		}
	}
	return row
}

// decimal encodes a DECIMAL(5,2) from its unscaled value as Debezium's precise
// mode does: Java's BigInteger.toByteArray, big-endian two's complement.
func decimal(unscaled int64) string {
	b := big.NewInt(unscaled).Bytes()
	if len(b) == 0 || b[0]&0x80 != 0 {
		b = append([]byte{0}, b...)
	}
	return base64.StdEncoding.EncodeToString(b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedPairs(m map[[2]string]bool) [][2]string {
	pairs := make([][2]string, 0, len(m))
	for p := range m {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		return pairs[i][0] < pairs[j][0] || (pairs[i][0] == pairs[j][0] && pairs[i][1] < pairs[j][1])
	})
	return pairs
}
