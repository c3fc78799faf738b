package tag

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzTopicPrefixShortcut: the topicStarts shortcut for words no rule has
// finds exactly what hashing every prefix would, so scores and evidence are
// the same with and without it.
func FuzzTopicPrefixShortcut(f *testing.F) {
	for _, s := range []string{
		"Terrorists and terrorism: the counter-terror unit, 3 bombers, Ölprices",
		"Interest-rate rises; rates, rated, RATE. Footballers' teammates scored.",
		"ab abc a 12 123 1234 é éa éab Bio-terrorists co-operatives",
	} {
		f.Add("Headline about "+s[:10], s)
	}
	fast, err := newTopicScorer(builtinTopicRules(f))
	if err != nil {
		f.Fatal(err)
	}
	slow, err := newTopicScorer(builtinTopicRules(f))
	if err != nil {
		f.Fatal(err)
	}
	slow.starts = topicStarts{} // every word takes the byte-by-byte path
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, title, text string) {
		a, err := fast.score(ctx, title, text)
		if err != nil {
			t.Fatal(err)
		}
		b, err := slow.score(ctx, title, text)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(b, a); d != "" {
			t.Fatalf("shortcut changes the topics (-without +with):\n%s", d)
		}
	})
}

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
