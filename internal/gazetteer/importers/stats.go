// Package importers converts large public sources — GeoNames dumps,
// Wikidata position-holder exports, CAMEO/Phoenix actor dictionaries — into
// gazetteer files (see ../FORMAT.md) that users load at start.
//
// Importers only read and write streams: they never fetch anything from the
// network and never touch the built-in data.
package importers

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Stats says what an import did. Every input record is either written or
// skipped for a named reason, so nothing is dropped silently.
type Stats struct {
	Read    int            // input records read (lines, rows or dictionary entries)
	Written int            // gazetteer rows written
	Skipped map[string]int // reason → records skipped
}

func (s *Stats) skip(reason string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason]++
}

// SkippedTotal is the number of skipped records over all reasons.
func (s Stats) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// String reports the counts, most frequent skip reason first.
func (s Stats) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "read %d, wrote %d, skipped %d", s.Read, s.Written, s.SkippedTotal())
	reasons := slices.SortedFunc(maps.Keys(s.Skipped), func(a, b string) int {
		if d := s.Skipped[b] - s.Skipped[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for i, r := range reasons {
		if i == 0 {
			sb.WriteString(" (")
		} else {
			sb.WriteString("; ")
		}
		fmt.Fprintf(&sb, "%s: %d", r, s.Skipped[r])
	}
	if len(reasons) > 0 {
		sb.WriteString(")")
	}
	return sb.String()
}
