// Package topics provides the tagger's topic stage: IPTC Media Topics for
// one item, scored from the item's tokens (package tokens) by weighted
// phrase rules compiled into one automaton, blended with the statistical
// topic model (internal/topicmodel) at the top level, each topic with
// evidence offsets into the title or text.
//
// A Scorer is built once by New and is immutable after it; Score is pure,
// deterministic and safe for concurrent use, and reuses pooled scratch
// space, so it allocates little beyond its output. This package must never
// do I/O, keep state between items or tokenize a field the caller has
// tokenized already.
package topics

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/pkg/event"
)

// Topic scoring model.
//
// A phrase weight w is read as "the probability that a news indexer would
// give the concept if the phrase stood in the headline". A hit contributes
// c = min(w · position · repeat, 0.95): position is 1.3 in the headline,
// 0.85 in the lead (the first topicLeadBytes of the text), falling linearly
// to 0.5 at the end of the text; repeat is 0.5^k for the k-th earlier hit of
// the same phrase, so one word said twenty times is worth about two
// mentions. Hits add up as evidence mass m = Σ −ln(1 − c) (the log-odds form
// of a noisy-OR), and a concept also gets the mass of the concepts below it
// (evidence for "diplomacy" is evidence for "international relations"), at
// most topicChildCap from each child so that breadth counts more than
// repetition. The score is m / (m + ln 2): it equals the noisy-OR
// 1 − Π(1 − c) at 0.5 and below it, and grows more slowly above it, so that
// long articles still rank concepts apart.
//
// What the score means: ≥ 0.5, more likely than not that an indexer would
// give the concept: one strong, distinctive phrase in the headline or lead,
// or several independent moderate cues. 0.2–0.5: a plausible secondary
// concept. Below topicMinScore nothing is emitted.
//
// A domain must be corroborated: a concept is emitted only when its
// top-level concept, which gathers the evidence of its whole branch, scores
// at least topicBranchMin. Words that are vocabulary of a domain in one
// sense and ordinary language in another ("transfer", "pact", "tax",
// "executed", "the government", "won") weigh little; alone in an item whose
// other words say nothing of that domain they are the other sense far more
// often ("a transfer of assets", a credit pact, net after tax), while in a
// sport, politics or court story the rest of the branch lifts them over the
// bar. On the 9,008 wire items of the dev sets this drops 790 of 51,661
// concepts (sport from 182 to 108), and changes the top concept of 21
// items, each from such a word ("tax" in an earnings table, "pact" for a
// credit agreement, "the government" in a Fed story) to the item's subject;
// the BBC, HuffPost (cross-validated) and seed figures are unchanged, while
// 0.45 or more begins to cost HuffPost's one-sentence items. An item with no
// concept left still gets the one with the most evidence (mostEvidence).
const (
	topicMinScore    = 0.2  // below this a concept is not emitted
	topicBranchMin   = 0.4  // nor is a concept whose top-level concept scores less
	topicChildMin    = 0.5  // a child subtree "fires" for its parent at this score
	topicInnerMin    = 0.4  // own evidence that emits a concept with children
	topicMaxResults  = 8    // concepts emitted per item
	topicMaxEvidence = 3    // spans per concept
	topicTitleFactor = 1.3  // a headline hit against the phrase weight
	topicLeadBytes   = 600  // roughly the first paragraph or two
	topicLeadFactor  = 0.85 // a lead hit against the phrase weight
	topicTailFactor  = 0.5  // a hit at the very end of the text
	topicRepeatDecay = 0.5  // each repeat of a phrase counts half the one before
	topicMaxHit      = 0.95 // no single hit is certain
	topicChildCap    = 1.5  // most evidence mass a concept passes to its parent
	topicCtxEvery    = 4096 // tokens between context checks
	topicMaxWords    = 127  // words in a phrase
)

