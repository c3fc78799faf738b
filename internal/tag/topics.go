package tag

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/pkg/event"
)

// Topic scoring model.
//
// A phrase weight w is read as "the probability that a news indexer would
// assign this topic if the phrase stood in the headline". A hit contributes
// c = w · position · repeat, where position is 1 in the headline, 0.85 in the
// lead (first topicLeadBytes of the text) falling linearly to 0.5 at the end
// of the text, and repeat is 0.5^k for the k-th earlier hit of the same
// phrase, so a single word said twenty times is worth about two mentions.
// Hits combine by noisy-OR: score = 1 − Π(1 − c). A concept's score also
// takes in every hit of the concepts below it (evidence for "diplomacy" is
// evidence for "international relations"). So a score ≥ 0.5 means: more
// likely than not that an indexer would assign the concept — one strong,
// distinctive phrase in the headline or lead, or several independent
// moderate cues; 0.2 to 0.5 means a plausible secondary topic.
const (
	topicMinScore    = 0.2  // below this a concept is not emitted
	topicChildMin    = 0.5  // a child subtree "fires" for its parent at this score
	topicInnerMin    = 0.4  // own evidence that emits a concept with children
	topicMaxResults  = 10   // concepts emitted per item
	topicMaxEvidence = 3    // spans per concept
	topicTitleFactor = 1.3  // a headline hit against the phrase weight
	topicLeadBytes   = 600  // roughly the first paragraph or two
	topicLeadFactor  = 0.85 // a lead hit against a headline hit
	topicTailFactor  = 0.5  // a hit at the very end of the text
	topicRepeatDecay = 0.5  // each repeat of a phrase counts half the one before
	topicCtxEvery    = 4096 // tokens between context checks
	topicChildCap    = 1.5  // most evidence mass a concept passes to its parent
)

// topicWordNode is a node of the byte trie over folded vocabulary words. The
// scan walks it while it reads a token, so looking a token up costs nothing
// beyond reading its bytes. Child 0 means none (the root is never a child);
// exact and wild hold a symbol + 1, or 0.
type topicWordNode struct {
	child [36]int32 // a-z, 0-9
	exact int32     // the word ending here
	wild  int32     // a wildcard prefix ending here ("sanction*")
}

// topicOut is what a phrase-trie node reports when a phrase ends there.
type topicOut struct {
	topic, phrase int32
	weight        float64
	words         int8
	negative      bool
}

// topicScorer matches weighted phrases of IPTC topic rules in one pass over
// the tokens (a word trie feeding a phrase trie over word symbols, with the
// set of partial matches carried along), then scores concepts by noisy-OR.
// It is immutable after newTopicScorer and safe for concurrent use.
type topicScorer struct {
	codes, labels []string
	parent        []int32 // -1 for a top-level concept
	depth         []int32 // 0 for a top-level concept
	inner         []bool  // has narrower concepts
	words         []topicWordNode
	wide          map[uint64]int32 // word-trie edges on non-ASCII bytes
	symbols       map[string]int32 // "w:word" or "p:prefix" → symbol
	next          map[uint64]int32 // phrase-trie edges: node<<32 | symbol
	outs          [][]topicOut     // per phrase-trie node
	open          []bool           // phrase-trie node has children
	nPhrases      int
	pool          sync.Pool // *topicScratch
}

