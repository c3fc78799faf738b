package tag

// resolve settles every occurrence to the countries it counts for, and
// returns them as (occurrence, country) pairs through fn. An occurrence
// that is one ambiguous word, with nothing else in the item for the same
// country, counts only when its own context says it is a place; alternatives
// ("Georgia": the country or the state) count only when the rest of the item
// picks one. Unresolved ambiguity yields no tag: precision over recall.
func (t *Tagger) resolve(st *state, fn func(oi int, c cand)) {
	sure := st.sureSet(len(t.countries))
	for oi := range st.occs {
		o := &st.occs[oi]
		cs := st.cands[o.candFrom:o.candTo]
		if definite(cs) {
			for _, c := range cs {
				if c.opt == cs[0].opt {
					fn(oi, c)
				}
			}
			continue
		}
		chosen, n := int16(-1), 0
		for _, c := range cs {
			if c.opt != chosen && optSure(cs, c.opt, sure) {
				chosen = c.opt
				n++
			}
		}
		if n != 1 && optCount(cs) == 1 && t.placeContext(st, o) {
			chosen, n = cs[0].opt, 1
		}
		if n != 1 {
			continue
		}
		for _, c := range cs {
			if c.opt == chosen {
				fn(oi, c)
			}
		}
	}
}

// sureSet marks the countries that have an unambiguous mention.
func (st *state) sureSet(n int) []bool {
	if cap(st.sure) < n {
		st.sure = make([]bool, n)
	}
	sure := st.sure[:n]
	clear(sure)
	for _, o := range st.occs {
		cs := st.cands[o.candFrom:o.candTo]
		if definite(cs) {
			for _, c := range cs {
				if c.opt == cs[0].opt {
					sure[c.country] = true
				}
			}
		}
	}
	return sure
}

// definite: one option (or options that all name the same countries, as
// "Washington" the capital and the state do) and nothing ambiguous.
func definite(cs []cand) bool {
	for _, c := range cs {
		if c.ambiguous {
			return false
		}
	}
	if optCount(cs) == 1 {
		return true
	}
	// Same single country under several senses.
	for _, c := range cs {
		if c.country != cs[0].country {
			return false
		}
	}
	return true
}

func optCount(cs []cand) int {
	n, last := 0, int16(-1)
	for _, c := range cs {
		if c.opt != last {
			n++
			last = c.opt
		}
	}
	return n
}

func optSure(cs []cand, opt int16, sure []bool) bool {
	for _, c := range cs {
		if c.opt == opt && !sure[c.country] {
			return false
		}
	}
	return true
}

// placeContext reads the words around an ambiguous name in mixed-case text:
// "in Jordan", "Iraq, Jordan and Syria" say place; "Jordan said", "Michael
// Jordan", "Chad Smith" say person. In capitals nothing can be read.
func (t *Tagger) placeContext(st *state, o *occurrence) bool {
	if st.caps(o.field) {
		return false
	}
	toks, _ := st.toks(o.field)
	i := int(o.tok)
	j := i
	for j < len(toks) && toks[j].end <= o.end {
		j++
	}
	if j < len(toks) {
		next := toks[j]
		if next.is(tWord) && next.is(tCap) && !next.is(tSentence) {
			return false // "Chad Smith", "Georgia Pacific"
		}
		if t.hasCue(next, cSpeech) {
			return false // "Jordan said"
		}
	}
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.is(tWord) && prev.is(tCap) && !toks[i].is(tSentence) && !t.hasCue(prev, cNotName) {
		return false // "Michael Jordan"
	}
	if prev.is(tWord) && prev.is(tLower) && t.hasCue(prev, cLocative) {
		return true
	}
	return t.nearCountry(st, o)
}

// nearCountry: a list of places ("Iraq, Jordan and Syria") within three
// tokens either side.
func (t *Tagger) nearCountry(st *state, o *occurrence) bool {
	for k := range st.occs {
		p := &st.occs[k]
		if p == o || p.field != o.field || !definite(st.cands[p.candFrom:p.candTo]) {
			continue
		}
		if d := p.tok - o.tok; d >= -3 && d <= 3 {
			return true
		}
	}
	return false
}
