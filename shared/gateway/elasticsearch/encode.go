package elasticsearch

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// The _bulk items of the hot path (row and relation upserts) are appended
// by hand into one buffer per item: no maps, no reflection, no key sorting.
// Measured on the sink benchmark, encoding them as nested maps with
// json.Marshal was the largest share of the store's own Go CPU. Everything
// else (truncates, searches, admin) stays map-built: it is rare or dominated
// by the cluster.

// appendString appends s as a JSON string. Plain text (the usual ids, keys
// and titles, accents included) is copied; anything encoding/json would
// escape takes its path, so the output is always what json.Marshal gives.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendMarshaled(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshaled(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendMarshaled(b []byte, s string) []byte {
	raw, _ := json.Marshal(s) // a string always marshals
	return append(b, raw...)
}

// appendKey appends ,"key": (or "key": first in an object, when b ends with '{').
func appendKey(b []byte, key string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

func appendStringField(b []byte, key, v string) []byte {
	return appendString(appendKey(b, key), v)
}

func appendBoolField(b []byte, key string, v bool) []byte {
	return strconv.AppendBool(appendKey(b, key), v)
}

func appendTimeField(b []byte, key string, t time.Time) []byte {
	b = append(appendKey(b, key), '"')
	b = t.UTC().AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendFloatField appends v as json.Marshal would (its float64 format);
// false for NaN and ±Inf, which JSON cannot carry.
func appendFloatField(b []byte, key string, v float64) ([]byte, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b, false
	}
	b = appendKey(b, key)
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, v, format, -1, 64)
	if format == 'e' { // e-09 → e-9, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

func appendIntField(b []byte, key string, v int) []byte {
	return strconv.AppendInt(appendKey(b, key), int64(v), 10)
}

// appendRawField appends key and raw, a JSON value, or null when raw is nil.
func appendRawField(b []byte, key string, raw []byte) []byte {
	b = appendKey(b, key)
	if raw == nil {
		return append(b, "null"...)
	}
	return append(b, raw...)
}

// upsertItem appends the NDJSON lines of a scripted upsert of document id
// by stored script, up to the params object left open: the caller appends
// the params (starting with appendKey) and closes with closeUpsert.
func upsertItem(b []byte, id, script string) []byte {
	b = append(b, `{"update":{"_id":`...)
	b = appendString(b, id)
	b = append(b, `,"retry_on_conflict":10}}`+"\n"+`{"scripted_upsert":true,"upsert":{},"script":{"id":`...)
	b = appendString(b, script)
	return append(b, `,"params":{`...)
}

func closeUpsert(b []byte) []byte { return append(b, "}}}\n"...) }
