package embedded

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/videocatalog/catalog/shared/domain"
)

// cursor is what a page hands out to continue after one of its items: the
// item's sort values, and the order they belong to so that a cursor of another
// list or order is refused rather than silently misread.
type cursor struct {
	Order  string   `json:"o"`
	Values []string `json:"v"`
}

func encodeCursor(order string, values []string) string {
	raw, _ := json.Marshal(cursor{Order: order, Values: values}) // strings only: cannot fail
	return base64.RawURLEncoding.EncodeToString(raw)
}

// decodeCursor returns the SearchAfter values of s for sort, or an error wrapping domain.ErrInvalid.
func decodeCursor(s, order string, sort search.SortOrder) ([]string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, invalidCursor("not base64url")
	}
	var c cursor
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, invalidCursor("not a cursor")
	}
	if c.Order != order || len(c.Values) != len(sort) {
		return nil, invalidCursor("made for another list or order")
	}
	for i, ss := range sort {
		if numericSort(ss) {
			if _, err := strconv.ParseFloat(c.Values[i], 64); err != nil {
				return nil, invalidCursor("bad number")
			}
		}
	}
	return c.Values, nil
}

// numericSort reports whether ss sorts by a number, which SearchAfter takes as a decimal string.
func numericSort(ss search.SearchSort) bool {
	switch ss := ss.(type) {
	case *search.SortScore:
		return true
	case *search.SortField:
		return ss.Type == search.SortFieldAsNumber
	}
	return false
}

// sortValues are a hit's sort values in the form SearchAfter takes back.
func sortValues(h *search.DocumentMatch, sort search.SortOrder) []string {
	values := make([]string, len(sort))
	for i, ss := range sort {
		if _, ok := ss.(*search.SortScore); ok {
			values[i] = strconv.FormatFloat(h.Score, 'g', -1, 64)
		} else {
			values[i] = h.DecodedSort[i]
		}
	}
	return values
}

func invalidCursor(why string) error {
	return fmt.Errorf("cursor %s: %w", why, domain.ErrInvalid)
}
