package tag

import (
	"slices"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// collect turns matches into occurrences; nothing is decided yet except
// what the grammar of the phrase itself rules out.
func (t *Tagger) collect(oc *occurrences, lx *lexicon) {
	oc.cands = slices.Grow(oc.cands, 2*len(lx.matches)) // see lex: no step-by-step growth
	for mi, m := range lx.matches {
		toks, src := lx.toks(m.field)
		if m.field == fieldText && lx.inDateline(toks[m.i]) {
			continue
		}
		senses := t.d.nodes[m.node].senses
		from := int32(len(oc.cands))
		opt := int16(0)
		blocked := false
		for k, s := range senses {
			if m.mask&(1<<k) == 0 {
				continue
			}
			switch s.kind {
			case sBlock:
				blocked = true
			case sCountry, sDemonym:
				if t.namesNoCountry(lx, m, s.kind) {
					continue // "Credit Suisse", "Italian restaurant" (usage.go)
				}
				kind := mName
				if s.kind == sDemonym {
					kind = mDemonym
				}
				kind = t.passing(toks, int(m.j), kind) // "U.S. dlrs": money, not place (usage.go)
				oc.cands = append(oc.cands, cand{country: s.ref, opt: opt, sub: -1, ambiguous: s.ambiguous, flagged: s.ambiguous, kind: kind})
				opt++
			case sPlace:
				if s.abbrev && !afterComma(toks, src, int(m.i)) {
					continue
				}
				p := &t.places[s.ref]
				kind := placeKind(p.kind)
				if kind != mMetonym && kind != mMulti && t.inLongerName(lx, m) && (p.kind != "state" || t.afterName(lx, m)) {
					// "Paris Club", "Manufacturers Hanover", "Minsk Accords";
					// a state's institutions still name it ("Minnesota
					// Highway Patrol", "Georgia Bureau of Investigation").
					continue
				}
				// A capital at the start of a sentence says nothing, nor do
				// capitals in an ALL-CAPS headline: "Sale", "SAY", "Split".
				if t.notThisPlace(lx, m, p) {
					continue // "Madison County", "R-London", "Hospital-Siena" (placenames.go)
				}
				// A possessive says name, not word: "Georgia's governor".
				weak := kind != mMulti && kind != mCapital && kind != mMetonym &&
					(lx.caps(m.field) || m.j-m.i == 1 && toks[m.i].Is(tokens.Sentence) && !t.commaAfter(toks, src, int(m.j)) &&
						!possessiveAfter(toks, src, int(m.j)))
				kind = t.passing(toks, int(m.j), kind)
				for _, c := range p.countries {
					oc.cands = append(oc.cands, cand{country: c, opt: opt, sub: p.sub, ambiguous: s.ambiguous || weak || s.minor,
						flagged: s.ambiguous, weak: weak, minor: s.minor, word: s.word, kind: kind})
					if kind != mMulti {
						opt++
					}
				}
				if kind == mMulti {
					opt++
				}
			case sOrg:
				o := &t.orgs[s.ref]
				if o.country >= 0 && countryOrg(o.kind) {
					oc.cands = append(oc.cands, cand{country: o.country, opt: opt, sub: -1, kind: mOrg})
					opt++
				}
			case sRole:
				if ci, ok := t.countryIdx[t.roles[s.ref].Country]; ok {
					oc.cands = append(oc.cands, cand{country: ci, opt: opt, sub: -1, kind: mRole})
					opt++
				}
			case sPerson:
				// A full name is a person, whatever else it might spell.
				blocked = true
			}
		}
		if blocked || int32(len(oc.cands)) == from {
			oc.cands = oc.cands[:from]
			continue
		}
		o := occurrence{field: m.field, kind: mName, start: toks[m.i].Start, end: toks[m.j-1].End, tok: m.i, node: m.node,
			candFrom: from, candTo: int32(len(oc.cands))}
		t.qualify(oc, lx, mi, &o)
		if o.candFrom < o.candTo {
			oc.occs = append(oc.occs, o)
		}
	}
	t.countyOccs(oc, lx)
}

// qualify applies a following qualifier ("Moscow, Idaho", "Nice, France",
// "London, Ontario"): when the next match names a state or country, the
// place counts only for an option of that country, or not at all.
func (t *Tagger) qualify(oc *occurrences, lx *lexicon, mi int, o *occurrence) {
	if mi+1 >= len(lx.matches) {
		return
	}
	m, next := lx.matches[mi], lx.matches[mi+1]
	toks, src := lx.toks(m.field)
	if next.field != m.field || next.i != m.j+1 || src[toks[m.j].Start:toks[m.j].End] != "," {
		return
	}
	// Only a place is qualified ("Iraq, Jordan" is a list), and only by a
	// name that cannot itself be a city ("Moscow, Washington and Beijing"
	// is a list too).
	isPlace := false
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) != 0 && s.kind == sPlace {
			isPlace = true
		}
	}
	if !isPlace {
		return
	}
	type qualifier struct {
		country int32
		sub     int16
	}
	var qual [4]qualifier
	nq := 0
	for k, s := range t.d.nodes[next.node].senses {
		if next.mask&(1<<k) == 0 || nq == len(qual) {
			continue
		}
		switch s.kind {
		case sCountry:
			qual[nq] = qualifier{s.ref, -1}
			nq++
		case sPlace:
			switch p := &t.places[s.ref]; p.kind {
			case "state", "region":
				if len(p.countries) == 1 {
					qual[nq] = qualifier{p.countries[0], p.sub}
					nq++
				}
			case "capital", "city":
				return
			}
		}
	}
	if nq == 0 {
		return
	}
	// "Paris, Texas" keeps the Texan Paris; a place of the right country
	// whose state is unknown takes the qualifier's.
	cs := oc.cands[o.candFrom:o.candTo]
	kept := cs[:0]
	for _, c := range cs {
		if len(kept) > 0 && kept[len(kept)-1].country == c.country {
			continue // one country once
		}
		for _, q := range qual[:nq] {
			if c.country == q.country && (q.sub < 0 || c.sub < 0 || c.sub == q.sub) {
				c.ambiguous, c.flagged, c.weak, c.minor, c.word = false, false, false, false, false
				c.opt = 0
				if c.sub < 0 {
					c.sub = q.sub
				}
				kept = append(kept, c)
				break
			}
		}
	}
	o.candTo = o.candFrom + int32(len(kept))
}

