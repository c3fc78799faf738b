package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/pkg/event"
)

// datelineScratch is the places stage's room for reading the dateline
// apart from the text: its tokens and the dictionary's matches in them.
type datelineScratch struct {
	toks    []tokens.Token
	matches []match
}

// datelineOcc adds the dateline's country as an occurrence. The place is
// read as "CITY" or "CITY, QUALIFIER": a qualifier that is a state,
// province or country decides ("LONDON, Ontario" is Canada, "SANTA CRUZ,
// Calif." the United States); otherwise the city must name exactly one
// country, which in a dateline it usually does even when the name is
// ambiguous in running text ("NICE" heads a story from Nice).
func (t *Tagger) datelineOcc(oc *occurrences, dl *datelineScratch, lx *lexicon) {
	d := lx.in.Dateline
	if d == nil || d.Place == "" {
		return
	}
	start, end := placeSpan(lx.in.Text, d)
	toks := tokens.Tokenize(dl.toks[:0], d.Place)
	dl.toks = toks
	comma := len(toks)
	for i, tk := range toks {
		if d.Place[tk.Start:tk.End] == "," {
			comma = i
			break
		}
	}
	from := int32(len(oc.cands))
	if comma < len(toks) {
		// The qualifier reads in the light of the city: "TBILISI,
		// Georgia" is the country, "ATHENS, Georgia" the state.
		var buf [8]int32
		city := t.datelineCountries(dl, toks[:comma], buf[:0])
		t.datelinePart(oc, dl, toks[comma+1:], true, city)
		if last := toks[len(toks)-1]; int32(len(oc.cands)) == from && last.Is(tokens.Word) {
			// "BIRMINGHAM, Ala" and "SANTA FE SPRINGS, CALIF": the
			// abbreviation's full stop was lost.
			dot := tokens.Token{Start: last.End, End: last.End, Key: tokens.KeyOf(".")}
			dl.toks = append(toks, dot)
			t.datelinePart(oc, dl, dl.toks[comma+1:], true, city)
		}
	}
	if int32(len(oc.cands)) == from {
		t.datelinePart(oc, dl, toks[:comma], false, nil)
	}
	if int32(len(oc.cands)) == from {
		return
	}
	// Every candidate of the dateline is settled here: one country, or the
	// members of one multi-country place.
	cs := oc.cands[from:]
	for i := range cs {
		cs[i].ambiguous = false
		cs[i].opt = 0
	}
	oc.occs = append(oc.occs, occurrence{field: fieldText, kind: mDateline, start: int32(start), end: int32(end),
		tok: -1, node: -1, candFrom: from, candTo: int32(len(oc.cands))})
}

// datelineCountries returns every country a whole-span match over toks may
// be in, appended to buf.
func (t *Tagger) datelineCountries(dl *datelineScratch, toks []tokens.Token, buf []int32) []int32 {
	ms := t.d.scan(dl.matches[:0], toks, fieldText, true)
	dl.matches = ms
	if len(ms) != 1 || ms[0].i != 0 || int(ms[0].j) != len(toks) {
		return buf
	}
	for k, s := range t.d.nodes[ms[0].node].senses {
		if ms[0].mask&(1<<k) == 0 || len(buf) == cap(buf) {
			continue
		}
		switch s.kind {
		case sCountry:
			buf = append(buf, s.ref)
		case sPlace:
			if p := &t.places[s.ref]; len(p.countries) == 1 {
				buf = append(buf, p.countries[0])
			}
		}
	}
	return buf
}

// datelinePart adds the candidates of a whole-span match over toks; a
// qualifier may only be a state, region or country, and one in a country
// the city may be in (within) is preferred.
func (t *Tagger) datelinePart(oc *occurrences, dl *datelineScratch, toks []tokens.Token, qualifier bool, within []int32) {
	if len(toks) == 0 {
		return
	}
	ms := t.d.scan(dl.matches[:0], toks, fieldText, true)
	dl.matches = ms
	if len(ms) != 1 || ms[0].i != 0 || int(ms[0].j) != len(toks) {
		return
	}
	m := ms[0]
	type opt struct {
		countries []int32
		amb       bool
		capital   bool
		sub       int16
		kind      mkind // what the dateline names: a country, a capital, a town
	}
	var opts []opt
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) == 0 {
			continue
		}
		switch s.kind {
		case sCountry:
			opts = append(opts, opt{countries: []int32{s.ref}, amb: s.ambiguous, sub: -1, kind: mName})
		case sPlace:
			p := &t.places[s.ref]
			if qualifier && p.kind != "state" && p.kind != "region" {
				continue
			}
			if !qualifier && (p.kind == "metonym" || p.kind == "landmark") {
				continue
			}
			opts = append(opts, opt{countries: p.countries, amb: s.ambiguous || (len(p.countries) > 1 && p.kind != "multi"), capital: p.kind == "capital", sub: p.sub, kind: placeKind(p.kind)})
		}
	}
	if len(within) > 0 {
		kept := opts[:0]
		for _, o := range opts {
			if intersects(o.countries, within) {
				kept = append(kept, o)
			}
		}
		if len(kept) > 0 {
			opts = kept
		}
	}
	// Prefer the unambiguous reading, then a capital.
	pick := -1
	for pass := 0; pass < 3 && pick < 0; pass++ {
		n := 0
		for i, o := range opts {
			ok := pass == 0 && !o.amb || pass == 1 && o.capital || pass == 2
			if ok {
				if n == 0 || !sameCountries(opts[pick].countries, o.countries) {
					n++
				}
				pick = i
			}
		}
		if n != 1 {
			pick = -1
		}
	}
	if pick < 0 {
		return
	}
	for _, c := range opts[pick].countries {
		oc.cands = append(oc.cands, cand{country: c, kind: opts[pick].kind, sub: opts[pick].sub})
	}
}

func intersects(a, b []int32) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func sameCountries(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// placeSpan finds the place inside the dateline's span of the text, for
// evidence; it falls back to the whole dateline.
func placeSpan(text string, d *event.Dateline) (int, int) {
	s, e := d.Start, d.End
	if s < 0 || e > len(text) || s > e {
		return 0, 0
	}
	if k := strings.Index(text[s:e], d.Place); k >= 0 {
		return s + k, s + k + len(d.Place)
	}
	return s, e
}
