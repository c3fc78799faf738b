package topics

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// topicRefMatcher is a plain phrase matcher written from the rules alone:
// words are folded strings, wildcard prefixes are found by their strings,
// and the set of partial matches is carried from word to word. The
// automaton must find exactly its hits and negatives.
type topicRefMatcher struct {
	edges map[topicRefEdge]int // node and symbol ("w:word", "p:prefix") → child; node 0 is the root
	kids  map[int]bool         // nodes with children
	outs  map[int][]topicOut
	words map[string]bool // words of the rules
	wild  map[string]bool // wildcard prefixes
	w     []float64       // by phrase: its weight
}

type topicRefEdge struct {
	node int
	sym  string
}

func newTopicRefMatcher(rules []gazetteer.TopicRule) *topicRefMatcher {
	m := &topicRefMatcher{edges: map[topicRefEdge]int{}, kids: map[int]bool{}, outs: map[int][]topicOut{},
		words: map[string]bool{}, wild: map[string]bool{}}
	add := func(text string, o topicOut) {
		node, n := 0, 0
		for _, chunk := range strings.Fields(text) {
			bare, wild := strings.CutSuffix(chunk, "*")
			parts := topicWords(bare)
			for k, w := range parts {
				sym := "w:" + w
				if wild && k == len(parts)-1 {
					sym, m.wild[w] = "p:"+w, true
				} else {
					m.words[w] = true
				}
				e := topicRefEdge{node, sym}
				if _, ok := m.edges[e]; !ok {
					m.edges[e] = len(m.edges) + 1
				}
				m.kids[node], node, n = true, m.edges[e], n+1
			}
		}
		o.words = int8(n)
		if !o.negative {
			o.phrase = int32(len(m.w))
			m.w = append(m.w, o.weight)
		}
		m.outs[node] = append(m.outs[node], o)
	}
	for i, r := range rules {
		for _, p := range r.Phrases {
			add(p.Text, topicOut{topic: int32(i), weight: p.Weight})
		}
		for _, n := range r.Negatives {
			add(n, topicOut{topic: int32(i), negative: true})
		}
	}
	return m
}

// scan returns the hits and negatives of one field, as strings.
func (m *topicRefMatcher) scan(text string, field int8) []string {
	type partial struct{ node, start int }
	var got []string
	var carry, next []partial
	para, prev := 0, 0
	for _, tk := range tokens.Tokenize(nil, text) { // FuzzTokenize checks it against the plain tokenizer
		if tk.Flags&tokens.Word == 0 {
			continue
		}
		start, end := int(tk.Start), int(tk.End)
		if start-prev > 1 && topicParaBreak(text[prev:start]) {
			para, carry = para+1, nil
		}
		prev = end
		word := strings.Join(topicWords(text[start:end]), "")
		var syms []string
		if m.words[word] {
			syms = append(syms, "w:"+word)
		}
		for n := 1; n <= len(word); n++ {
			if m.wild[word[:n]] {
				syms = append(syms, "p:"+word[:n])
			}
		}
		next = next[:0]
		for _, sym := range syms {
			for _, p := range append([]partial{{0, start}}, carry...) {
				child, ok := m.edges[topicRefEdge{p.node, sym}]
				if !ok {
					continue
				}
				for _, o := range m.outs[child] {
					if o.negative {
						got = append(got, fmt.Sprintf("neg %d %d", o.topic, topicParaKey(field, int32(para))))
						continue
					}
					c := min(o.weight*topicPosition(field, p.start, len(text)), topicMaxHit)
					got = append(got, fmt.Sprintf("hit %d %d %d %d %d %d %d %.9f", o.topic, o.phrase, field, o.words, para, p.start, end, c))
				}
				if m.kids[child] {
					next = append(next, partial{child, p.start})
				}
			}
		}
		carry, next = next, carry
	}
	slices.Sort(got)
	return slices.Compact(got) // a negative counts once per paragraph
}

// autoScan returns what the automaton finds in one field, as scan does.
func autoScan(t testing.TB, s *Scorer, text string, field int8) []string {
	sc := s.pool.Get().(*topicScratch)
	defer s.release(sc)
	if err := s.scan(context.Background(), sc, text, tokens.Tokenize(nil, text), field); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range sc.hits {
		got = append(got, fmt.Sprintf("hit %d %d %d %d %d %d %d %.9f", h.topic, h.phrase, h.field, h.words, h.para, h.start, h.end, h.c))
	}
	for _, n := range sc.negs {
		for _, t := range s.negSets[n.set] {
			got = append(got, fmt.Sprintf("neg %d %d", t, n.key))
		}
	}
	slices.Sort(got)
	return slices.Compact(got)
}

func sameTopicMatches(t *testing.T, s *Scorer, ref *topicRefMatcher, title, text string) {
	t.Helper()
	for field, f := range []string{title, text} {
		if d := cmp.Diff(ref.scan(f, int8(field)), autoScan(t, s, f, int8(field))); d != "" {
			t.Fatalf("field %d of %q (%d bytes): automaton differs from the plain matcher (-plain +automaton):\n%s", field, f[:min(len(f), 200)], len(f), d)
		}
	}
}

// FuzzTopicAutomaton: on any text the automaton finds exactly the phrases
// and negatives of the plain matcher, with the same spans.
func FuzzTopicAutomaton(f *testing.F) {
	for _, s := range []string{
		"Interest-rate rises: the central bank raised interest rates; rates, rated, RATE.",
		"The prime minister of the United Kingdom met the foreign minister.\n\nA coup d'état in Niger.",
		"Terrorists and terrorism: the counter-terror unit, 3 bombers, Ölprices, co-operatives",
		"world cup world cup final the the of of of minister minister prime prime minister",
	} {
		f.Add(s[:20], s)
	}
	rules := builtinTopicRules(f)
	s, err := newScorer(rules)
	if err != nil {
		f.Fatal(err)
	}
	ref := newTopicRefMatcher(rules)
	f.Fuzz(func(t *testing.T, title, text string) { sameTopicMatches(t, s, ref, title, text) })
}

// TestTopicAutomatonEval: the same on every dev text.
func TestTopicAutomatonEval(t *testing.T) {
	sharedtest.Path(t, "eval/reuters-dev.jsonl") // skips without ../shared; fails in CI
	var texts []string                           // each item's title, a line break, its text
	for _, f := range []string{"reuters-dev.jsonl", "bbc-dev.jsonl"} {
		for _, c := range readTopicEval(t, f) {
			if text, ok := sharedtest.ItemText(c.Item); ok {
				texts = append(texts, text)
			}
		}
	}
	rules := builtinTopicRules(t)
	s, err := newScorer(rules)
	if err != nil {
		t.Fatal(err)
	}
	ref := newTopicRefMatcher(rules)
	for _, x := range texts {
		title, text, _ := strings.Cut(x, "\n")
		sameTopicMatches(t, s, ref, title, text)
	}
	t.Logf("%d dev texts: the automaton finds what the plain matcher finds", len(texts))
}