func afterComma(toks []tokens.Token, src string, i int) bool {
	return i >= 2 && src[toks[i-1].Start:toks[i-1].End] == "," && toks[i-2].Is(tokens.Word)
}

func placeKind(k string) mkind {
	switch k {
	case "capital":
		return mCapital
	case "city":
		return mCity
	case "region", "state":
		return mRegion
	case "metonym":
		return mMetonym
	case "multi":
		return mMulti
	}
	return mLandmark
}

// countryOrg says whether an organisation of this kind speaks for its
// country (a central bank, a ministry), unlike a company or a party.
func countryOrg(kind string) bool {
	return kind == "central_bank" || kind == "ministry" || kind == "government"
}

// inLongerName: a place name glued to capitalised words that are not
// places themselves is part of another name ("Paris Club", "First Boston",
// "Credit Suisse", "London Metal Exchange").
func (t *Tagger) inLongerName(lx *lexicon, m match) bool {
	toks, _ := lx.toks(m.field)
	if lx.caps(m.field) {
		return false
	}
	if j := int(m.j); j < len(toks) {
		n := toks[j]
		if n.Is(tokens.Word) && n.Is(tokens.Cap) && !n.Is(tokens.Sentence) && !t.hasCue(n, cNotName|cPrep|cSpeech|cLocal) && !t.placeMatch(lx, lx.at(m.field, j)) {
			return true
		}
	}
	return t.afterName(lx, m)
}

// afterName: the match follows a capitalised word that is no place, title
// or function word ("Credit Suisse", "Manufacturers Hanover").
func (t *Tagger) afterName(lx *lexicon, m match) bool {
	toks, _ := lx.toks(m.field)
	if lx.caps(m.field) {
		return false
	}
	if i := int(m.i); i > 0 && !toks[i].Is(tokens.Sentence) {
		p := toks[i-1]
		if p.Is(tokens.Word) && p.Is(tokens.Cap) && !t.hasCue(p, cNotName|cPrep|cDirection|cHonorific) && !t.placeMatch(lx, lx.ending(m.field, i)) {
			return true
		}
	}
	return false
}

func (t *Tagger) commaAfter(toks []tokens.Token, src string, j int) bool {
	return j < len(toks) && src[toks[j].Start:toks[j].End] == ","
}