// Scorer finds the weighted phrases of IPTC topic rules in one pass
// over the tokens of the text. Each word is looked up once by the key the
// tokenizer gave it (or, for a word no rule has, by its first bytes as a
// wildcard prefix at each length some prefix has), behind bit sets,
// which gives its class; a deterministic automaton over classes moves once
// per word and says which phrases end there. Time is linear in the text and
// barely depends on the number of phrases. It is immutable after New and
// safe for concurrent use.
type Scorer struct {
	codes, labels []string
	codeRank      []int32 // a concept's place in the order of codes
	parent        []int32 // -1 for a top-level concept
	depth         []int32 // 0 for a top-level concept
	root          []int32 // the top-level concept above a concept (itself at the top)
	maxDepth      int32
	inner         []bool // has narrower concepts

	companyWords map[uint64]bool // words that end a company's name (names.go); nil: none
	business     int32           // the concept topicBusiness, -1 when the rules lack it

	words    topicTable // folded word hash → class and root state
	wild     topicTable // folded prefix hash → class and root state
	wildLens uint64     // bit n: some prefix is n bytes long
	wildMax  int        // the longest prefix, in bytes
	starts   topicStarts

	states  []topicState // the automaton (auto.go); state 0 is the empty one
	sigs    []uint64     // by class: topicSymBit of each of its symbols
	trans   topicMoves   // its moves that do not start afresh
	dends   []topicEnd   // the phrases ending in each state, state by state
	weights []float64    // distinct phrase weights, by topicEnd.weight
	negSets [][]int32    // the concepts of each set of negatives ending together, by topicEnd.topic

	nPhrases    int
	repeatScale [256]float64 // 2^-r: scaling by it is exact, as math.Ldexp is
	pool        sync.Pool    // *topicScratch

	model     *topicmodel.Model // nil: the rules alone (model.go)
	classRoot []int32           // per model class: its top-level concept, -1 if the rules lack it
	classOf   []int8            // per concept: the model class of its top-level concept, -1 for none
	stops     *modelStops       // words the model skips
	prior     []float64         // per model class: its probability on an item with no known word
}

// topicEnd is topicOut as the scan reads it: 12 bytes, the weight an index
// into Scorer.weights, so that more of the table stays in cache.
type topicEnd struct {
	topic, phrase int32
	weight        uint16
	words         int8
	negative      bool
}

// topicOut is what a phrase-trie node reports when a phrase ends there.
type topicOut struct {
	topic, phrase int32
	weight        float64
	words         int8 // words in the phrase
	negative      bool
}

// New compiles the topic rules into a Scorer that blends in the model m
// (nil: the rules alone). It is the costly step; the Scorer is immutable
// after it and safe for concurrent use.
// companyWords are the keys (tokens.KeyOf) of the words that end a
// company's name (names.go; nil: names are not read).
func New(rules []gazetteer.TopicRule, m *topicmodel.Model, companyWords []uint64) (*Scorer, error) {
	s, err := newScorer(rules)
	if err != nil {
		return nil, err
	}
	s.setModel(m)
	s.setCompanyWords(companyWords)
	return s, nil
}

// newScorer compiles rules, without a model.
func newScorer(rules []gazetteer.TopicRule) (*Scorer, error) {
	s := &Scorer{}
	index := make(map[string]int32, len(rules))
	for i, r := range rules {
		if r.Code == "" {
			return nil, fmt.Errorf("topic rule %s:%d: empty code", r.Pos.File, r.Pos.Line)
		}
		if _, dup := index[r.Code]; dup {
			return nil, fmt.Errorf("topic rule %s:%d: duplicate concept %s", r.Pos.File, r.Pos.Line, r.Code)
		}
		index[r.Code] = int32(i)
		s.codes = append(s.codes, r.Code)
		s.labels = append(s.labels, r.Label)
	}
	if err := s.tree(rules, index); err != nil {
		return nil, err
	}
	byCode := make([]int32, len(s.codes))
	for i := range byCode {
		byCode[i] = int32(i)
	}
	slices.SortFunc(byCode, func(a, b int32) int { return cmp.Compare(s.codes[a], s.codes[b]) })
	s.codeRank = make([]int32, len(s.codes))
	for r, i := range byCode {
		s.codeRank[i] = int32(r)
	}
	b := newTopicBuilder()
	for i, r := range rules {
		for _, p := range r.Phrases {
			if !(p.Weight > 0 && p.Weight <= 1) {
				return nil, fmt.Errorf("topic rule %s:%d: phrase %q: weight %v not in (0,1]", r.Pos.File, r.Pos.Line, p.Text, p.Weight)
			}
			if err := b.addPhrase(p.Text, topicOut{topic: int32(i), weight: p.Weight}); err != nil {
				return nil, fmt.Errorf("topic rule %s:%d: %w", r.Pos.File, r.Pos.Line, err)
			}
		}
		for _, n := range r.Negatives {
			if err := b.addPhrase(n, topicOut{topic: int32(i), negative: true}); err != nil {
				return nil, fmt.Errorf("topic rule %s:%d: negative: %w", r.Pos.File, r.Pos.Line, err)
			}
		}
	}
	if err := b.freeze(s); err != nil {
		return nil, err
	}
	for r := range s.repeatScale {
		s.repeatScale[r] = math.Ldexp(1, -r)
	}
	s.pool.New = func() any { return s.newScratch() }
	return s, nil
}

