package topics

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsworker/newsworker/internal/tag/tokens"
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

// TestCachedPrefix: the scratch space's prefix cache answers as prefix
// does, on a cold cache, a warm one, and words that share a cache slot.
func TestCachedPrefix(t *testing.T) {
	s, err := newScorer(builtinTopicRules(t))
	if err != nil {
		t.Fatal(err)
	}
	text := benchTopicText + " Terrorists' counter-terrorism footballers Ölprices bio-terrorists " +
		"co-operatives interest-rated filmmakers cinematographers unrelatedword zzz é éa"
	toks := tokens.Tokenize(nil, text)
	sc := s.newScratch()
	for round := range 3 {
		for _, tk := range toks {
			if tk.Flags&tokens.Word == 0 {
				continue
			}
			word := text[tk.Start:tk.End]
			want, got := s.prefix(word), s.cachedPrefix(sc, tk.Key, word)
			if (want == nil) != (got == nil) || want != nil && (want.class != got.class || want.state != got.state) {
				t.Fatalf("round %d, %q: cached %+v, prefix %+v", round, word, got, want)
			}
		}
	}
	// Two words in one slot evict each other, and each still gets its own
	// answer.
	k := uint64(12345) << 10
	for _, w := range []string{"terrorists", "the", "terrorists", "filmmakers", "the"} {
		k += topicPrefixCache // another key, the same slot
		want, got := s.prefix(w), s.cachedPrefix(sc, k, w)
		if (want == nil) != (got == nil) || want != nil && (want.class != got.class || want.state != got.state) {
			t.Fatalf("shared slot, %q: cached %+v, prefix %+v", w, got, want)
		}
	}
}
