package cdc

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// parseJSON reads one JSON value into the tree encoding/json's Decoder gives
// with UseNumber (map[string]any, []any, string, json.Number, bool, nil), and
// refuses what it refuses, trailing data included (FuzzParseJSON compares the
// two). It exists for speed: every event passes here, and encoding/json's
// reflection-driven decoding into any was the largest share of the sink's own
// CPU (3x slower on a video event, BenchmarkDecode).
func parseJSON(data []byte) (any, error) {
	v, _, err := parseJSONKeeping(data, "")
	return v, err
}

// parseJSONKeeping is parseJSON that, when data is an object with the key
// raw, checks that key's value as strictly but leaves it out of the tree and
// returns its bytes instead: a large subtree that is read another way (the
// Connect schema, cached by its bytes).
func parseJSONKeeping(data []byte, raw string) (any, []byte, error) {
	p := parser{data: data, rawKey: raw}
	v, err := p.value(0, true)
	if err != nil {
		return nil, nil, err
	}
	if p.space(); p.i < len(p.data) {
		return nil, nil, errors.New("unexpected data after the JSON value")
	}
	return v, p.rawValue, nil
}

// maxDepth is encoding/json's nesting limit.
const maxDepth = 10000

// parser reads data from i. With build false it only checks: nothing is
// allocated and the values returned mean nothing.
type parser struct {
	data     []byte
	i        int
	rawKey   string // a top-level key whose value is kept as bytes
	rawValue []byte
}

func (p *parser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) fail(what string) error {
	if p.i >= len(p.data) {
		return fmt.Errorf("unexpected end of JSON input, expecting %s", what)
	}
	return fmt.Errorf("invalid character %q at offset %d, expecting %s", p.data[p.i], p.i, what)
}

func (p *parser) value(depth int, build bool) (any, error) {
	p.space()
	if p.i >= len(p.data) {
		return nil, p.fail("a value")
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth+1, build)
	case c == '[':
		return p.array(depth+1, build)
	case c == '"':
		s, err := p.string(build)
		if err != nil || !build {
			return nil, err
		}
		return s, nil
	case c == '-' || c >= '0' && c <= '9':
		n, err := p.number()
		if err != nil || !build {
			return nil, err
		}
		return json.Number(n), nil
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	default:
		return nil, p.fail("a value")
	}
}

func (p *parser) literal(word string) error {
	if len(p.data)-p.i < len(word) || string(p.data[p.i:p.i+len(word)]) != word {
		return p.fail(word)
	}
	p.i += len(word)
	return nil
}

func (p *parser) object(depth int, build bool) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("exceeded max depth")
	}
	p.i++ // {
	var m map[string]any
	if build {
		m = make(map[string]any)
	}
	p.space()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return m, nil
	}
	for {
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return nil, p.fail("a string key")
		}
		key, err := p.string(build)
		if err != nil {
			return nil, err
		}
		if p.space(); p.i >= len(p.data) || p.data[p.i] != ':' {
			return nil, p.fail("':'")
		}
		p.i++
		if depth == 1 && build && p.rawKey != "" && key == p.rawKey {
			p.space()
			start := p.i
			if _, err := p.value(depth, false); err != nil {
				return nil, err
			}
			p.rawValue = p.data[start:p.i] // the last of duplicate keys wins
		} else {
			v, err := p.value(depth, build)
			if err != nil {
				return nil, err
			}
			if build {
				m[key] = v // the last of duplicate keys wins, as in encoding/json
			}
		}
		if p.space(); p.i < len(p.data) {
			switch p.data[p.i] {
			case ',':
				p.i++
				continue
			case '}':
				p.i++
				return m, nil
			}
		}
		return nil, p.fail("',' or '}'")
	}
}

func (p *parser) array(depth int, build bool) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("exceeded max depth")
	}
	p.i++ // [
	var a []any
	if build {
		a = []any{}
	}
	p.space()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return a, nil
	}
	for {
		v, err := p.value(depth, build)
		if err != nil {
			return nil, err
		}
		if build {
			a = append(a, v)
		}
		if p.space(); p.i < len(p.data) {
			switch p.data[p.i] {
			case ',':
				p.i++
				continue
			case ']':
				p.i++
				return a, nil
			}
		}
		return nil, p.fail("',' or ']'")
	}
}

// string reads a string at p.i (a '"'). Plain text is sliced out as it is;
// one with escapes or invalid UTF-8 is left to encoding/json, so escapes and
// U+FFFD replacement are exactly its own. Without build it returns "".
func (p *parser) string(build bool) (string, error) {
	start := p.i
	p.i++
	plain := true
	for p.i < len(p.data) {
		switch c := p.data[p.i]; {
		case c == '"':
			p.i++
			switch {
			case plain && !build:
				return "", nil
			case plain:
				return string(p.data[start+1 : p.i-1]), nil
			case !build && json.Valid(p.data[start:p.i]):
				return "", nil
			}
			var s string
			if err := json.Unmarshal(p.data[start:p.i], &s); err != nil {
				return "", err
			}
			return s, nil
		case c == '\\':
			plain = false
			p.i += 2 // the escaped byte never ends the string
		case c < 0x20:
			return "", p.fail("no control character in a string")
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, size := utf8.DecodeRune(p.data[p.i:])
			if r == utf8.RuneError && size == 1 {
				plain = false
			}
			p.i += size
		}
	}
	return "", p.fail("the end of a string")
}

// number reads a number with JSON's grammar and returns its text.
func (p *parser) number() ([]byte, error) {
	start := p.i
	if p.data[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.data) && p.data[p.i] == '0':
		p.i++
	case p.digits() == 0:
		return nil, p.fail("a digit")
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return nil, p.fail("a digit after the decimal point")
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return nil, p.fail("a digit in the exponent")
		}
	}
	return p.data[start:p.i], nil
}

func (p *parser) digits() int {
	n := 0
	for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}
