package elasticsearch

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// The hand-written encoders must produce what json.Marshal does.
func TestAppendMatchesMarshal(t *testing.T) {
	for _, s := range []string{"", "abc", "Ação e reação", "quote\" back\\slash", "tab\tnl\n", "<b>&", "\u2028", "bad \xff utf8", "日本語"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
	for _, f := range []float64{0, 1, -1, 1.5, 90.25, 1e-7, 1.2345e-9, 1e21, 123456789012, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		want, _ := json.Marshal(f)
		got, ok := appendFloatField([]byte("{"), "f", f)
		if !ok || string(got) != `{"f":`+string(want) {
			t.Errorf("appendFloatField(%v) = %s, want %s", f, got, want)
		}
	}
	if _, ok := appendFloatField([]byte("{"), "f", math.NaN()); ok {
		t.Error("NaN encoded")
	}
}

// A row item decodes to the script params the map-built encoding carried.
func TestRowItem(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	v := domain.Video{ID: "v1", Title: "Ação \"x\"", Description: "d", YearLaunched: 1999, Rating: "L", Duration: 90.5,
		Published: true, Timestamps: domain.Timestamps{CreatedAt: at, UpdatedAt: at}, GenreIDs: []string{"g"}}
	row, doc, err := rowParams(v)
	if err != nil {
		t.Fatal(err)
	}
	b := upsertItem(nil, "video:v1", "script-id")
	b = appendStringField(b, "pos", "p1")
	b = appendRawField(b, "row", row)
	b = appendRawField(b, "doc", doc)
	b = closeUpsert(b)
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	if len(lines) != 2 {
		t.Fatalf("%d lines: %s", len(lines), b)
	}
	var action, body any
	if err := json.Unmarshal(lines[0], &action); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lines[1], &body); err != nil {
		t.Fatal(err)
	}
	v.GenreIDs = nil
	wantRow, _ := json.Marshal(v)
	var rowValue any
	_ = json.Unmarshal(wantRow, &rowValue)
	wantAction := obj{"update": obj{"_id": "video:v1", "retry_on_conflict": 10.0}}
	wantBody := obj{"scripted_upsert": true, "upsert": obj{}, "script": obj{"id": "script-id", "params": obj{
		"pos": "p1", "row": rowValue,
		"doc": obj{"visible": true, "name": v.Title, "description": "d", "duration": 90.5, "opened": false,
			"year_launched": 1999.0, "rating": "L", "created_at": at.Format(time.RFC3339Nano), "updated_at": at.Format(time.RFC3339Nano)},
	}}}
	if !reflect.DeepEqual(action, any(wantAction)) {
		t.Errorf("action %v, want %v", action, wantAction)
	}
	if !reflect.DeepEqual(body, any(wantBody)) {
		t.Errorf("body %v\nwant %v", body, wantBody)
	}
}

// Cursors are byte-for-byte what json.Marshal of cursor made.
func TestEncodeCursorMatchesMarshal(t *testing.T) {
	for _, values := range [][]json.RawMessage{
		{json.RawMessage(`"list video 00001"`), json.RawMessage(`"lv00001"`)},
		{json.RawMessage(`12.5`), json.RawMessage(`"a\"b"`)},
		{json.RawMessage(`null`), json.RawMessage(`"x"`)},
	} {
		want, _ := json.Marshal(cursor{Order: "video:name:false", Values: values})
		got, err := base64.RawURLEncoding.DecodeString(encodeCursor("video:name:false", values))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("cursor %s, want %s (%v)", got, want, err)
		}
	}
}
