package gazetteer

import "strings"

// Uses of a usages row (FORMAT.md): what the phrase says about a demonym
// next to it.
const (
	UseThing    = "thing"    // "restaurant": "Italian restaurant" is a kind of restaurant
	UseCompound = "compound" // "French fries": a fixed phrase that names no country
	UseLanguage = "language" // "speaks": "speaks French" names a language
	UseEthnic   = "ethnic"   // "American": "Irish-American" is an American of Irish descent
	UseRelation = "relation" // "relations": "Chinese-American relations" names two countries
	UseLocal    = "local"    // "police": "the Dayton Police Department" still names Dayton
	UseTrade    = "trade"    // "imports": "Mexican food imports" are Mexico's
	UseEvent    = "event"    // "accord": "the Paris accord" is an event, barely Paris
)

var uses = map[string]bool{UseThing: true, UseCompound: true, UseLanguage: true, UseEthnic: true, UseRelation: true, UseLocal: true, UseTrade: true, UseEvent: true}

func (fd *fileData) decodeUsage(r *row, seen map[string]Pos) {
	c := r.cells
	ok := r.required(0)
	if !uses[c[1]] {
		r.fail(1, "unknown use %q (thing, compound, language, ethnic, relation, local, trade, event)", c[1])
		ok = false
	}
	single := c[1] != UseCompound
	switch {
	case single && strings.ContainsAny(c[0], " \t-"):
		r.fail(0, "%q: a %s usage is one word", c[0], c[1])
		ok = false
	case single && strings.ToLower(c[0]) != c[0]:
		r.fail(0, "%q must be lower case", c[0])
		ok = false
	case !single && !strings.ContainsAny(c[0], " -"):
		r.fail(0, "%q: a compound has at least two words", c[0])
		ok = false
	}
	if !ok || r.dup(seen, c[1]+"\x00"+c[0], 0) {
		return
	}
	fd.usages = append(fd.usages, Usage{Phrase: c[0], Use: c[1], Pos: r.pos})
}
