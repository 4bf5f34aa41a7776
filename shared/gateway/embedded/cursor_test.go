package embedded

import (
	"errors"
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestCursorRoundTrip(t *testing.T) {
	sort, order, err := sortOrder(domain.KindVideo, domain.Sort{Field: domain.SortDuration, Desc: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	values := []string{"90.5", "v1"}
	got, err := decodeCursor(encodeCursor(order, values), order, sort)
	if err != nil || len(got) != 2 || got[0] != "90.5" || got[1] != "v1" {
		t.Fatalf("decode = %v, %v; want %v", got, err, values)
	}
}

func TestCursorRefusedForAnotherOrder(t *testing.T) {
	byName, nameOrder, _ := sortOrder(domain.KindVideo, domain.Sort{Field: domain.SortName}, false)
	byYear, yearOrder, _ := sortOrder(domain.KindVideo, domain.Sort{Field: domain.SortYearLaunched}, false)
	_, byScoreOrder, _ := sortOrder(domain.KindVideo, domain.Sort{}, true)
	for name, c := range map[string]struct {
		cursor string
		order  string
	}{
		"name cursor on year order":     {encodeCursor(nameOrder, []string{"matrix", "v1"}), yearOrder},
		"score cursor on name order":    {encodeCursor(byScoreOrder, []string{"1.5", "v1"}), nameOrder},
		"not a number for a year":       {encodeCursor(yearOrder, []string{"matrix", "v1"}), yearOrder},
		"too few values":                {encodeCursor(nameOrder, []string{"v1"}), nameOrder},
		"category cursor on video list": {encodeCursor("category:name:false", []string{"a", "c1"}), nameOrder},
	} {
		sort := byName
		if c.order == yearOrder {
			sort = byYear
		}
		if _, err := decodeCursor(c.cursor, c.order, sort); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("%s: error %v, want ErrInvalid", name, err)
		}
	}
}

func TestSortOnlyWhereTheKindHasTheField(t *testing.T) {
	_, _, err := sortOrder(domain.KindCategory, domain.Sort{Field: domain.SortDuration}, false)
	if !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("category by duration: %v, want ErrInvalid", err)
	}
}
