package topics

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsworker/newsworker/pkg/event"
)

// emit picks the concepts to report, from branches whose top-level concept
// scores at least topicBranchMin: a leaf concept with a score of at
// least topicMinScore; a concept with narrower ones only when its own
// evidence is stronger (topicInnerMin), or at least two of its children
// score topicChildMin. A consumer wants the most specific concepts, and a
// broader one only when the item is about it as such or spans several of
// its branches; such an intermediate concept is ranked no higher than its
// strongest child (top-level concepts keep their breadth score). At most
// topicMaxResults, strongest first.
func (s *Scorer) emit(sc *topicScratch, title, text string) []event.Topic {
	for _, t := range sc.touched {
		if p := s.parent[t]; p >= 0 {
			if topicScore(sc.agg[t]) >= topicChildMin {
				sc.firing[p]++
			}
			sc.kid[p] = max(sc.kid[p], sc.agg[t])
		}
	}
	ranked := sc.ranked[:0]
	for _, t := range sc.touched {
		ownMin := topicMinScore
		if s.inner[t] {
			ownMin = topicInnerMin
		}
		corroborated := topicScore(sc.agg[s.root[t]]) >= topicBranchMin
		if corroborated && topicScore(sc.agg[t]) >= topicMinScore && (topicScore(sc.own[t]) >= ownMin || sc.firing[t] >= 2) {
			m := sc.agg[t]
			if s.inner[t] && s.parent[t] >= 0 && topicScore(sc.own[t]) < topicInnerMin {
				m = min(m, sc.kid[t]) // there for its children: rank it no higher
			}
			ranked = append(ranked, topicCand{t, math.Round(topicScore(m)*1000) / 1000})
		}
	}
	ranked = s.blend(sc, ranked)
	if len(ranked) == 0 {
		// An item whose text supports some concept gets it, even when
		// no concept reaches topicMinScore: the one with the most
		// evidence of its own stands alone, with its own low score.
		if t := s.mostEvidence(sc); t >= 0 {
			ranked = append(ranked, topicCand{t, math.Round(topicScore(sc.agg[t])*1000) / 1000})
		}
	}
	sc.ranked = ranked
	if len(ranked) == 0 || ranked[0].score == 0 {
		return []event.Topic{}
	}
	slices.SortFunc(ranked, func(a, b topicCand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(s.codeRank[a.topic], s.codeRank[b.topic]) // by code
	})
	ranked = ranked[:min(len(ranked), topicMaxResults)]
	for _, c := range ranked {
		sc.cands = append(sc.cands, c.topic)
	}
	s.strongest(sc)
	out := make([]event.Topic, len(sc.cands))
	ev := make([]event.Evidence, 0, len(sc.cands)*topicMaxEvidence)
	for i, t := range sc.cands {
		from := len(ev)
		for _, h := range sc.best[i*topicMaxEvidence : (i+1)*topicMaxEvidence] {
			if h.hit < 0 {
				break
			}
			hit := sc.hits[h.hit]
			field, src := "title", title
			if hit.field == 1 {
				field, src = "text", text
			}
			ev = append(ev, event.Evidence{Field: field, Text: src[hit.start:hit.end], Start: int(hit.start), End: int(hit.end)})
		}
		if len(ev) == from && t == sc.model.added {
			ev = s.appendModelEvidence(ev, sc, t, title, text)
		}
		got := ev[from:len(ev):len(ev)]
		slices.SortFunc(got, func(a, b event.Evidence) int {
			if c := cmp.Compare(a.Field, b.Field); c != 0 {
				return c
			}
			return cmp.Compare(a.Start, b.Start)
		})
		// Hits of different concepts can cover the same span (a child's
		// phrase and the concept's own); quote each span once.
		got = slices.CompactFunc(got, func(a, b event.Evidence) bool {
			return a.Field == b.Field && a.Start == b.Start && a.End == b.End
		})
		out[i] = event.Topic{Code: s.codes[t], Label: s.labels[t], Score: ranked[i].score, Evidence: got}
	}
	for _, t := range sc.cands {
		sc.slot[t] = 0
	}
	return out
}

