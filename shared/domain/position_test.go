package domain_test

import (
	"testing"

	"github.com/videocatalog/catalog/shared/domain"
)

func TestPositionOrder(t *testing.T) {
	at := func(file string, pos, row int64, snapshot bool) domain.Position {
		return domain.Position{File: file, Pos: pos, Row: row, Snapshot: snapshot}
	}
	// Each position is strictly older than the next.
	ordered := []domain.Position{
		{},
		at("mysql-bin.000009", 4, 0, false),
		at("mysql-bin.000009", 154, 0, true),  // snapshot taken at 154...
		at("mysql-bin.000009", 154, 0, false), // ...so a streamed change there is newer
		at("mysql-bin.000009", 154, 1, false),
		at("mysql-bin.000009", 99999999999, 0, false),
		at("mysql-bin.000010", 4, 0, false), // rollover: numeric, not lexical, order
		at("mysql-bin.1000000", 4, 0, false),
	}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := ordered[i].Compare(ordered[j]); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if !(domain.Position{}).IsZero() || ordered[1].IsZero() {
		t.Error("IsZero")
	}
}
