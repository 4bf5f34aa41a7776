// Package cdc decodes Debezium change events of the admin database, as a Knative
// KafkaSource delivers them (CloudEvents), into typed row changes with their
// binlog position. It knows the admin schema but nothing of storage.
package cdc

import (
	"encoding/json"
	"fmt"
	"mime"
	"sort"
	"strconv"
	"strings"

	"github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/domain"
)

// Op is Debezium's operation code.
type Op string

const (
	OpCreate   Op = "c"
	OpUpdate   Op = "u"
	OpDelete   Op = "d"
	OpRead     Op = "r" // snapshot read
	OpTruncate Op = "t"
)

// Row maps a column to its normalized value: nil, string, bool, int64, float64
// or time.Time (UTC). Only columns of the admin schema are kept.
type Row map[string]any

// Change is one decoded change event.
type Change struct {
	Table string // admin table, e.g. "categories", "videos_categories"
	Op    Op
	// Tombstone: the event had no data (the Kafka tombstone after a delete):
	// nothing to apply. Op, Position and the rows are zero.
	Tombstone bool
	Position  domain.Position
	// Before and After are nil when absent.
	Before, After Row
}

// State is the row the change leaves (After), or for a delete the row it removed (Before).
func (c Change) State() Row {
	if c.Op == OpDelete {
		return c.Before
	}
	return c.After
}

// ID returns the primary key "id" of an entity-table row: the State, so for a
// delete, from Before.
func (c Change) ID() (string, error) {
	if _, ok := tables[c.Table]["id"]; !ok {
		return "", invalidf("table %q has no id column", c.Table)
	}
	r := rowReader{table: c.Table, row: c.State()}
	id := r.str("id")
	if r.err != nil {
		return "", r.err
	}
	if err := domain.ValidateID(c.Table, id); err != nil {
		return "", err
	}
	return id, nil
}

// Decode turns a KafkaSource CloudEvent, binary or structured mode, carrying a
// Debezium JsonConverter value (schemas on or off, enveloped or flattened by
// ExtractNewRecordState), into a Change. The "key" extension is not read: every
// value carries its whole row, primary key included.
//
// Every error wraps domain.ErrInvalid: redelivering the same event cannot help.
func Decode(e event.Event) (Change, error) {
	topic := topicTable(e.Source())
	data := e.Data()
	if len(data) == 0 {
		return tombstone(topic), nil
	}
	if err := checkJSONContentType(e.DataContentType()); err != nil {
		return Change{}, err
	}
	msg, err := parseMessage(data)
	if err != nil {
		return Change{}, err
	}
	if msg.payload == nil { // JSON null, or schemas on with a null payload
		return tombstone(topic), nil
	}
	var r raw
	if isEnvelope(msg.payload) {
		r, err = fromEnvelope(msg)
	} else {
		r, err = fromFlattened(msg)
	}
	if err != nil {
		return Change{}, err
	}
	return r.change(topic)
}

// tombstone keeps the table when the topic names a known one, for logging;
// a tombstone carries nothing else.
func tombstone(topic string) Change {
	c := Change{Tombstone: true}
	if _, ok := tables[topic]; ok {
		c.Table = topic
	}
	return c
}

// checkJSONContentType accepts a missing datacontenttype (Debezium sets no
// content-type header, so KafkaSource sends none) and any JSON media type.
func checkJSONContentType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return invalidf("datacontenttype %q is not a media type: %v", ct, err)
	}
	if mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json") {
		return nil
	}
	return invalidf("datacontenttype %q is not JSON: the connector must use JsonConverter", ct)
}