// topicCand is a concept to emit and its score.
type topicCand struct {
	topic int32
	score float64
}

// topicRanked is a hit and how much it did for a concept.
type topicRanked struct {
	hit  int
	rank float64
}

// strongest finds, in one pass over the hits, the topicMaxEvidence hits
// that did most for each emitted concept: its own first, then its
// descendants'. sc.best holds them, topicMaxEvidence per concept in the
// order of sc.cands, -1 where there are fewer.
func (s *Scorer) strongest(sc *topicScratch) {
	sc.best = sc.best[:0]
	for i, t := range sc.cands {
		sc.slot[t] = int16(i + 1)
		for range topicMaxEvidence {
			sc.best = append(sc.best, topicRanked{hit: -1})
		}
	}
	for i := range sc.hits {
		h := &sc.hits[i]
		// Its own concept first; any emitted concept above it ranks a
		// descendant's evidence after its own.
		r := h.c
		for t := s.nearestCand(sc, h.topic); t >= 0; t = s.nearestCand(sc, s.parent[t]) {
			if t != h.topic {
				r = h.c - 1
			}
			k := int(sc.slot[t]) - 1
			if best := sc.best[k*topicMaxEvidence : (k+1)*topicMaxEvidence]; best[topicMaxEvidence-1].hit < 0 || r > best[topicMaxEvidence-1].rank {
				topicKeep(best, topicRanked{i, r})
			}
		}
	}
}

// nearestCand returns t or its nearest ancestor that is emitted, -1 for
// none, remembered per concept in sc.nearest (0 unknown, 1 none, 2+c).
func (s *Scorer) nearestCand(sc *topicScratch, t int32) int32 {
	if t >= 0 && sc.nearest[t] != 0 {
		return sc.nearest[t] - 2
	}
	return s.findNearestCand(sc, t)
}

// findNearestCand is nearestCand the first time for t: it walks up to an
// emitted concept, a concept already answered or the top, and remembers
// the answer along the way.
func (s *Scorer) findNearestCand(sc *topicScratch, t int32) int32 {
	if t < 0 {
		return -1
	}
	c, stop := int32(-1), int32(-1)
	for u := t; u >= 0; u = s.parent[u] {
		if m := sc.nearest[u]; m != 0 {
			c, stop = m-2, u
			break
		}
		if sc.slot[u] != 0 {
			c, stop = u, s.parent[u] // u answers itself
			break
		}
	}
	for u := t; u != stop; u = s.parent[u] {
		sc.nearest[u] = c + 2
	}
	return c
}

// topicKeep inserts x into best, kept in descending rank, if it is among the
// strongest.
func topicKeep(best []topicRanked, x topicRanked) {
	for k := range best {
		if best[k].hit < 0 || x.rank > best[k].rank {
			copy(best[k+1:], best[k:len(best)-1])
			best[k] = x
			return
		}
	}
}

// under reports whether concept a lies below concept t.
func (s *Scorer) under(a, t int32) bool {
	for a = s.parent[a]; a >= 0; a = s.parent[a] {
		if a == t {
			return true
		}
	}
	return false
}

// topicMass turns a hit's contribution c into evidence mass −ln(1 − c), so
// that masses add where probabilities would combine by noisy-OR.
func topicMass(c float64) float64 { return -math.Log1p(-min(c, topicMaxHit)) }

// topicScore maps evidence mass to a score: m/(m + ln 2) meets the
// noisy-OR 1 − e^−m at 0.5 and stays close below it, and grows
// hyperbolically above it, so that items with much evidence for several
// concepts still rank them apart.
func topicScore(m float64) float64 { return m / (m + math.Ln2) }

// mostEvidence returns the concept with the most evidence of its own (the
// first by code on a tie), or -1 when no concept has any.
func (s *Scorer) mostEvidence(sc *topicScratch) int32 {
	best := int32(-1)
	for _, t := range sc.touched {
		if sc.own[t] <= 0 {
			continue
		}
		if best < 0 || sc.own[t] > sc.own[best] || sc.own[t] == sc.own[best] && s.codeRank[t] < s.codeRank[best] {
			best = t
		}
	}
	return best
}