// newTopicScorer compiles rules once; safe for concurrent use after.
func newTopicScorer(rules []gazetteer.TopicRule) (*topicScorer, error) {
	s := &topicScorer{
		words:   make([]topicWordNode, 1),
		wide:    make(map[uint64]int32),
		symbols: make(map[string]int32),
		next:    make(map[uint64]int32),
		outs:    make([][]topicOut, 1),
		open:    make([]bool, 1),
	}
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
	s.parent = make([]int32, len(rules))
	for i, r := range rules {
		s.parent[i] = -1
		if r.Parent == "" {
			continue
		}
		p, ok := index[r.Parent]
		if !ok {
			return nil, fmt.Errorf("topic rule %s:%d: %s has unknown parent %s", r.Pos.File, r.Pos.Line, r.Code, r.Parent)
		}
		s.parent[i] = p
	}
	s.depth = make([]int32, len(rules))
	s.inner = make([]bool, len(rules))
	for i, r := range rules {
		// A chain longer than the number of rules must loop.
		n, steps := s.parent[i], 0
		for ; n >= 0 && steps <= len(rules); steps++ {
			n = s.parent[n]
		}
		if n >= 0 {
			return nil, fmt.Errorf("topic rule %s:%d: %s is its own ancestor", r.Pos.File, r.Pos.Line, r.Code)
		}
		s.depth[i] = int32(steps)
		if p := s.parent[i]; p >= 0 {
			s.inner[p] = true
		}
	}
	for i, r := range rules {
		for _, p := range r.Phrases {
			if !(p.Weight > 0 && p.Weight <= 1) {
				return nil, fmt.Errorf("topic rule %s:%d: phrase %q: weight %v not in (0,1]", r.Pos.File, r.Pos.Line, p.Text, p.Weight)
			}
			if err := s.addPhrase(p.Text, topicOut{topic: int32(i), weight: p.Weight}); err != nil {
				return nil, fmt.Errorf("topic rule %s:%d: %w", r.Pos.File, r.Pos.Line, err)
			}
		}
		for _, n := range r.Negatives {
			if err := s.addPhrase(n, topicOut{topic: int32(i), negative: true}); err != nil {
				return nil, fmt.Errorf("topic rule %s:%d: negative: %w", r.Pos.File, r.Pos.Line, err)
			}
		}
	}
	s.pool.New = func() any { return s.newScratch() }
	return s, nil
}

// topicScratch is the per-call working memory, pooled so that a call
// allocates only its result.
type topicScratch struct {
	cur, nxt []topicState
	syms     []int32
	hits     []topicHit
	negs     []uint64
	repeats  []uint8   // per phrase
	last     []int32   // per concept: 1 + index of its last kept hit
	own, agg []float64 // per concept: evidence mass of its own hits / its subtree's
	firing   []int16   // per concept: children whose subtree scores ≥ topicChildMin
	touched  []int32
	seen     []bool // per concept: in touched
	cands    []int32
	pairs    []topicPair
}

func (s *topicScorer) newScratch() *topicScratch {
	sc := &topicScratch{
		repeats: make([]uint8, s.nPhrases),
		last:    make([]int32, len(s.codes)),
		own:     make([]float64, len(s.codes)),
		agg:     make([]float64, len(s.codes)),
		firing:  make([]int16, len(s.codes)),
		seen:    make([]bool, len(s.codes)),
	}
	return sc
}

// release clears what a call touched and returns sc to the pool.
func (s *topicScorer) release(sc *topicScratch) {
	for _, t := range sc.touched {
		sc.own[t], sc.agg[t], sc.firing[t], sc.seen[t] = 0, 0, 0, false
	}
	sc.hits, sc.negs, sc.touched, sc.cands = sc.hits[:0], sc.negs[:0], sc.touched[:0], sc.cands[:0]
	s.pool.Put(sc)
}

// score returns topics sorted by descending Score then Code; evidence offsets are
// UTF-8 byte offsets into title (Field "title") or text (Field "text").
func (s *topicScorer) score(ctx context.Context, title, text string) ([]event.Topic, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := s.pool.Get().(*topicScratch)
	defer s.release(sc)
	if err := s.scan(ctx, sc, title, 0); err != nil {
		return nil, err
	}
	if err := s.scan(ctx, sc, text, 1); err != nil {
		return nil, err
	}
	s.accumulate(sc)
	return s.emit(sc, title, text), nil
}

