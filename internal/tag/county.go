package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// US counties. Every US state but Louisiana and Alaska is divided into
// counties, named "<Name> County"; Louisiana's are parishes, "<Name>
// Parish" (US Census Bureau, county and county-equivalent entities: 3,143 in
// 2010). Local news names them constantly and often names no state or
// country at all, so "Madison County" is read as a US place. Elsewhere the
// word comes first ("County Cork", "County Durham") or the name is a place
// of another country ("Nairobi County", a Chinese county): those are left
// alone, and a county counts only when the story names no other country or
// names the United States too (resolve.go).

// countyOccs adds an occurrence for each "<Name> County" or "<Name> Parish"
// in mixed-case text.
func (t *Tagger) countyOccs(oc *occurrences, lx *lexicon) {
	us := t.usIdx
	if us < 0 {
		return
	}
	for field := fieldTitle; field <= fieldText; field++ {
		if lx.caps(field) {
			continue
		}
		toks, src := lx.toks(field)
		if !strings.Contains(src, "County") && !strings.Contains(src, "Parish") {
			continue // most items: no token loop
		}
		for k := 1; k < len(toks); k++ {
			tk := toks[k]
			if tk.Key != t.kCounty && tk.Key != t.kParish || !tk.Is(tokens.Cap) || !t.countyName(lx, field, toks, k) {
				continue
			}
			from := int32(len(oc.cands))
			oc.cands = append(oc.cands, cand{country: us, sub: -1, ambiguous: true, flagged: true, kind: mCounty})
			oc.occs = append(oc.occs, occurrence{field: field, kind: mCounty, start: toks[k-1].Start, end: tk.End,
				tok: int32(k - 1), node: -1, candFrom: from, candTo: from + 1})
		}
	}
}

// countyName: the word before "County" is a capitalised name that is not a
// function word and not a place of another country only.
func (t *Tagger) countyName(lx *lexicon, field int8, toks []tokens.Token, k int) bool {
	p := toks[k-1]
	if !p.Is(tokens.Word) || !p.Is(tokens.Cap) || p.Is(tokens.Digit) || t.hasCue(p, cNotName) {
		return false
	}
	mi := lx.ending(field, k)
	if mi < 0 {
		return true
	}
	m := lx.matches[mi]
	foreign := false
	for i, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<i) == 0 {
			continue
		}
		switch s.kind {
		case sPlace:
			for _, c := range t.places[s.ref].countries {
				if c == t.usIdx {
					return true
				}
			}
			foreign = true
		case sCountry, sDemonym:
			foreign = foreign || s.ref != t.usIdx
		}
	}
	return !foreign
}

// usCounty: the place at toks[:j] is a US place followed by "County" or
// "Parish", which countyOccs reads as the county instead.
func (t *Tagger) usCounty(toks []tokens.Token, j int, p *placeInfo) bool {
	if j >= len(toks) || toks[j].Key != t.kCounty && toks[j].Key != t.kParish || !toks[j].Is(tokens.Cap) {
		return false
	}
	for _, c := range p.countries {
		if c == t.usIdx {
			return true
		}
	}
	return false
}

// possessiveAfter: the token at j is an apostrophe followed by "s".
func possessiveAfter(toks []tokens.Token, src string, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	w := src[toks[j].Start:toks[j].End]
	return (w == "'" || w == "’") && src[toks[j+1].Start:toks[j+1].End] == "s"
}
