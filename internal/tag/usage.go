package tag

import (
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// Usages (gazetteer kind "usages") say when a country word names no
// country: a demonym before a noun of cuisine, a dog breed, a music style
// or a school subject makes a kind of thing ("Italian restaurant", "French
// class"), unless a noun of trade follows ("Dutch food company"); a
// demonym standing alone after a verb of speaking names a language
// ("speaks French", "in Spanish and English"); a demonym before American
// names an American by descent ("Irish-American"), unless a noun of
// relations follows ("Chinese-American relations"); a fixed compound names
// nothing ("French fries", "Latin American") and swallows the word. A
// local word after a town's name makes the town's institution ("Winnipeg
// Police"), not another name (countries.go, inLongerName).
func (t *Tagger) compileUsages(us []gazetteer.Usage) {
	for _, u := range us {
		if u.Use == gazetteer.UseCompound {
			t.d.add(u.Phrase, sense{kind: sBlock})
			continue
		}
		t.cues[tokens.KeyOf(u.Phrase)] |= usageCue(u.Use)
	}
}

// usageCue is the cue a word of a usage sets (0 for a use with none).
func usageCue(use string) cue {
	switch use {
	case gazetteer.UseThing:
		return cThing
	case gazetteer.UseLanguage:
		return cLanguage
	case gazetteer.UseEthnic:
		return cEthnic
	case gazetteer.UseRelation:
		return cRelation
	case gazetteer.UseLocal:
		return cLocal
	case gazetteer.UseTrade:
		return cTrade
	case gazetteer.UseEvent:
		return cEvent
	}
	return 0
}

// namesNoCountry: the match's country or demonym sense stands for no
// country here. A country's name after a capitalised word is part of
// another name ("Credit Suisse"); before one, too, when it is also a
// town's name ("Lebanon Valley College", hasTown). A demonym is read by its usages; in running text one after a
// capitalised word that is no place is a surname or a people's own name
// ("Monica French", "Caddo Indians"), and so is one that speaks ("French
// said").
func (t *Tagger) namesNoCountry(lx *lexicon, m match, kind senseKind) bool {
	switch kind {
	case sCountry:
		return t.afterName(lx, m) || t.inLongerName(lx, m) && t.hasTown(m)
	case sDemonym:
		toks, _ := lx.toks(m.field)
		return t.thingAfter(lx, m.field, toks, int(m.j), 0) || t.ethnicAfter(toks, int(m.j)) ||
			t.language(lx, m.field, toks, int(m.i), int(m.j), 0) ||
			m.field == fieldText && t.afterName(lx, m) && !t.hasCue(toks[m.i-1], cCurrency) || // "U.S. Dlr Italian credit"
			t.surnameSpeaks(lx, m.field, int(m.i), int(m.j))
	}
	return false
}

// surnameSpeaks: an adjective does not say things, a person does:
// "French said" is Ms French, "the French said" the people.
// A plural speaks as a people ("Italians say").
func (t *Tagger) surnameSpeaks(lx *lexicon, field int8, i, j int) bool {
	toks, src := lx.toks(field)
	return j < len(toks) && j-i == 1 && src[toks[i].End-1] != 's' && toks[j].Is(tokens.Lower) && t.hasCue(toks[j], cSpeech) &&
		(i == 0 || !t.hasCue(toks[i-1], cDet))
}

// passing: the word after a mention makes it money ("U.S. dlrs", "Swiss
// francs") or, after a town, an event named after its venue ("the Paris
// accord", "a Geneva meeting"): barely a place, it weighs little and
// settles nothing.
func (t *Tagger) passing(toks []tokens.Token, j int, kind mkind) mkind {
	switch {
	case j >= len(toks) || !toks[j].Is(tokens.Word):
	case (kind == mName || kind == mDemonym) && t.hasCue(toks[j], cCurrency):
		return mCurrency
	case (kind == mCapital || kind == mCity) && t.hasCue(toks[j], cEvent):
		return mEvent
	}
	return kind
}

// skipHyphen steps over a hyphen glued to the word before ("Italian-style").
func skipHyphen(toks []tokens.Token, j int) int {
	if j < len(toks) && !toks[j].Is(tokens.Word) && !toks[j].Is(tokens.Space) && toks[j].End-toks[j].Start == 1 &&
		j+1 < len(toks) && !toks[j+1].Is(tokens.Space) {
		return j + 1
	}
	return j
}

// thingAfter: a noun of a thing follows the demonym ending before token j,
// or another demonym that has one follows a conjunction ("Greek and
// Italian food"); depth bounds the list.
func (t *Tagger) thingAfter(lx *lexicon, field int8, toks []tokens.Token, j, depth int) bool {
	j = skipHyphen(toks, j)
	if j >= len(toks) || depth > 3 {
		return false
	}
	if toks[j].Is(tokens.Word) && t.hasCue(toks[j], cThing) {
		// "Dutch food company" is a Dutch company, not a kind of food.
		return j+1 >= len(toks) || !toks[j+1].Is(tokens.Word) || !t.hasCue(toks[j+1], cTrade)
	}
	if !t.hasCue(toks[j], cList) {
		return false
	}
	k := lx.at(field, j+1)
	return k >= 0 && t.demonymNode(lx.matches[k]) && t.thingAfter(lx, field, toks, int(lx.matches[k].j), depth+1)
}

// ethnicAfter: "Irish-American", "Italian Americans", but not
// "Chinese-American relations" nor a name ("British American Tobacco").
func (t *Tagger) ethnicAfter(toks []tokens.Token, j int) bool {
	j = skipHyphen(toks, j)
	if j >= len(toks) || !toks[j].Is(tokens.Word) || !toks[j].Is(tokens.Cap) || !t.hasCue(toks[j], cEthnic) {
		return false
	}
	n := j + 1
	return n >= len(toks) || !t.hasCue(toks[n], cRelation) && !(toks[n].Is(tokens.Word) && toks[n].Is(tokens.Cap) && !toks[n].Is(tokens.Sentence))
}

// language: the demonym at tokens [i, j) stands alone (no noun follows)
// after a verb of speaking or "in", perhaps with one modifier between
// ("speaks only French"), or after a conjunction that follows such a
// language ("in Spanish and English").
func (t *Tagger) language(lx *lexicon, field int8, toks []tokens.Token, i, j, depth int) bool {
	if i == 0 || depth > 3 {
		return false
	}
	if !t.bare(lx, field, toks, j, 0) {
		return false // "in French cities", "in British and French firms"
	}
	p := toks[i-1]
	switch {
	case p.Is(tokens.Word) && p.Is(tokens.Lower) && t.hasCue(p, cLanguage):
		return true
	case p.Is(tokens.Word) && p.Is(tokens.Lower) && !t.hasCue(p, cDet|cList) && i >= 2:
		q := toks[i-2]
		return q.Is(tokens.Word) && q.Is(tokens.Lower) && t.hasCue(q, cLanguage) && !t.hasCue(q, cLocative)
	case t.hasCue(p, cList):
		k := lx.ending(field, i-1)
		return k >= 0 && t.demonymNode(lx.matches[k]) && t.language(lx, field, toks, int(lx.matches[k].i), i-1, depth+1)
	}
	return false
}

// hasTown: the match may also be a town ("Palestine", Texas), so a
// capitalised name after it is more likely the town's institution
// ("Palestine Independent School District") than the country's.
func (t *Tagger) hasTown(m match) bool {
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) != 0 && s.kind == sPlace && t.places[s.ref].kind == "city" {
			return true
		}
	}
	return false
}

// bare: no noun follows the demonym ending before token j, nor the
// demonyms listed after it ("in British and French firms" has one).
func (t *Tagger) bare(lx *lexicon, field int8, toks []tokens.Token, j, depth int) bool {
	switch {
	case j >= len(toks):
		return true
	case t.hasCue(toks[j], cList):
		if k := lx.at(field, j+1); k >= 0 && depth < 3 && t.demonymNode(lx.matches[k]) {
			return t.bare(lx, field, toks, int(lx.matches[k].j), depth+1)
		}
		return true
	case !toks[j].Is(tokens.Word):
		return true
	}
	return t.hasCue(toks[j], cPrep|cDet|cVerb|cSpeech)
}

// demonymNode: one of the match's senses is a demonym.
func (t *Tagger) demonymNode(m match) bool {
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) != 0 && s.kind == sDemonym {
			return true
		}
	}
	return false
}
