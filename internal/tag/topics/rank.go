package topics

import "github.com/newsworker/newsworker/internal/tag/tokens"

// topicScratch is the per-call working memory, pooled so that a call
// allocates only its result.
type topicScratch struct {
	starts [topicMaxWords + 1]int32 // the start of the last words, by word number modulo 128
	// prefixes remembers the wildcard prefix of words no rule has
	// (cachedPrefix); it outlives the call, as the Scorer does not change.
	prefixes *[topicPrefixCache]topicSlot
	// the fields' tokens when score tokenizes them itself
	titleToks, textToks []tokens.Token
	// the fields and their tokens during a call, by hit field (names.go)
	fields   [2]string
	toks     [2][]tokens.Token
	at       topicAt
	hits     []topicHit
	negs     []topicNeg // in scan order, so by field and paragraph
	negSeen  []uint64   // per set of negatives: 1 + the paragraph key it was last found in
	negAt    []uint64   // per concept: 1 + the paragraph key of its latest negative
	maxSpan  int32      // the widest multi-word hit, in bytes
	repeats  []uint8    // per phrase: earlier hits
	last     []int32    // per concept: 1 + index of its last kept hit
	own, agg []float64  // per concept: evidence mass of its own hits / its subtree
	firing   []int16    // per concept: children scoring at least topicChildMin
	kid      []float64  // per concept: the largest subtree mass of a child
	seen     []bool     // per concept: in touched
	touched  []int32    // concepts with evidence, and their ancestors
	cands    []int32
	ranked   []topicCand
	slot     []int16 // per concept: 1 + its index in cands while emitting
	nearest  []int32 // per concept: see nearestCand
	best     []topicRanked
	pairs    []topicPair
	model    topicModelState
}

func (s *Scorer) newScratch() *topicScratch {
	return &topicScratch{
		prefixes: new([topicPrefixCache]topicSlot),
		repeats:  make([]uint8, s.nPhrases),
		last:     make([]int32, len(s.codes)),
		negAt:    make([]uint64, len(s.codes)),
		negSeen:  make([]uint64, len(s.negSets)),
		own:      make([]float64, len(s.codes)),
		agg:      make([]float64, len(s.codes)),
		firing:   make([]int16, len(s.codes)),
		kid:      make([]float64, len(s.codes)),
		seen:     make([]bool, len(s.codes)),
		slot:     make([]int16, len(s.codes)),
		nearest:  make([]int32, len(s.codes)),
	}
}

// release clears what a call touched and returns sc to the pool.
func (s *Scorer) release(sc *topicScratch) {
	for _, t := range sc.touched {
		sc.own[t], sc.agg[t], sc.firing[t], sc.kid[t], sc.seen[t], sc.nearest[t] = 0, 0, 0, 0, false, 0
	}
	for _, h := range sc.hits {
		sc.last[h.topic], sc.repeats[h.phrase] = 0, 0
	}
	for _, n := range sc.negs {
		sc.negSeen[n.set] = 0
		for _, t := range s.negSets[n.set] {
			sc.negAt[t] = 0
		}
	}
	sc.maxSpan, sc.fields, sc.toks = 0, [2]string{}, [2][]tokens.Token{}
	sc.hits, sc.negs, sc.touched, sc.cands = sc.hits[:0], sc.negs[:0], sc.touched[:0], sc.cands[:0]
	s.pool.Put(sc)
}