// accumulate turns hits into evidence mass per concept: a longer phrase
// claims its words from other concepts, negatives cancel the hits of their
// concept in their paragraph, overlapping hits of one concept count once
// (the strongest), and repeats of a phrase decay. One sort puts the hits in
// document order; everything after is linear.
func (s *topicScorer) accumulate(sc *topicScratch) {
	slices.SortFunc(sc.hits, func(a, b topicHit) int {
		if c := cmp.Compare(a.field, b.field); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
		return cmp.Compare(a.phrase, b.phrase)
	})
	topicClaimWords(sc.hits)
	slices.Sort(sc.negs)
	for i := range sc.hits {
		h := &sc.hits[i]
		if h.c == 0 {
			continue
		}
		if _, neg := slices.BinarySearch(sc.negs, topicNegKey(h.topic, h.field, h.para)); neg {
			h.c = 0
			continue
		}
		if j := sc.last[h.topic] - 1; j >= 0 {
			if p := &sc.hits[j]; p.field == h.field && h.start < p.end {
				if h.c <= p.c {
					h.c = 0
					continue
				}
				p.c = 0
			}
		}
		sc.last[h.topic] = int32(i + 1)
	}
	for i := range sc.hits {
		h := &sc.hits[i]
		sc.last[h.topic] = 0
		if h.c == 0 {
			continue
		}
		h.c *= math.Pow(topicRepeatDecay, float64(sc.repeats[h.phrase]))
		if sc.repeats[h.phrase] < 255 {
			sc.repeats[h.phrase]++
		}
		sc.own[h.topic] += topicMass(h.c)
	}
	for i := range sc.hits {
		sc.repeats[sc.hits[i].phrase] = 0
	}
	s.aggregate(sc)
}

// aggregate sums evidence up the tree. Hits whose spans overlap form a
// group, and the group counts once for any concept above several of its hits
// ("MPs" listed under both "politics and government" and "legislative
// body"): the strongest hit goes to the most specific concept. A concept
// passes at most topicChildCap of mass to its parent, so that a broader
// concept is raised more by several different children than by one
// child's long list of repeats.
func (s *topicScorer) aggregate(sc *topicScratch) {
	for i := 0; i < len(sc.hits); {
		end, j := sc.hits[i].end, i
		for ; j < len(sc.hits) && sc.hits[j].field == sc.hits[i].field && (j == i || sc.hits[j].start < end); j++ {
			end = max(end, sc.hits[j].end)
		}
		s.groupMass(sc, sc.hits[i:j])
		i = j
	}
	// Children before parents: the touched list holds every ancestor.
	slices.SortFunc(sc.touched, func(a, b int32) int { return cmp.Compare(s.depth[b], s.depth[a]) })
	for _, t := range sc.touched {
		if p := s.parent[t]; p >= 0 {
			sc.agg[p] += min(sc.agg[t], topicChildCap)
		}
	}
}

// groupMass credits one group of overlapping hits: each hit's mass goes to
// its concept unless another hit of the group lies below it, in which case
// the stronger of the two goes to the lower concept.
func (s *topicScorer) groupMass(sc *topicScratch, g []topicHit) {
	pairs := sc.pairs[:0]
	for _, h := range g {
		if h.c == 0 {
			continue
		}
		m, t := topicMass(h.c), h.topic
		merged := false
		for k := range pairs {
			switch {
			case pairs[k].topic == t || s.under(pairs[k].topic, t):
				pairs[k].mass, merged = max(pairs[k].mass, m), true
			case s.under(t, pairs[k].topic):
				pairs[k].topic, pairs[k].mass, merged = t, max(pairs[k].mass, m), true
			}
			if merged {
				break
			}
		}
		if !merged {
			pairs = append(pairs, topicPair{t, m})
		}
	}
	for _, p := range pairs {
		s.touch(sc, p.topic)
		sc.agg[p.topic] += p.mass
	}
	sc.pairs = pairs
}

// touch marks t and its ancestors as having evidence.
func (s *topicScorer) touch(sc *topicScratch, t int32) {
	for ; t >= 0 && !sc.seen[t]; t = s.parent[t] {
		sc.seen[t] = true
		sc.touched = append(sc.touched, t)
	}
}

// topicPair is a concept and the mass one group of hits gives it.
type topicPair struct {
	topic int32
	mass  float64
}

// topicMass turns a hit's contribution c into evidence mass −ln(1 − c), so
// that masses add where probabilities would combine by noisy-OR.
func topicMass(c float64) float64 { return -math.Log1p(-min(c, 0.95)) }

