package elasticsearch

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/videocatalog/catalog/shared/domain"
)

// cursor is what a page hands out to continue after one of its items: the
// hit's sort values (search_after) and the order they belong to, so that a
// cursor of another list or order is refused rather than silently misread.
// Cursors hold no point in time: they stay valid however late a client comes
// back, and the id tie-break keeps the walk stable across writes.
type cursor struct {
	Order  string            `json:"o"`
	Values []json.RawMessage `json:"v"`
}

// encodeCursor is base64url of the JSON of cursor{order, values}, appended
// by hand (a page encodes one per item); values are compact JSON from the
// search response.
func encodeCursor(order string, values []json.RawMessage) string {
	var buf [160]byte
	raw := append(buf[:0], `{"o":`...)
	raw = appendString(raw, order)
	raw = append(raw, `,"v":[`...)
	for i, v := range values {
		if i > 0 {
			raw = append(raw, ',')
		}
		raw = append(raw, v...)
	}
	raw = append(raw, "]}"...)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// decodeCursor returns the search_after values of s for o, or an error wrapping domain.ErrInvalid.
func decodeCursor(s string, o order) ([]json.RawMessage, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, invalidCursor("not base64url")
	}
	var c cursor
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, invalidCursor("not a cursor")
	}
	if c.Order != o.name || len(c.Values) != len(o.numeric) {
		return nil, invalidCursor("made for another list or order")
	}
	for i, v := range c.Values {
		var n float64
		var str string
		if o.numeric[i] && json.Unmarshal(v, &n) != nil || !o.numeric[i] && json.Unmarshal(v, &str) != nil {
			return nil, invalidCursor("bad sort value")
		}
	}
	return c.Values, nil
}

func invalidCursor(why string) error {
	return fmt.Errorf("cursor %s: %w", why, domain.ErrInvalid)
}