// accumulate turns hits into evidence mass per concept: a longer phrase
// claims its words from other concepts, negatives cancel the hits of their
// concept in their paragraph, overlapping hits of one concept count once
// (the strongest), and repeats of a phrase decay. The hits come from the
// scan nearly in document order (a phrase is reported where it ends), so an
// insertion sort orders them; everything after is linear.
func (s *Scorer) accumulate(sc *topicScratch) {
	topicSortHits(sc.hits)
	span := min(sc.maxSpan, 256)
	negs := sc.negs
	group, groupEnd := int32(0), int32(0)
	for i := range sc.hits {
		h := &sc.hits[i]
		// Hits whose spans overlap form a group (see pair); hits that
		// end up counting for nothing still join groups.
		if i == 0 || h.field != sc.hits[i-1].field || h.start >= groupEnd {
			group, groupEnd = group+1, h.end
		}
		key := topicParaKey(h.field, h.para)
		h.para, groupEnd = group, max(groupEnd, h.end) // para holds the group from here on
		if h.words == 1 && topicClaimed(sc.hits, i, span) || s.inCompanyName(sc, h) {
			h.c = 0
			continue
		}
		// Negatives and hits both run by field and paragraph: take in the
		// negatives up to this hit's paragraph, wherever in it they stand.
		for len(negs) > 0 && negs[0].key <= key {
			for _, t := range s.negSets[negs[0].set] {
				sc.negAt[t] = negs[0].key + 1
			}
			negs = negs[1:]
		}
		if sc.negAt[h.topic] == key+1 {
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
	// Keep the hits that count (the last kept hit of each concept is among
	// them, which is what release clears) and give each group its mass.
	kept, pairs, group := sc.hits[:0], sc.pairs[:0], int32(0)
	for i := range sc.hits {
		h := sc.hits[i]
		if h.c == 0 {
			continue
		}
		if len(kept) > 0 && h.para != group { // a new group
			s.credit(sc, pairs)
			pairs = pairs[:0]
		}
		group = h.para
		r := sc.repeats[h.phrase]
		h.c *= s.repeatScale[r] // × topicRepeatDecay^repeats, exactly
		if r < 255 {
			sc.repeats[h.phrase]++
		}
		m := topicMass(h.c)
		sc.own[h.topic] += m
		pairs = s.pair(pairs, h.topic, m)
		kept = append(kept, h)
	}
	s.credit(sc, pairs)
	sc.hits, sc.pairs = kept, pairs
	s.aggregate(sc)
}

// topicSortHits orders hits by field, start, end and phrase (a total
// order: one phrase is found once per span).
func topicSortHits(hits []topicHit) {
	less := func(a, b *topicHit) bool {
		if a.field != b.field {
			return a.field < b.field
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end < b.end
		}
		return a.phrase < b.phrase
	}
	for i := 1; i < len(hits); i++ {
		if !less(&hits[i], &hits[i-1]) {
			continue
		}
		h, j := hits[i], i
		for ; j > 0 && less(&h, &hits[j-1]); j-- {
			hits[j] = hits[j-1]
		}
		hits[j] = h
	}
}

// topicClaimed reports whether the one-word hit i lies inside a longer
// phrase of another concept: the longer phrase says which sense the word
// has ("bank" in "central bank", "gold" in "gold medal", "union" in
// "European Union"). hits are sorted by field and start; such a phrase
// starts at most span bytes before the word ends, so the look-back is
// bounded.
func topicClaimed(hits []topicHit, i int, span int32) bool {
	h := &hits[i]
	for j := i - 1; j >= 0 && hits[j].field == h.field && hits[j].start > h.start-256 && hits[j].start >= h.end-span; j-- {
		if o := &hits[j]; o.words > 1 && o.topic != h.topic && o.end >= h.end {
			return true
		}
	}
	for j := i + 1; j < len(hits) && hits[j].field == h.field && hits[j].start == h.start; j++ {
		if o := &hits[j]; o.words > 1 && o.topic != h.topic && o.end >= h.end {
			return true
		}
	}
	return false
}

// aggregate sums evidence up the tree, once credit has given each group of
// overlapping hits its mass. A concept passes at most topicChildCap of mass
// to its parent, so that a broader concept is raised more by several
// different children than by one child's long list of repeats.
func (s *Scorer) aggregate(sc *topicScratch) {
	// Children before parents, level by level from the deepest: the
	// touched list holds every ancestor.
	for d := s.maxDepth; d > 0; d-- {
		for _, t := range sc.touched {
			if s.depth[t] == d {
				sc.agg[s.parent[t]] += min(sc.agg[t], topicChildCap)
			}
		}
	}
}

// topicPair is a concept and the mass one group of hits gives it.
type topicPair struct {
	topic int32
	mass  float64
}

// pair adds a hit of concept t with mass m to the pairs of its group of
// overlapping hits: each hit's mass goes to its concept, but when one hit's
// concept lies below another's, the stronger of the two goes to the lower
// concept only; so the group counts once for any concept above several of
// its hits ("MPs" listed under both "politics and government" and
// "legislative body").
func (s *Scorer) pair(pairs []topicPair, t int32, m float64) []topicPair {
	for k := range pairs {
		switch {
		case pairs[k].topic == t || s.under(pairs[k].topic, t):
			pairs[k].mass = max(pairs[k].mass, m)
			return pairs
		case s.under(t, pairs[k].topic):
			pairs[k].topic, pairs[k].mass = t, max(pairs[k].mass, m)
			return pairs
		}
	}
	return append(pairs, topicPair{t, m})
}

// credit gives a group's pairs their mass, and marks their concepts and
// every ancestor touched.
func (s *Scorer) credit(sc *topicScratch, pairs []topicPair) {
	for _, p := range pairs {
		for t := p.topic; t >= 0 && !sc.seen[t]; t = s.parent[t] {
			sc.seen[t] = true
			sc.touched = append(sc.touched, t)
		}
		sc.agg[p.topic] += p.mass
	}
}
