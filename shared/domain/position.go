package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Position is where a change happened in the admin database's binlog. Changes
// of one row are applied in Position order, never in Kafka offset order: offsets
// restart when topics are re-created or re-partitioned, binlog positions do not.
type Position struct {
	// File is the binlog file name, e.g. "mysql-bin.000003"; its numeric suffix orders files.
	File string
	// Pos is the byte offset of the row event within File.
	Pos int64
	// Row is the index of the row within a multi-row event.
	Row int64
	// Snapshot is true for an initial-snapshot read. A snapshot read carries the
	// binlog position the snapshot started at, so a streamed change at the same
	// position happened after it.
	Snapshot bool
}

// IsZero reports whether p is the zero Position, older than every real one.
func (p Position) IsZero() bool { return p == Position{} }

// FileSequence is the numeric suffix of the binlog file name (0 when it has none).
func (p Position) FileSequence() int64 {
	i := strings.LastIndexByte(p.File, '.')
	if i < 0 {
		return 0
	}
	n, err := strconv.ParseInt(p.File[i+1:], 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// Key encodes p as a fixed-width string whose byte order is the order of
// positions, so stores can compare positions without knowing their structure.
func (p Position) Key() string {
	if p.IsZero() {
		return ""
	}
	phase := 1
	if p.Snapshot {
		phase = 0
	}
	return fmt.Sprintf("%012d%020d%012d%d", p.FileSequence(), p.Pos, p.Row, phase)
}

// Compare returns -1, 0 or +1 as p is older than, the same as, or newer than q.
func (p Position) Compare(q Position) int {
	return strings.Compare(p.Key(), q.Key())
}

func (p Position) String() string {
	s := fmt.Sprintf("%s:%d#%d", p.File, p.Pos, p.Row)
	if p.Snapshot {
		s += " (snapshot)"
	}
	return s
}
