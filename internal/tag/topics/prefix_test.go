package topics

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
	fast, err := newScorer(builtinTopicRules(f))
	if err != nil {
		f.Fatal(err)
	}
	slow, err := newScorer(builtinTopicRules(f))
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
