package cdc

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cloudevents/sdk-go/v2/event"

	"github.com/videocatalog/catalog/shared/domain"
)

const (
	catID   = "c0000000000000000000000000000001"
	videoID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
	// 1700000000 s is 2023-11-14T22:13:20Z.
	micros = "1700000000123456"
)

var (
	atMicros = time.Date(2023, 11, 14, 22, 13, 20, 123456000, time.UTC)
	atMillis = time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC)
)

// kafkaEvent is an event as KafkaSource sends a Debezium record from topic:
// binary mode, no datacontenttype (Debezium sets no content-type header), the
// record key in the "key" extension. data nil is a null value (tombstone).
func kafkaEvent(topic string, data string) event.Event {
	e := event.New()
	e.SetID("partition:0/offset:42")
	e.SetSource("/apis/v1/namespaces/catalog/kafkasources/admin#" + topic)
	e.SetType("dev.knative.kafka.event")
	e.SetSubject("partition:0#42")
	e.SetExtension("key", `{"schema":{"type":"struct","fields":[{"type":"string","optional":false,"field":"id"}],"optional":false,"name":"adm_videos_mysql.adm_videos.categories.Key"},"payload":{"id":"`+catID+`"}}`)
	if data != "" {
		e.DataEncoded = []byte(data)
	}
	return e
}

func topic(table string) string { return "adm_videos_mysql.adm_videos." + table }

// source is a Debezium MySQL source block for table at mysql-bin.000003:4567#row.
func source(table, snapshot string, row int) string {
	return `{"version":"3.6.0.Final","connector":"mysql","name":"adm_videos_mysql","ts_ms":1700000100000,` +
		`"snapshot":` + snapshot + `,"db":"adm_videos","sequence":null,"table":"` + table + `","server_id":1,` +
		`"gtid":null,"file":"mysql-bin.000003","pos":4567,"row":` + string(rune('0'+row)) + `,"thread":7,"query":null}`
}

const categoryRow = `{"id":"` + catID + `","name":"Filmes","description":null,"active":true,` +
	`"created_at":` + micros + `,"updated_at":` + micros + `,"deleted_at":null,"future_column":{"x":1}}`

var categoryState = Row{
	"id": catID, "name": "Filmes", "description": nil, "active": true,
	"created_at": atMicros, "updated_at": atMicros, "deleted_at": nil,
}

