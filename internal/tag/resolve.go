package tag

import "github.com/newsworker/newsworker/internal/tag/tokens"

// resolve settles every occurrence to the countries it counts for, and
// returns them as (occurrence, country) pairs through fn. A name with
// options in several places ("Paris": France's capital or a town in Texas;
// "Georgia": the country or the state) is read as CLAVIN and Mordecai read
// it, from the rest of the story, by the first of these rules that applies:
//
//  1. a settled place in one option's state ("Athens" with "Atlanta" or
//     "Ga." elsewhere in the text is Athens, Georgia);
//  2. another name of the story that may be in the same state and is no
//     namesake itself ("Athens" and "Georgia" together; "Amsterdam" and
//     "Rotterdam" do not make each other towns of New York), or for a
//     country's name another of its names or demonyms ("Georgia" and
//     "Georgian");
//  3. the country the story is set in (evidence.go: the one country of its
//     settled towns, states and counties), or a settled mention of one
//     option's country; a smaller namesake of a famous place (flagged) and
//     a small town (minor) need the former, so "Obama flew to Paris" stays
//     French and "Moore Corp" in a Toronto story is no US town, while a
//     country's own name ("Jamaica") is the country unless the story is
//     set where a town of that name is;
//  4. without any of these the famous place, the one option not flagged
//     (GeoNames' biggest), when the text itself reads as a place;
//  5. a name whose every option is in one country counts when its own
//     context says place ("in Jordan", "Iraq, Jordan and Syria"), and a
//     small town of one country when the story names no known place at all.
//
// A town that is an ordinary word ("Central", "Union") takes part only in
// rule 5. A rule that finds two countries ends the search. Unresolved
// ambiguity yields no tag: precision over recall.
func (t *Tagger) resolve(ev *storyEvidence, oc *occurrences, lx *lexicon, fn func(oi int, c cand)) {
	var e *storyEvidence // gathered when the first ambiguous name needs it
	for oi := range oc.occs {
		o := &oc.occs[oi]
		cs := oc.cands[o.candFrom:o.candTo]
		chosen := cs[0].opt
		if !definite(cs) {
			if e == nil {
				e = t.gather(ev, oc)
			}
			chosen = t.choose(oc, lx, e, o, cs)
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
func (t *Tagger) choose(oc *occurrences, lx *lexicon, e *storyEvidence, o *occurrence, cs []cand) int16 {
	// A country's own name ("Jamaica") is the country, not a town named
	// like it, unless the story is set in the town's country.
	famous, name, flaggedName, local := false, int16(-1), int16(-1), false
	for _, c := range cs {
		switch {
		case (c.kind == mName || c.kind == mDemonym) && !c.flagged && !c.weak:
			name = c.opt
		case c.kind == mName && !c.weak:
			flaggedName = c.opt
		case c.country == e.frame:
			local = true
		}
		famous = famous || !c.flagged && !c.minor && c.kind != mCounty
	}
	if name >= 0 && !local {
		return name
	}
	// A country's ambiguous name listed with other countries' names is the
	// country ("the border with Georgia and Armenia"), unless the story is
	// set where its namesake is.
	if flaggedName >= 0 && !local && t.nearCountryName(oc, o) {
		return flaggedName
	}
	for rule := 0; rule < 4; rule++ {
		chosen, country, n := int16(-1), int32(-1), 0
		for k := 0; k < len(cs); {
			g := optGroup(cs, k)
			k += len(g)
			c := g[0]
			ok := false
			if c.word {
				continue // "Central Bank" is no town, whatever the story
			}
			switch rule {
			case 0:
				ok = c.sub >= 0 && e.subSure[c.sub]
			case 1:
				ok = c.sub >= 0 && !c.weak && e.subShared(c.sub, o.node) ||
					(c.kind == mName || c.kind == mDemonym) && e.nameShared(c.country, o.node)
			case 2:
				// A country's own name or demonym is read from the
				// country's other mentions ("Georgia" with Tbilisi); a
				// namesake town needs the story to be set there.
				namesake := c.flagged && famous && c.kind != mName && c.kind != mDemonym
				ok = c.country == e.frame || allSure(g, e.sure) && !c.minor && !namesake
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
	if oneCountry(cs) && cs[0].kind != mCounty && t.placeContext(oc, lx, o) {
		return cs[0].opt
	}
	// A small town of one country only, in a story that names no country
	// at all, is where the story is ("Fire in Ozark"), unless it reads as
	// a person.
	if !e.anyKnown && oneCountry(cs) && smallTown(cs) && !t.personLike(lx, o) {
		return cs[0].opt
	}
	return -1
}

// smallTown: every option is a small town, none a namesake or a word, none
// read weakly.
func smallTown(cs []cand) bool {
	for _, c := range cs {
		if !c.minor || c.flagged || c.weak {
			return false
		}
	}
	return true
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
func (t *Tagger) placeContext(oc *occurrences, lx *lexicon, o *occurrence) bool {
	if o.tok <= 0 || t.personLike(lx, o) {
		return false
	}
	toks, _ := lx.toks(o.field)
	if prev := toks[o.tok-1]; prev.Is(tokens.Word) && prev.Is(tokens.Lower) && t.hasCue(prev, cLocative) {
		return true
	}
	return t.nearCountry(oc, o)
}

// personLike: the words around the name make it part of a name or a
// speaker ("Chad Smith", "Georgia Pacific", "Jordan said", "Michael
// Jordan"), or the field is in capitals, where nothing can be read.
func (t *Tagger) personLike(lx *lexicon, o *occurrence) bool {
	if lx.caps(o.field) || o.tok < 0 {
		return true
	}
	toks, _ := lx.toks(o.field)
	i := int(o.tok)
	j := i
	for j < len(toks) && toks[j].End <= o.end {
		j++
	}
	if j < len(toks) {
		next := toks[j]
		// "Athens City Council" is the town's council, "Chad Smith" a man.
		if next.Is(tokens.Word) && next.Is(tokens.Cap) && !next.Is(tokens.Sentence) && !t.hasCue(next, cNotName) || t.hasCue(next, cSpeech) {
			return true
		}
	}
	if i > 0 {
		prev := toks[i-1]
		return prev.Is(tokens.Word) && prev.Is(tokens.Cap) && !toks[i].Is(tokens.Sentence) && !t.hasCue(prev, cNotName)
	}
	return false
}

// nearCountry: a list of places ("Iraq, Jordan and Syria") within three
// tokens either side.
func (t *Tagger) nearCountry(oc *occurrences, o *occurrence) bool {
	for k := range oc.occs {
		p := &oc.occs[k]
		if p == o || p.field != o.field || !definite(oc.cands[p.candFrom:p.candTo]) {
			continue
		}
		if d := p.tok - o.tok; d >= -3 && d <= 3 {
			return true
		}
	}
	return false
}
