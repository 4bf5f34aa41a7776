package cdc

import (
	"encoding/json"
	"strings"
	"sync"
)

// fieldSchema is a Kafka Connect schema as JsonConverter writes it with
// schemas.enable=true. Only the parts that change how a value decodes are kept.
type fieldSchema struct {
	Type       string            `json:"type"`
	Name       string            `json:"name"`
	Field      string            `json:"field"`
	Parameters map[string]string `json:"parameters"`
	Fields     []fieldSchema     `json:"fields"`
}

// field returns the sub-schema of the struct field named name, or nil.
func (s *fieldSchema) field(name string) *fieldSchema {
	if s == nil {
		return nil
	}
	for i := range s.Fields {
		if s.Fields[i].Field == name {
			return &s.Fields[i]
		}
	}
	return nil
}

// message is a record value with the converter's wrapping removed.
type message struct {
	payload map[string]any // nil for a null payload
	schema  *fieldSchema   // nil when schemas are off
}

// parseMessage reads a JsonConverter value, with schemas on ({"schema":…,
// "payload":…}) or off (the payload itself). Numbers stay json.Number so that
// 64-bit positions and epoch micros keep every digit.
func parseMessage(data []byte) (message, error) {
	v, rawSchema, err := parseJSONKeeping(data, "schema")
	if err != nil {
		return message{}, invalidf("data is not JSON: %v", err)
	}
	if v == nil {
		return message{}, nil
	}
	top, ok := v.(map[string]any)
	if !ok {
		return message{}, invalidf("data must be a JSON object, found %s", describe(v))
	}
	payload, hasPayload := top["payload"]
	if rawSchema == nil || !hasPayload || len(top) != 1 {
		if rawSchema != nil { // not the wrapper: a "schema" field of the payload itself
			top["schema"], _ = parseJSON(rawSchema) // checked already
		}
		return message{payload: top}, nil
	}
	var msg message
	if string(rawSchema) != "null" {
		if msg.schema, err = connectSchema(rawSchema); err != nil {
			return message{}, err
		}
	}
	switch p := payload.(type) {
	case nil:
	case map[string]any:
		msg.payload = p
	default:
		return message{}, invalidf("payload must be a JSON object, found %s", describe(payload))
	}
	return msg, nil
}

// schemas caches the Connect schemas read so far by their JSON: a table's
// schema, about 5 KB, comes again in every one of its events and changes
// only with its DDL. Reading it was 90 % of decoding an event with schemas
// on. The schemas are shared, so nothing may change one after it is read.
var schemas = struct {
	sync.RWMutex
	byJSON map[string]*fieldSchema
}{byJSON: map[string]*fieldSchema{}}

// maxSchemas bounds the cache: the admin tables times their schema versions
// stay far below it; past it, schemas are read each time.
const maxSchemas = 256

func connectSchema(raw []byte) (*fieldSchema, error) {
	schemas.RLock()
	s, ok := schemas.byJSON[string(raw)]
	schemas.RUnlock()
	if ok {
		return s, nil
	}
	s = new(fieldSchema)
	if err := json.Unmarshal(raw, s); err != nil {
		return nil, invalidf("schema is not a Kafka Connect schema: %v", err)
	}
	schemas.Lock()
	if len(schemas.byJSON) < maxSchemas {
		schemas.byJSON[string(raw)] = s
	}
	schemas.Unlock()
	return s, nil
}

// raw is what an event says before its rows are typed: either envelope form,
// flattened or not, reduces to this.
type raw struct {
	op            Op
	table         string // "" when the event does not say
	position      map[string]any
	positionNames positionNames
	before, after any
	columns       *fieldSchema // struct schema of the rows, nil when schemas are off
}

// positionNames are the keys of the position fields in raw.position, and what
// to say when they are missing.
type positionNames struct {
	file, pos, row, snapshot []string
	hint                     string
}

var (
	sourcePosition = positionNames{
		file: []string{"file"}, pos: []string{"pos"}, row: []string{"row"}, snapshot: []string{"snapshot"},
	}
	// ExtractNewRecordState's add.fields prefixes a field with "__", and with
	// "__source_" when it is named as source.<field>.
	flatPosition = positionNames{
		file:     []string{"__file", "__source_file"},
		pos:      []string{"__pos", "__source_pos"},
		row:      []string{"__row", "__source_row"},
		snapshot: []string{"__snapshot", "__source_snapshot"},
		hint:     " (ExtractNewRecordState must add them: add.fields=op,table,file,pos,row)",
	}
)

// isEnvelope tells the Debezium envelope from a row flattened by
// ExtractNewRecordState. No admin column is named like an envelope field.
func isEnvelope(p map[string]any) bool {
	for _, k := range []string{"op", "source", "before", "after"} {
		if _, ok := p[k]; ok {
			return true
		}
	}
	return false
}

func fromEnvelope(m message) (raw, error) {
	p := m.payload
	op, ok := p["op"].(string)
	if !ok {
		return raw{}, invalidf("envelope field op: expected a string, found %s", describe(p["op"]))
	}
	source, ok := p["source"].(map[string]any)
	if !ok {
		return raw{}, invalidf("envelope field source: expected an object, found %s", describe(p["source"]))
	}
	r := raw{op: Op(op), position: source, positionNames: sourcePosition, before: p["before"], after: p["after"]}
	if t, ok := source["table"]; ok && t != nil {
		if r.table, ok = t.(string); !ok {
			return raw{}, invalidf("source.table: expected a string, found %s", describe(t))
		}
	}
	r.columns = m.schema.field("after")
	if r.columns == nil {
		r.columns = m.schema.field("before")
	}
	return r, nil
}

func fromFlattened(m message) (raw, error) {
	p := m.payload
	r := raw{position: p, positionNames: flatPosition, columns: m.schema}
	if t, ok := p["__table"]; ok && t != nil {
		if r.table, ok = t.(string); !ok {
			return raw{}, invalidf("__table: expected a string, found %s", describe(t))
		}
	}
	deleted, err := flatDeleted(p["__deleted"])
	if err != nil {
		return raw{}, err
	}
	switch op := p["__op"].(type) {
	case nil:
		// Without __op the SMT says only whether the row is gone: anything else
		// is the row's current state, which an upsert applies whatever it was.
		r.op = OpUpdate
		if deleted {
			r.op = OpDelete
		}
	case string:
		r.op = Op(op)
		if deleted && r.op != OpDelete {
			return raw{}, invalidf("__deleted is \"true\" but __op is %q", op)
		}
	default:
		return raw{}, invalidf("__op: expected a string, found %s", describe(op))
	}
	// The flattened value is one row: the state before a delete, after anything else.
	if r.op == OpDelete {
		r.before = p
	} else if r.op != OpTruncate {
		r.after = p
	}
	return r, nil
}

// flatDeleted reads __deleted, which delete.tombstone.handling.mode=rewrite writes
// as the string "true" or "false".
func flatDeleted(v any) (bool, error) {
	switch d := v.(type) {
	case nil:
		return false, nil
	case bool:
		return d, nil
	case string:
		if d == "true" || d == "false" {
			return d == "true", nil
		}
	}
	return false, invalidf("__deleted: expected \"true\" or \"false\", found %s", describe(v))
}

// topicTable is the table at the end of a KafkaSource CloudEvent source,
// /apis/v1/namespaces/<ns>/kafkasources/<name>#<prefix>.<db>.<table>.
func topicTable(ceSource string) string {
	i := strings.LastIndexByte(ceSource, '#')
	if i < 0 {
		return ""
	}
	topic := ceSource[i+1:]
	return topic[strings.LastIndexByte(topic, '.')+1:]
}