var pos = domain.Position{File: "mysql-bin.000003", Pos: 4567}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDecode(t *testing.T) {
	snapPos := pos
	snapPos.Snapshot = true
	row1 := pos
	row1.Row = 1
	flatPos := domain.Position{File: "mysql-bin.000010", Pos: 98765, Row: 2}

	tests := []struct {
		name  string
		event event.Event
		want  Change
	}{
		{
			name: "envelope, schemas off, create; unknown columns dropped",
			event: kafkaEvent(topic("categories"),
				`{"before":null,"after":`+categoryRow+`,"source":`+source("categories", `"false"`, 0)+
					`,"op":"c","ts_ms":1700000100500,"ts_us":1700000100500000,"ts_ns":1700000100500000000,"transaction":null}`),
			want: Change{Table: "categories", Op: OpCreate, Position: pos, After: categoryState},
		},
		{
			name: "envelope, schemas off, update with before; boolean as 0/1",
			event: kafkaEvent(topic("categories"),
				`{"before":`+strings.Replace(categoryRow, `"active":true`, `"active":0`, 1)+
					`,"after":`+strings.Replace(categoryRow, `"active":true`, `"active":1`, 1)+
					`,"source":`+source("categories", `"false"`, 1)+`,"op":"u"}`),
			want: Change{Table: "categories", Op: OpUpdate, Position: row1,
				Before: with(categoryState, "active", false), After: categoryState},
		},
		{
			name: "envelope delete: before only",
			event: kafkaEvent(topic("categories"),
				`{"before":`+categoryRow+`,"after":null,"source":`+source("categories", `"false"`, 0)+`,"op":"d"}`),
			want: Change{Table: "categories", Op: OpDelete, Position: pos, Before: categoryState},
		},
		{
			name: "snapshot read, snapshot \"first\"",
			event: kafkaEvent(topic("categories"),
				`{"before":null,"after":`+categoryRow+`,"source":`+source("categories", `"first"`, 0)+`,"op":"r"}`),
			want: Change{Table: "categories", Op: OpRead, Position: snapPos, After: categoryState},
		},
		{
			name: "incremental snapshot read counts as snapshot",
			event: kafkaEvent(topic("categories"),
				`{"after":`+categoryRow+`,"source":`+source("categories", `"incremental"`, 0)+`,"op":"r"}`),
			want: Change{Table: "categories", Op: OpRead, Position: snapPos, After: categoryState},
		},
		{
			name: "snapshot as a JSON boolean (old connectors)",
			event: kafkaEvent(topic("categories"),
				`{"after":`+categoryRow+`,"source":`+source("categories", `true`, 0)+`,"op":"r"}`),
			want: Change{Table: "categories", Op: OpRead, Position: snapPos, After: categoryState},
		},
		{
			name: "truncate: no rows, table from source",
			event: kafkaEvent(topic("videos_genres"),
				`{"before":null,"after":null,"source":`+source("videos_genres", `"false"`, 0)+`,"op":"t"}`),
			want: Change{Table: "videos_genres", Op: OpTruncate, Position: pos},
		},
		{
			name: "join table row, table from the topic when source has none",
			event: kafkaEvent(topic("videos_categories"),
				`{"after":{"video_id":"`+videoID+`","category_id":"`+catID+`"},"source":`+
					strings.Replace(source("x", `"false"`, 0), `"table":"x",`, ``, 1)+`,"op":"c"}`),
			want: Change{Table: "videos_categories", Op: OpCreate, Position: pos,
				After: Row{"video_id": videoID, "category_id": catID}},
		},
		{
			name:  "envelope, schemas on: Decimal, MicroTimestamp, int16",
			event: kafkaEvent(topic("videos"), readFixture(t, "videos_create_schemas_on.json")),
			want: Change{Table: "videos", Op: OpCreate, Position: pos, After: Row{
				"id": videoID, "title": "Sintel", "description": "A girl searches for her dragon.",
				"year_launched": int64(2010), "opened": true, "published": false, "rating": "12",
				"duration":   50.0, // "E4g=" is 0x1388 = 5000 unscaled, scale 2
				"created_at": atMicros, "updated_at": time.Date(2023, 11, 14, 22, 15, 0, 1000, time.UTC),
				"video_id": "aa000000000000000000000000000001", "trailer_id": nil,
				"banner_id": "bb000000000000000000000000000002", "thumbnail_id": nil, "thumbnail_half_id": nil,
			}},
		},
		{
			name:  "flattened, schemas on: Timestamp millis, ZonedTimestamp, __op/__table/__file/__pos/__row",
			event: kafkaEvent(topic("categories"), readFixture(t, "categories_flat_schemas_on.json")),
			want: Change{Table: "categories", Op: OpUpdate, Position: flatPos, After: Row{
				"id": catID, "name": "Filmes", "description": nil, "active": true,
				"created_at": atMillis, "updated_at": time.Date(2023, 11, 14, 22, 15, 0, 500000000, time.UTC),
				"deleted_at": nil,
			}},
		},
		{
			name: "flattened, schemas off, __op c with __source_* position fields",
			event: kafkaEvent(topic("categories"), strings.TrimSuffix(categoryRow, "}")+
				`,"__op":"c","__source_ts_ms":1700000100000,"__source_file":"mysql-bin.000003","__source_pos":4567,"__source_row":1,"__source_snapshot":"false"}`),
			want: Change{Table: "categories", Op: OpCreate, Position: row1, After: categoryState},
		},
		{
			name: "flattened without __op, __deleted \"true\": a delete",
			event: kafkaEvent(topic("categories"), strings.TrimSuffix(categoryRow, "}")+
				`,"__deleted":"true","__file":"mysql-bin.000003","__pos":4567,"__row":0}`),
			want: Change{Table: "categories", Op: OpDelete, Position: pos, Before: categoryState},
		},
		{
			name: "flattened without __op, __deleted \"false\": an upsert; __snapshot last",
			event: kafkaEvent(topic("categories"), strings.TrimSuffix(categoryRow, "}")+
				`,"__deleted":"false","__file":"mysql-bin.000003","__pos":4567,"__snapshot":"last"}`),
			want: Change{Table: "categories", Op: OpUpdate, Position: snapPos, After: categoryState},
		},
		{
			name:  "flattened, __table beats the topic",
			event: kafkaEvent("renamed.topic", `{"id":"`+catID+`","name":"Drama","__table":"genres","__file":"f.1","__pos":1}`),
			want: Change{Table: "genres", Op: OpUpdate, Position: domain.Position{File: "f.1", Pos: 1},
				After: Row{"id": catID, "name": "Drama"}},
		},
		{
			name: "datacontenttype application/json with parameters",
			event: withContentType(kafkaEvent(topic("categories"),
				`{"after":`+categoryRow+`,"source":`+source("categories", `"false"`, 0)+`,"op":"c"}`),
				"application/json; charset=utf-8"),
			want: Change{Table: "categories", Op: OpCreate, Position: pos, After: categoryState},
		},
		{
			name:  "tombstone: no data, table from the topic",
			event: kafkaEvent(topic("categories"), ""),
			want:  Change{Table: "categories", Tombstone: true},
		},
		{
			name:  "tombstone of an unknown topic: no table, no error",
			event: kafkaEvent("adm_videos_mysql", ""),
			want:  Change{Tombstone: true},
		},
		{
			name:  "tombstone: JSON null",
			event: kafkaEvent(topic("genres"), "null"),
			want:  Change{Table: "genres", Tombstone: true},
		},
		{
			name:  "tombstone: schemas on with a null payload",
			event: kafkaEvent(topic("genres"), `{"schema":null,"payload":null}`),
			want:  Change{Table: "genres", Tombstone: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.event)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decode:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	// Each case decodes a single column of a flattened, schema-less row.
	tests := []struct {
		table, column, json string
		want                any
	}{
		{"videos", "duration", `"E4g="`, 50.0},                       // 5000 / 10^2
		{"videos", "duration", `"/2o="`, -1.5},                       // 0xff6a = -150
		{"videos", "duration", `"AYaf"`, 999.99},                     // 0x01869f = 99999
		{"videos", "duration", `"AA=="`, 0.0},                        // 0
		{"videos", "duration", `"123.45"`, 123.45},                   // decimal.handling.mode=string
		{"videos", "duration", `"-7"`, -7.0},                         // string mode, no fraction
		{"videos", "duration", `90.5`, 90.5},                         // decimal.handling.mode=double
		{"videos", "duration", `{"scale":1,"value":"MDk="}`, 1234.5}, // VariableScaleDecimal 12345
		{"videos", "duration", `null`, nil},
		{"videos", "year_launched", `1999`, int64(1999)},
		{"videos", "opened", `false`, false},
		{"videos", "opened", `0`, false},
		{"videos", "opened", `1`, true},
		{"videos", "opened", `"true"`, true},
		{"categories", "created_at", micros, atMicros},                          // DATETIME(6): micros
		{"categories", "created_at", `1700000000123`, atMillis},                 // DATETIME(0-3): millis
		{"categories", "created_at", `"2023-11-14T22:13:20.123456Z"`, atMicros}, // ZonedTimestamp
		{"categories", "created_at", `"2023-11-14T23:13:20.123+01:00"`, atMillis},
		{"categories", "created_at", `0`, time.Unix(0, 0).UTC()},
		{"cast_members", "type", `"DIRECTOR"`, "DIRECTOR"},
	}
	for _, tt := range tests {
		t.Run(tt.table+"."+tt.column+"="+tt.json, func(t *testing.T) {
			c, err := Decode(kafkaEvent(topic(tt.table), `{"`+tt.column+`":`+tt.json+`,"__file":"f.1","__pos":1}`))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got, ok := c.After[tt.column]
			if !ok || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v (present %t), want %#v", tt.column, got, ok, tt.want)
			}
		})
	}
}

func TestDecodeSchemaNames(t *testing.T) {
	// With schemas on, the logical type name decides the time unit, whatever the magnitude.
	tests := []struct {
		name, schema, json string
		want               time.Time
	}{
		{"Timestamp is millis", `"name":"io.debezium.time.Timestamp"`, `1700000000123`, atMillis},
		{"connect Timestamp is millis", `"name":"org.apache.kafka.connect.data.Timestamp"`, `1700000000123`, atMillis},
		{"MicroTimestamp is micros even when small", `"name":"io.debezium.time.MicroTimestamp"`, `1500`, time.UnixMicro(1500).UTC()},
		{"NanoTimestamp", `"name":"io.debezium.time.NanoTimestamp"`, `1700000000123456789`, time.Date(2023, 11, 14, 22, 13, 20, 123456789, time.UTC)},
		{"Date is days", `"name":"io.debezium.time.Date"`, `19675`, time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)},
		{"no name: magnitude", `"type":"int64"`, micros, atMicros},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := `{"schema":{"type":"struct","fields":[{"field":"created_at",` + tt.schema + `}]},` +
				`"payload":{"id":"` + catID + `","created_at":` + tt.json + `,"__file":"f.1","__pos":1}}`
			c, err := Decode(kafkaEvent(topic("categories"), data))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got := c.After["created_at"]; got != tt.want {
				t.Errorf("created_at = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	envelope := func(after, op string) string {
		return `{"after":` + after + `,"source":` + source("categories", `"false"`, 0) + `,"op":"` + op + `"}`
	}
	flat := func(cols string) string { return `{` + cols + `,"__file":"f.1","__pos":1}` }
	tests := []struct {
		name  string
		event event.Event
		want  string // a substring of the error
	}{
		{"data not JSON", kafkaEvent(topic("categories"), `not json`), "data is not JSON"},
		{"trailing data", kafkaEvent(topic("categories"), `{"id":"x"} {}`), "unexpected data after the JSON value"},
		{"data an array", kafkaEvent(topic("categories"), `[1]`), "data must be a JSON object, found an array"},
		{"payload a string", kafkaEvent(topic("categories"), `{"schema":null,"payload":"x"}`), `payload must be a JSON object, found string "x"`},
		{"schema malformed", kafkaEvent(topic("categories"), `{"schema":{"fields":7},"payload":{}}`), "schema is not a Kafka Connect schema"},
		{"datacontenttype not JSON", withContentType(kafkaEvent(topic("categories"), envelope(categoryRow, "c")), "application/avro"),
			`datacontenttype "application/avro" is not JSON`},
		{"datacontenttype unparsable", withContentType(kafkaEvent(topic("categories"), envelope(categoryRow, "c")), "a/b; ="),
			"is not a media type"},
		{"unknown op", kafkaEvent(topic("categories"), envelope(categoryRow, "x")), `categories: unknown op "x" (expected c, u, d, r or t)`},
		{"op not a string", kafkaEvent(topic("categories"), `{"op":1,"source":{}}`), "envelope field op: expected a string, found number 1"},
		{"source missing", kafkaEvent(topic("categories"), `{"op":"c","after":{}}`), "envelope field source: expected an object, found null"},
		{"source.table not a string", kafkaEvent(topic("categories"), `{"op":"c","source":{"table":3}}`), "source.table: expected a string, found number 3"},
		{"unknown table", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"table":"categories"`, `"table":"users"`, 1)),
			`table "users" is not in the admin schema`},
		{"unknown table from the topic", kafkaEvent("adm_videos_mysql", flat(`"id":"x"`)), `table "adm_videos_mysql" is not in the admin schema`},
		{"no table at all", func() event.Event { e := kafkaEvent("", flat(`"id":"x"`)); e.SetSource("/x"); return e }(),
			"no table: source.table, __table and the CloudEvent source's topic are all missing"},
		{"create without after", kafkaEvent(topic("categories"), envelope("null", "c")), `categories: op "c" without an after row`},
		{"delete without before", kafkaEvent(topic("categories"), envelope(categoryRow, "d")), `categories: op "d" without a before row`},
		{"after not an object", kafkaEvent(topic("categories"), envelope(`[]`, "c")), "categories after: expected an object, found an array"},
		{"flattened without position", kafkaEvent(topic("categories"), `{"id":"x","__op":"c"}`),
			"no __file or __source_file (ExtractNewRecordState must add them: add.fields=op,table,file,pos,row)"},
		{"flattened without pos", kafkaEvent(topic("categories"), `{"id":"x","__file":"f.1"}`), "no __pos or __source_pos"},
		{"envelope without file", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"file":"mysql-bin.000003",`, ``, 1)),
			"categories: binlog position: no file"},
		{"empty file", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"mysql-bin.000003"`, `""`, 1)),
			"binlog position: file is empty"},
		{"pos a string", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"pos":4567`, `"pos":"4567"`, 1)),
			`pos: expected a non-negative integer, found string "4567"`},
		{"row negative", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"row":0`, `"row":-1`, 1)),
			"row: expected a non-negative integer, found number -1"},
		{"snapshot a number", kafkaEvent(topic("categories"), strings.Replace(envelope(categoryRow, "c"), `"snapshot":"false"`, `"snapshot":1`, 1)),
			"snapshot: expected a string, found number 1"},
		{"__deleted not a boolean string", kafkaEvent(topic("categories"), flat(`"id":"x","__deleted":"yes"`)), `__deleted: expected "true" or "false", found string "yes"`},
		{"__deleted contradicts __op", kafkaEvent(topic("categories"), flat(`"id":"x","__deleted":"true","__op":"u"`)), `__deleted is "true" but __op is "u"`},
		{"__op not a string", kafkaEvent(topic("categories"), flat(`"id":"x","__op":true`)), "__op: expected a string, found boolean true"},
		{"__table not a string", kafkaEvent(topic("categories"), flat(`"__table":{}`)), "__table: expected a string, found an object"},
		{"string for a bool", kafkaEvent(topic("categories"), flat(`"active":"yes"`)), `categories.active (after): expected a boolean or 0/1, found string "yes"`},
		{"object for a name", kafkaEvent(topic("categories"), flat(`"name":{"pt":"Filmes"}`)), "categories.name (after): expected a string, found an object"},
		{"fractional year", kafkaEvent(topic("videos"), flat(`"year_launched":1999.5`)), "videos.year_launched (after): expected an integer, found number 1999.5"},
		{"bad base64 decimal", kafkaEvent(topic("videos"), flat(`"duration":"E4g"`)), `videos.duration (after): expected a decimal (base64 unscaled bytes, number or numeric string), found string "E4g"`},
		{"decimal overflow", kafkaEvent(topic("videos"), flat(`"duration":1e400`)), "expected a finite decimal, found number 1e400"},
		{"decimal schema without scale", kafkaEvent(topic("videos"), `{"schema":{"type":"struct","fields":[{"field":"duration","type":"bytes","name":"org.apache.kafka.connect.data.Decimal"}]},"payload":`+flat(`"duration":"E4g="`)+`}`),
			`videos.duration (after): org.apache.kafka.connect.data.Decimal schema has no "scale" parameter`},
		{"decimal scale out of range", kafkaEvent(topic("videos"), flat(`"duration":{"scale":99999999,"value":"AQ=="}`)), "decimal scale 99999999 is outside 0..30"},
		{"unparsable time string", kafkaEvent(topic("categories"), flat(`"created_at":"yesterday"`)), `categories.created_at (after): expected an ISO-8601 timestamp, found string "yesterday"`},
		{"time as a boolean", kafkaEvent(topic("categories"), flat(`"created_at":true`)), "expected an epoch integer or an ISO-8601 string, found boolean true"},
		{"unsupported time type", kafkaEvent(topic("categories"), `{"schema":{"type":"struct","fields":[{"field":"created_at","name":"io.debezium.time.MicroTime"}]},"payload":`+flat(`"created_at":5`)+`}`),
			`unsupported temporal type "io.debezium.time.MicroTime"`},
		{"Date out of int32", kafkaEvent(topic("categories"), `{"schema":{"type":"struct","fields":[{"field":"created_at","name":"io.debezium.time.Date"}]},"payload":`+flat(`"created_at":9999999999`)+`}`),
			"9999999999 days is outside the int32 range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(tt.event)
			if err == nil {
				t.Fatalf("Decode = %#v, want an error containing %q", c, tt.want)
			}
			if !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("error %q does not wrap domain.ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestState(t *testing.T) {
	before, after := Row{"id": "a"}, Row{"id": "b"}
	for _, tt := range []struct {
		op   Op
		want Row
	}{{OpCreate, after}, {OpRead, after}, {OpUpdate, after}, {OpDelete, before}, {OpTruncate, after}} {
		if got := (Change{Op: tt.op, Before: before, After: after}).State(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("op %s: State = %v, want %v", tt.op, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	tests := []struct {
		name   string
		change Change
		want   string
		err    string
	}{
		{"create", Change{Table: "categories", Op: OpCreate, After: Row{"id": catID}}, catID, ""},
		{"delete reads before", Change{Table: "videos", Op: OpDelete, Before: Row{"id": videoID}}, videoID, ""},
		{"join table", Change{Table: "videos_genres", Op: OpCreate, After: Row{"video_id": videoID}}, "", `table "videos_genres" has no id column`},
		{"truncate has no row", Change{Table: "genres", Op: OpTruncate}, "", "genres.id is missing, but the column is required"},
		{"null id", Change{Table: "genres", Op: OpCreate, After: Row{"id": nil}}, "", "genres.id is null"},
		{"id not a string", Change{Table: "genres", Op: OpCreate, After: Row{"id": int64(7)}}, "", "genres.id: expected a string, found int64 7"},
		{"malformed id", Change{Table: "genres", Op: OpCreate, After: Row{"id": "a b"}}, "", `genres.id: must be 1 to 64 characters`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.change.ID()
			checkErr(t, err, tt.err)
			if got != tt.want {
				t.Errorf("ID = %q, want %q", got, tt.want)
			}
		})
	}
}

// checkErr fails unless err matches want: nil for "", else an ErrInvalid containing want.
func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == "":
	case err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), want):
		t.Fatalf("error %q: want an ErrInvalid containing %q", err, want)
	}
}

func with(r Row, col string, v any) Row {
	out := make(Row, len(r))
	for k, x := range r {
		out[k] = x
	}
	out[col] = v
	return out
}

func withContentType(e event.Event, ct string) event.Event {
	e.SetDataContentType(ct)
	return e
}

func TestDecodeDecimalSchema(t *testing.T) {
	// With a Decimal schema, "1234" is base64 (0xd76df8 = -2658824 unscaled), not
	// the plain decimal it would be read as without a schema; the scale is the schema's.
	data := `{"schema":{"type":"struct","fields":[{"field":"duration","type":"bytes",` +
		`"name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"3"}}]},` +
		`"payload":{"duration":"1234","__file":"f.1","__pos":1}}`
	c, err := Decode(kafkaEvent(topic("videos"), data))
	checkErr(t, err, "")
	if got := c.After["duration"]; got != -2658.824 {
		t.Errorf("duration = %v, want -2658.824", got)
	}
	c, err = Decode(kafkaEvent(topic("videos"), `{"duration":"1234","__file":"f.1","__pos":1}`))
	checkErr(t, err, "")
	if got := c.After["duration"]; got != 1234.0 {
		t.Errorf("schema-less duration = %v, want 1234", got)
	}
}
