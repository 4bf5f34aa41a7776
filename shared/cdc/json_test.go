package cdc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
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
}
