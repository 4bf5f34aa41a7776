package cdc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"reflect"
	"strings"
	"testing"
)

// referenceParse is what parseJSON must agree with: encoding/json's Decoder
// with UseNumber, refusing trailing data.
func referenceParse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

var jsonSeeds = []string{
	`{"before":null,"after":{"id":"v1","title":"Ação","n":-12.5e+3,"ok":true,"no":false,"list":[1,[],{}]},"op":"c"}`,
	`"plain"`, `"tab\there"`, `"\u00e9\ud83d\ude00"`, `"\ud800"`, "\"\xff\xfe\"", "\"caf\xc3\xa9\"", `"\/\b\f\n\r\\\""`,
	`0`, `-0`, `01`, `1.`, `.5`, `1e`, `1E+2`, `-`, `--1`, `1.5e-07`, `123456789012345678901234567890`,
	`[]`, `[1,]`, `[,1]`, `{}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1,"a":2}`, `{"a":}`, `{"a":1`,
	`{"schema":{"type":"struct","fields":[]},"payload":{"a":[1,"x\u00e9"]}}`, `{"schema":null,"payload":null}`, `{"schema":1,"schema":[2]}`, `{"schema":{"a":}}`,
	`true`, `tru`, `nul`, `null x`, ` {} `, `{}{}`, "\ufeff{}", "", " ", `"\x01"`, "\"a\nb\"", `"\q"`, `"\u12"`, `"abc`, `"abc\`,
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100),
}

func TestParseJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range jsonSeeds {
		compareParsers(t, []byte(s))
	}
}

// FuzzParseJSON: parseJSON accepts exactly what encoding/json accepts, and
// gives the same tree.
func FuzzParseJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(readFixture(f, "videos_create_schemas_on.json")))
	f.Fuzz(func(t *testing.T, data []byte) { compareParsers(t, data) })
}

func compareParsers(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := referenceParse(data)
	got, err := parseJSON(data)
	switch {
	case (err == nil) != (wantErr == nil):
		t.Fatalf("parseJSON(%.80q): error %v, encoding/json: %v", data, err, wantErr)
	case err == nil && !reflect.DeepEqual(got, want):
		t.Fatalf("parseJSON(%.80q) = %#v, encoding/json gives %#v", data, got, want)
	}
	// Keeping a top-level key as bytes changes nothing else, and those bytes
	// parse into what the whole tree holds there.
	for _, key := range []string{"a", "schema"} {
		got, raw, err := parseJSONKeeping(data, key)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("parseJSONKeeping(%.80q, %q): error %v, encoding/json: %v", data, key, err, wantErr)
		}
		if err != nil {
			continue
		}
		top, isObject := want.(map[string]any)
		wantValue, has := top[key]
		if !isObject || !has {
			if raw != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("parseJSONKeeping(%.80q, %q) = %#v, %q; want %#v and no bytes", data, key, got, raw, want)
			}
			continue
		}
		value, err := parseJSON(raw)
		if err != nil || !reflect.DeepEqual(value, wantValue) {
			t.Fatalf("parseJSONKeeping(%.80q, %q) kept %q (%v), want the bytes of %#v", data, key, raw, err, wantValue)
		}
		rest := maps.Clone(top)
		delete(rest, key)
		if !reflect.DeepEqual(got, any(rest)) {
			t.Fatalf("parseJSONKeeping(%.80q, %q) = %#v, want %#v", data, key, got, rest)
		}
	}
}