// emit picks the concepts to report. A concept is reported when its score
// reaches topicMinScore and it has evidence of its own, or at least two of
// its children fire: a consumer wants the most specific concepts, and a
// broader one only when the item is about it as such or spans several of
// its branches. At most topicMaxResults, strongest first.
func (s *topicScorer) emit(sc *topicScratch, title, text string) []event.Topic {
	for _, t := range sc.touched {
		if p := s.parent[t]; p >= 0 && topicScore(sc.agg[t]) >= topicChildMin {
			sc.firing[p]++
		}
	}
	for _, t := range sc.touched {
		ownMin := topicMinScore
		if s.inner[t] {
			ownMin = topicInnerMin
		}
		if topicScore(sc.agg[t]) >= topicMinScore && (topicScore(sc.own[t]) >= ownMin || sc.firing[t] >= 2) {
			sc.cands = append(sc.cands, t)
		}
	}
	if len(sc.cands) == 0 {
		return []event.Topic{}
	}
	score := func(t int32) float64 { return math.Round(topicScore(sc.agg[t])*1000) / 1000 }
	slices.SortFunc(sc.cands, func(a, b int32) int {
		if c := cmp.Compare(score(b), score(a)); c != 0 {
			return c
		}
		return cmp.Compare(s.codes[a], s.codes[b])
	})
	if len(sc.cands) > topicMaxResults {
		sc.cands = sc.cands[:topicMaxResults]
	}
	out := make([]event.Topic, len(sc.cands))
	ev := make([]event.Evidence, 0, len(sc.cands)*topicMaxEvidence)
	for i, t := range sc.cands {
		from := len(ev)
		for _, h := range s.strongest(sc.hits, t) {
			if h < 0 {
				break
			}
			hit := sc.hits[h]
			field, src := "title", title
			if hit.field == 1 {
				field, src = "text", text
			}
			ev = append(ev, event.Evidence{Field: field, Text: src[hit.start:hit.end], Start: int(hit.start), End: int(hit.end)})
		}
		got := ev[from:len(ev):len(ev)]
		slices.SortFunc(got, func(a, b event.Evidence) int {
			if c := cmp.Compare(a.Field, b.Field); c != 0 {
				return c
			}
			return cmp.Compare(a.Start, b.Start)
		})
		out[i] = event.Topic{Code: s.codes[t], Label: s.labels[t], Score: score(t), Evidence: got}
	}
	return out
}

// strongest returns the indexes of the topicMaxEvidence hits that did most
// for concept t: its own first, then its descendants'; -1 fills the rest.
func (s *topicScorer) strongest(hits []topicHit, t int32) [topicMaxEvidence]int {
	var best [topicMaxEvidence]int
	var rank [topicMaxEvidence]float64
	for i := range best {
		best[i] = -1
	}
	for i, h := range hits {
		if h.c == 0 {
			continue
		}
		r := h.c
		if h.topic != t {
			if !s.under(h.topic, t) {
				continue
			}
			r -= 1 // own evidence ranks before any descendant's
		}
		for k := range best {
			if best[k] < 0 || r > rank[k] {
				copy(best[k+1:], best[k:len(best)-1])
				copy(rank[k+1:], rank[k:len(rank)-1])
				best[k], rank[k] = i, r
				break
			}
		}
	}
	return best
}

// under reports whether concept a lies below concept t.
func (s *topicScorer) under(a, t int32) bool {
	for a = s.parent[a]; a >= 0; a = s.parent[a] {
		if a == t {
			return true
		}
	}
	return false
}

// topicClaimWords drops a one-word hit that lies inside a longer phrase of
// another concept: the longer phrase says which sense the word has ("bank"
// in "central bank", "gold" in "gold medal", "union" in "European Union").
// hits are sorted by field and start; phrases are short, so the look-back
// is bounded.
func topicClaimWords(hits []topicHit) {
	for i := range hits {
		h := &hits[i]
		if h.words != 1 {
			continue
		}
		for j := i - 1; j >= 0 && hits[j].field == h.field && hits[j].start > h.start-256; j-- {
			if o := hits[j]; o.words > 1 && o.topic != h.topic && o.end >= h.end {
				h.c = 0
				break
			}
		}
		for j := i + 1; h.c != 0 && j < len(hits) && hits[j].field == h.field && hits[j].start == h.start; j++ {
			if o := hits[j]; o.words > 1 && o.topic != h.topic && o.end >= h.end {
				h.c = 0
			}
		}
	}
}

// topicScore maps evidence mass m = Σ −ln(1 − c) to a score. Up to 0.5 it
// equals the noisy-OR of the hits (m/(m+ln 2) and 1 − e^−m meet there);
// above, it grows hyperbolically instead of exponentially, so that items
// with much evidence for several concepts still rank them apart.
func topicScore(m float64) float64 { return m / (m + math.Ln2) }