func (r raw) change(topic string) (Change, error) {
	c := Change{Table: r.table, Op: r.op}
	if c.Table == "" {
		c.Table = topic
	}
	cols, ok := tables[c.Table]
	if !ok {
		if c.Table == "" {
			return Change{}, invalidf("no table: source.table, __table and the CloudEvent source's topic are all missing")
		}
		return Change{}, invalidf("table %q is not in the admin schema (known: %s)", c.Table, knownTables())
	}
	switch c.Op {
	case OpCreate, OpRead, OpUpdate:
		if r.after == nil {
			return Change{}, invalidf("%s: op %q without an after row", c.Table, c.Op)
		}
	case OpDelete:
		if r.before == nil {
			return Change{}, invalidf("%s: op \"d\" without a before row", c.Table)
		}
	case OpTruncate:
		r.before, r.after = nil, nil // a truncate has no rows
	default:
		return Change{}, invalidf("%s: unknown op %q (expected c, u, d, r or t)", c.Table, c.Op)
	}
	var err error
	if c.Position, err = r.decodePosition(); err != nil {
		return Change{}, invalidf("%s: binlog position: %v", c.Table, err)
	}
	if c.Before, err = decodeRow(c.Table, cols, "before", r.before, r.columns); err != nil {
		return Change{}, err
	}
	if c.After, err = decodeRow(c.Table, cols, "after", r.after, r.columns); err != nil {
		return Change{}, err
	}
	return c, nil
}

// decodeRow types the admin columns of a row and drops the others.
func decodeRow(table string, cols map[string]column, which string, v any, s *fieldSchema) (Row, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, invalidf("%s %s: expected an object, found %s", table, which, describe(v))
	}
	row := make(Row, len(cols))
	for name, col := range cols {
		val, ok := m[name]
		if !ok {
			continue
		}
		n, err := normalize(col, s.field(name), val)
		if err != nil {
			return nil, invalidf("%s.%s (%s): %v", table, name, which, err)
		}
		row[name] = n
	}
	return row, nil
}

// decodePosition reads the binlog coordinates. They are required: changes are
// ordered by binlog position only, never by Kafka offset, which restarts when a
// topic is re-created. Its errors are plain; change adds the table and ErrInvalid.
func (r raw) decodePosition() (domain.Position, error) {
	names := r.positionNames
	hint := names.hint
	var p domain.Position
	file, name := lookup(r.position, names.file)
	switch f := file.(type) {
	case string:
		if f == "" {
			return p, fmt.Errorf("%s is empty%s", name, hint)
		}
		p.File = f
	case nil:
		return p, fmt.Errorf("no %s%s", strings.Join(names.file, " or "), hint)
	default:
		return p, fmt.Errorf("%s: expected a string, found %s", name, describe(f))
	}
	pos, name := lookup(r.position, names.pos)
	if pos == nil {
		return p, fmt.Errorf("no %s%s", strings.Join(names.pos, " or "), hint)
	}
	var err error
	if p.Pos, err = positionInt(name, pos); err != nil {
		return p, err
	}
	// row is 0 when absent: rows of one binlog event are distinct rows, so their
	// order only matters between changes of the same row, which never share an event.
	if row, name := lookup(r.position, names.row); row != nil {
		if p.Row, err = positionInt(name, row); err != nil {
			return p, err
		}
	}
	snap, name := lookup(r.position, names.snapshot)
	p.Snapshot, err = snapshot(name, snap)
	return p, err
}

// lookup returns the first non-null value among names, and its name.
func lookup(m map[string]any, names []string) (any, string) {
	for _, n := range names {
		if v := m[n]; v != nil {
			return v, n
		}
	}
	return nil, names[0]
}

func positionInt(name string, v any) (int64, error) {
	n, ok := v.(json.Number)
	i, err := strconv.ParseInt(string(n), 10, 64)
	if !ok || err != nil || i < 0 {
		return 0, fmt.Errorf("%s: expected a non-negative integer, found %s", name, describe(v))
	}
	return i, nil
}

// snapshot reads source.snapshot, a string since Debezium 1.x (a boolean before).
// Every marker but "false" means the row was read, not streamed. That includes
// "incremental": an incremental snapshot read carries the current streaming
// position, and marking it as a snapshot lets a streamed change at the same
// position win, which is right since that change is at least as new.
func snapshot(name string, v any) (bool, error) {
	switch s := v.(type) {
	case nil:
		return false, nil
	case bool:
		return s, nil
	case string:
		return s != "false" && s != "", nil
	}
	return false, fmt.Errorf("%s: expected a string, found %s", name, describe(v))
}

func knownTables() string {
	names := make([]string, 0, len(tables))
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// invalidf is an error that wraps domain.ErrInvalid.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", domain.ErrInvalid, fmt.Sprintf(format, args...))
}
