package topics

import (
	"context"
	"slices"
	"testing"

	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/pkg/event"
)

// TestCompanyNames: a topic word inside a company's name (a capitalised
// run ending in a company word, or followed by a ticker) counts only for
// business concepts; the same word outside a name, or a name without a
// company word, still counts.
func TestCompanyNames(t *testing.T) {
	s, err := newScorer(builtinTopicRules(t))
	if err != nil {
		t.Fatal(err)
	}
	var words []uint64
	for _, w := range []string{"inc", "corp", "co", "plc", "laboratories"} {
		words = append(words, tokens.KeyOf(w))
	}
	s.setCompanyWords(words)
	checkTopicLabels(t, s, []labelCase{
		{"Champion Products Inc approves stock split", "The board of Champion Products Inc approved a two-for-one split.", "sport", false},
		{"CHAMPION PRODUCTS <CH> APPROVES STOCK SPLIT", "The board approved a two-for-one stock split.", "sport", false},
		{"Whitehall Corp quarterly net rises", "Whitehall Corp said net income rose.", "politics and government", false},
		{"Sporting Life (NYSE: SLF) sells unit", "Sporting Life (NYSE: SLF) said it sold a unit.", "sport", false},
		{"PS Group <PSG> and USAir move up deadline", "PS Group <PSG> said the deadline moved.", "football", false},
		// A name without a company word or ticker, and the word outside a name.
		{"Champion sprinter wins the Olympic final", "The world champion won the Olympic 100 metres final in record time.", "sport", true},
		// Business concepts keep the name as evidence of the industry.
		{"Boeing Co to build more airliners", "Boeing Co said it would build more airliners and jets.", "aerospace", true},
	})
}

// labelCase is an item and a concept label it must (has) or must not have.
type labelCase struct {
	title, text string
	label       string
	has         bool
}

// checkTopicLabels scores each case's item and checks whether its label is
// among the topics.
func checkTopicLabels(t *testing.T, s *Scorer, cases []labelCase) {
	t.Helper()
	for _, c := range cases {
		got, err := s.score(context.Background(), c.title, c.text)
		if err != nil {
			t.Fatal(err)
		}
		found := slices.ContainsFunc(got, func(tp event.Topic) bool { return tp.Label == c.label })
		if found != c.has {
			t.Errorf("%q: %s present %v, want %v (%v)", c.title, c.label, found, c.has, got)
		}
	}
}

// TestTicker: the forms of a ticker after a name.
func TestTicker(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"<CTL> said", true},
		{"<THE NATIONAL BANK OF NEW ZEALAND LTD>", true},
		{"(NYSE: SPL)", true},
		{"(Nasdaq:SPL)", true},
		{"(the firm)", false},
		{"<a href", false},
		{"(", false},
	} {
		toks := tokens.Tokenize(nil, c.s)
		if got := ticker(c.s, toks); got != c.want {
			t.Errorf("ticker(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
