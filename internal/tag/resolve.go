package tag

// resolve settles every occurrence to the countries it counts for, and
// returns them as (occurrence, country) pairs through fn. A name with
// options in several places ("Paris": France's capital or a town in Texas;
// "Georgia": the country or the state) is read as CLAVIN and Mordecai read
// it, from the rest of the story, by the first of these rules that applies:
//
//  1. a settled place in one option's state ("Athens" with "Atlanta" or
//     "Ga." elsewhere in the text is Athens, Georgia);
//  2. another name of the story that may be in the same state ("Athens" and
//     "Georgia" together);
//  3. a settled mention of one option's country; a smaller namesake of a
//     famous place (flagged) and a small town (minor) need more: the story
//     must be set in its country (evidence.go: the only country named, with
//     a town, state, county or dateline in it), so "Obama flew to Paris"
//     stays French and "Moore Corp" in a Toronto story is no US town;
//  4. without any of these the famous place, the one option not flagged
//     (GeoNames' biggest), when the text itself reads as a place;
//  5. a name whose every option is in one country counts when its own
//     context says place ("in Jordan", "Iraq, Jordan and Syria").
//
// A rule that finds two countries ends the search. Unresolved ambiguity
// yields no tag: precision over recall.
func (t *Tagger) resolve(st *state, fn func(oi int, c cand)) {
	e := t.gather(st)
	for oi := range st.occs {
		o := &st.occs[oi]
		cs := st.cands[o.candFrom:o.candTo]
		chosen := cs[0].opt
		if !definite(cs) {
			chosen = t.choose(st, e, o, cs)
		}
		if chosen < 0 {
			continue
		}
		for _, c := range cs {
			if c.opt == chosen {
				fn(oi, c)
			}
		}
	}
}

// choose returns the option an ambiguous occurrence stands for, or -1.
func (t *Tagger) choose(st *state, e *storyEvidence, o *occurrence, cs []cand) int16 {
	famous := false
	for _, c := range cs {
		famous = famous || !c.flagged && !c.minor && c.kind != mCounty
	}
	for rule := 0; rule < 4; rule++ {
		chosen, country, n := int16(-1), int32(-1), 0
		for k := 0; k < len(cs); {
			g := optGroup(cs, k)
			k += len(g)
			c := g[0]
			ok := false
			switch rule {
			case 0:
				ok = c.sub >= 0 && e.subSure[c.sub]
			case 1:
				ok = c.sub >= 0 && !c.weak && e.subShared(c.sub, o.node)
			case 2:
				ok = c.country == e.frame || allSure(g, e.sure) && !c.minor && !(c.flagged && famous)
			case 3:
				ok = famous && !c.flagged && !c.minor && !c.weak
			}
			switch {
			case !ok:
			case n == 0:
				chosen, country, n = c.opt, c.country, 1
			case c.country != country:
				n = 2
			}
		}
		if n == 1 {
			return chosen
		}
		if n > 1 {
			return -1 // the evidence names two countries: say neither
		}
	}
	if oneCountry(cs) && cs[0].kind != mCounty && t.placeContext(st, o) {
		return cs[0].opt
	}
	return -1
}

// optGroup returns the candidates of the option starting at cs[k].
func optGroup(cs []cand, k int) []cand {
	e := k + 1
	for e < len(cs) && cs[e].opt == cs[k].opt {
		e++
	}
	return cs[k:e]
}

func allSure(g []cand, sure []bool) bool {
	for _, c := range g {
		if !sure[c.country] {
			return false
		}
	}
	return true
}

func oneCountry(cs []cand) bool {
	for _, c := range cs {
		if c.country != cs[0].country {
			return false
		}
	}
	return true
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
