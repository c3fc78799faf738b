package tag

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/pkg/event"
)

// Salience model. Each mention is worth w = kindWeight · position, where
// position is 1 in the headline and the first paragraph and falls linearly
// to 0.4 at the end of the text; a headline mention is worth more. Mentions
// combine by noisy-OR, salience = 1 − Π(1 − w), so one name in the lead is
// about 0.45, a dateline alone 0.8 and a country named in the headline and
// again in the text above 0.8. The officials' countries add to it.
//
// One rule for every kind of text: the countries list holds every country
// the item mentions, and salience ≥ aboutSalience (about a name in the lead
// plus one more mention, a dateline, a headline) says the story is about
// it; those are the focus. When no country reaches it, the most salient
// ones are the focus.
const (
	aboutSalience = 0.5
	titleBoost    = 1.6
	maxEvidence   = 5
	positionFloor = 0.4
	shareOfTop    = 0.5
)

func kindWeight(k mkind) float64 {
	switch k {
	case mDateline:
		return 0.8
	case mName:
		return 0.45
	case mDemonym:
		return 0.35
	case mCapital, mMetonym:
		return 0.4
	case mRegion:
		return 0.35
	case mCity, mMulti, mOrg, mRole:
		return 0.3
	case mOfficial:
		return 0.2
	case mCurrency, mEvent:
		return 0.1
	}
	return 0.15
}

type tally struct {
	country  int32
	mentions int
	miss     float64 // Π(1 − w) over the text's mentions
	headMiss float64 // Π(1 − w) over the headline's and the dateline's
	sum      float64 // Σ w over the text's mentions
	first    int32   // byte offset of the first text mention
	ev       [maxEvidence]int32
	nev      int
}

// tallies is the countries stage's per-country sums: list in order of
// first resolution, idx from country to its place in list (-1 for none,
// restored after each item).
type tallies struct {
	list []tally
	idx  []int32
}

// tagCountries resolves, tallies and ranks the item's countries.
func (t *Tagger) tagCountries(tl *tallies, ev *storyEvidence, oc *occurrences, lx *lexicon) []event.Country {
	tl.list = tl.list[:0]
	if cap(tl.idx) < len(t.countries) {
		tl.idx = make([]int32, len(t.countries))
		for i := range tl.idx {
			tl.idx[i] = -1
		}
	}
	idx := tl.idx[:len(t.countries)]
	textLen := max(len(lx.in.Text), 1)
	t.resolve(ev, oc, lx, func(oi int, c cand) {
		o := &oc.occs[oi]
		k := idx[c.country]
		if k < 0 {
			k = int32(len(tl.list))
			idx[c.country] = k
			tl.list = append(tl.list, tally{country: c.country, miss: 1, headMiss: 1, first: math.MaxInt32})
		}
		tl := &tl.list[k]
		w := kindWeight(c.kind)
		if o.kind == mDateline {
			w = kindWeight(mDateline)
		}
		switch {
		case o.field == fieldTitle:
			w = min(w*titleBoost, 0.9)
		case o.kind != mDateline:
			if lead := o.tok >= 0 && lx.text[o.tok].Is(tokens.Para) && o.start < 400; !lead {
				w *= 1 - (1-positionFloor)*float64(o.start)/float64(textLen)
			}
			tl.first = min(tl.first, o.start)
		}
		if o.field == fieldTitle || o.kind == mDateline {
			tl.headMiss *= 1 - w
		} else {
			tl.miss *= 1 - w
			tl.sum += w
		}
		if c.kind != mOfficial {
			tl.mentions++
		}
		if tl.nev < maxEvidence && c.kind != mOfficial && (tl.nev == 0 || tl.ev[tl.nev-1] != int32(oi)) {
			tl.ev[tl.nev] = int32(oi)
			tl.nev++
		}
	})
	out := t.rankCountries(tl, oc, lx)
	for _, tl := range tl.list {
		idx[tl.country] = -1
	}
	return out
}

func (t *Tagger) rankCountries(tl *tallies, oc *occurrences, lx *lexicon) []event.Country {
	out := make([]event.Country, 0, len(tl.list))
	focusAny := false
	top, nev := 0.0, 0
	for _, tl := range tl.list {
		top = max(top, tl.sum)
		if tl.mentions > 0 {
			nev += tl.nev
		}
	}
	// One array holds every country's evidence, each country a capped
	// slice of it: one allocation an item instead of one a country.
	evs := make([]event.Evidence, 0, nev)
	for _, tl := range tl.list {
		if tl.mentions == 0 {
			continue
		}
		// The text's share: a country mentioned far less than the item's
		// main one is not what the story is about, however often it recurs.
		share := 1.0
		if top > 0 {
			share = min(1, tl.sum/(shareOfTop*top))
		}
		sal := 1 - tl.headMiss*(1-(1-tl.miss)*share)
		sal = math.Round(sal*1000) / 1000
		c := &t.countries[tl.country]
		ec := event.Country{Code: c.Code, Code3: c.Code3, Name: c.Name, Mentions: tl.mentions, Salience: sal,
			Focus: sal >= aboutSalience}
		focusAny = focusAny || ec.Focus
		from := len(evs)
		for _, oi := range tl.ev[:tl.nev] {
			o := &oc.occs[oi]
			_, src := lx.toks(o.field)
			evs = append(evs, event.Evidence{Field: fieldName(o.field), Text: src[o.start:o.end], Start: int(o.start), End: int(o.end)})
		}
		ec.Evidence = evs[from:len(evs):len(evs)]
		slices.SortFunc(ec.Evidence, func(a, b event.Evidence) int {
			return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Start, b.Start))
		})
		out = append(out, ec)
	}
	slices.SortFunc(out, func(a, b event.Country) int {
		return cmp.Or(cmp.Compare(b.Salience, a.Salience), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Code, b.Code))
	})
	if !focusAny && len(out) > 0 {
		for i := range out {
			if out[i].Salience >= out[0].Salience-0.05 {
				out[i].Focus = true
			}
		}
	}
	return out
}

// officialOccs lets the officials' countries add to salience (never create a
// country on their own: a story quoting a foreign minister is not always
// about his country).
func (t *Tagger) officialOccs(oc *occurrences, offs []event.Official) {
	for _, o := range offs {
		ci, ok := t.countryIdx[o.Country]
		if !ok || len(o.Evidence) == 0 {
			continue
		}
		ev := o.Evidence[0]
		field := fieldText
		if ev.Field == "title" {
			field = fieldTitle
		}
		from := int32(len(oc.cands))
		oc.cands = append(oc.cands, cand{country: ci, kind: mOfficial, sub: -1})
		oc.occs = append(oc.occs, occurrence{field: field, kind: mOfficial, start: int32(ev.Start), end: int32(ev.End),
			tok: -1, node: -1, candFrom: from, candTo: from + 1})
	}
}