// tree resolves parents, depths and inner concepts, and rejects unknown
// parents and cycles.
func (s *Scorer) tree(rules []gazetteer.TopicRule, index map[string]int32) error {
	s.parent = make([]int32, len(rules))
	s.depth = make([]int32, len(rules))
	s.root = make([]int32, len(rules))
	s.inner = make([]bool, len(rules))
	for i, r := range rules {
		s.parent[i] = -1
		if r.Parent == "" {
			continue
		}
		p, ok := index[r.Parent]
		if !ok {
			return fmt.Errorf("topic rule %s:%d: %s has unknown parent %s", r.Pos.File, r.Pos.Line, r.Code, r.Parent)
		}
		s.parent[i] = p
		s.inner[p] = true
	}
	for i, r := range rules {
		// A chain longer than the number of rules must loop.
		n, root, steps := s.parent[i], int32(i), 0
		for ; n >= 0 && steps <= len(rules); steps++ {
			root, n = n, s.parent[n]
		}
		if n >= 0 {
			return fmt.Errorf("topic rule %s:%d: %s is its own ancestor", r.Pos.File, r.Pos.Line, r.Code)
		}
		s.depth[i], s.root[i] = int32(steps), root
		s.maxDepth = max(s.maxDepth, int32(steps))
	}
	return nil
}

// score is Score on fields it tokenizes itself (the tests' entry).
func (s *Scorer) score(ctx context.Context, title, text string) ([]event.Topic, error) {
	sc := s.pool.Get().(*topicScratch)
	defer s.release(sc)
	sc.titleToks, sc.textToks = tokens.Tokenize(sc.titleToks[:0], title), tokens.Tokenize(sc.textToks[:0], text)
	return s.run(ctx, sc, title, text, sc.titleToks, sc.textToks)
}

// Score returns the topics of an item whose title and text the caller has
// tokenized (titleToks, textToks, by tokens.Tokenize or TokenizeCaps),
// sorted by descending Score then Code; evidence offsets are UTF-8 byte
// offsets into title (Field "title") or text (Field "text"). It returns
// ctx.Err() when the context ends first.
func (s *Scorer) Score(ctx context.Context, title, text string, titleToks, textToks []tokens.Token) ([]event.Topic, error) {
	sc := s.pool.Get().(*topicScratch)
	defer s.release(sc)
	return s.run(ctx, sc, title, text, titleToks, textToks)
}

func (s *Scorer) run(ctx context.Context, sc *topicScratch, title, text string, titleToks, textToks []tokens.Token) ([]event.Topic, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc.hits = slices.Grow(sc.hits, (len(titleToks)+len(textToks))/8) // about one per eight tokens, at once
	if err := s.scan(ctx, sc, title, titleToks, 0); err != nil {
		return nil, err
	}
	if err := s.scan(ctx, sc, text, textToks, 1); err != nil {
		return nil, err
	}
	sc.fields, sc.toks = [2]string{title, text}, [2][]tokens.Token{titleToks, textToks}
	s.accumulate(sc)
	s.modelScore(sc, titleToks, textToks)
	return s.emit(sc, title, text), nil
}

// index returns the concept with the given code, -1 when the rules lack it.
func (s *Scorer) index(code string) int32 {
	for i, c := range s.codes {
		if c == code {
			return int32(i)
		}
	}
	return -1
}
