package tag

import (
	"testing"
)

// TestDictShadowing: two edge keys that share their high half and their
// place in the table would find each other's child in the 8-byte slots;
// freeze must grow the table until every key finds its own.
func TestDictShadowing(t *testing.T) {
	d := newDict()
	// The same high half, and the same place in a table of 16 slots (the
	// size two edges get); in 32 slots they part.
	const hi = uint64(0xDEADBEEF) << 32
	k1, k2 := hi|7<<5, hi|1<<9|7<<5
	d.edges[k1], d.edges[k2] = 1, 2
	d.freeze()
	if len(d.tab) != 32 {
		t.Errorf("table has %d slots, want 32 (grown once)", len(d.tab))
	}
	for k, want := range map[uint64]int32{k1: 1, k2: 2} {
		if got, ok := d.lookup(k); !ok || got != want {
			t.Errorf("lookup(%#x) = %d, %v; want %d", k, got, ok, want)
		}
	}
}
