package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

type placeInfo struct {
	name      string
	kind      string
	countries []int32
}

type orgInfo struct {
	name    string
	code    string // country or organisation code as written in the data
	country int32  // index into countries, -1 for international bodies
	kind    string
}

type personInfo struct {
	id      string
	name    string
	terms   []gazetteer.Term
	surname uint64   // key of the surname the person is usually called by
	words   []uint64 // keys of every word of every form of the name
}

// addForms registers a surface and, when it has umlauts, the wire-service
// spelling too ("Pöhl" and "Poehl").
func (t *Tagger) addForms(surface string, s sense) {
	surface = strings.TrimSpace(surface)
	if surface == "" {
		return
	}
	if (s.kind == sPlace || s.kind == sCountry || s.kind == sDemonym) && t.commonWord(surface) {
		s.ambiguous = true // "We" (a town in New Caledonia), "Of", "Say"
	}
	t.d.add(surface, s)
	if v, ok := germanVariant(surface); ok {
		t.d.add(v, s)
	}
}

func (t *Tagger) compileCountries(cs []gazetteer.Country) {
	t.countries = cs
	for i, c := range cs {
		t.countryIdx[c.Code] = int32(i)
	}
	for i, c := range cs {
		amb := make(map[string]bool, len(c.Ambiguous))
		for _, a := range c.Ambiguous {
			amb[foldString(a)] = true
		}
		for _, f := range append([]string{c.Name}, c.Aliases...) {
			t.addForms(f, sense{kind: sCountry, ref: int32(i), ambiguous: amb[foldString(f)]})
		}
		for _, f := range c.Demonyms {
			t.addForms(f, sense{kind: sDemonym, ref: int32(i), ambiguous: amb[foldString(f)]})
		}
	}
}

func (t *Tagger) compilePlaces(ps []gazetteer.Place) {
	for _, p := range ps {
		info := placeInfo{name: p.Name, kind: p.Kind}
		for _, c := range p.Countries {
			if ci, ok := t.countryIdx[c]; ok {
				info.countries = append(info.countries, ci)
			}
		}
		if len(info.countries) == 0 {
			continue
		}
		ref := int32(len(t.places))
		t.places = append(t.places, info)
		for _, f := range append([]string{p.Name}, p.Aliases...) {
			f = strings.TrimSpace(f)
			abbrev := strings.HasSuffix(f, ".") && len(f) <= 6
			t.addForms(f, sense{kind: sPlace, ref: ref, ambiguous: p.Ambiguous, abbrev: abbrev})
		}
	}
}

func (t *Tagger) compileOrgs(os []gazetteer.Org) {
	for _, o := range os {
		info := orgInfo{name: o.Name, code: o.Country, country: -1, kind: o.Kind}
		if ci, ok := t.countryIdx[o.Country]; ok {
			info.country = ci
		}
		ref := int32(len(t.orgs))
		t.orgs = append(t.orgs, info)
		for _, f := range append([]string{o.Name}, o.Aliases...) {
			t.addForms(f, sense{kind: sOrg, ref: ref})
		}
	}
}

func (t *Tagger) compileRoles(rs []gazetteer.Role) {
	t.roles = rs
	t.generic = make([]bool, len(rs))
	for i, r := range rs {
		t.generic[i] = genericRole(r.Phrase)
		// Role phrases match in any case: "Foreign Minister", "foreign minister".
		t.addForms(strings.ToLower(r.Phrase), sense{kind: sRole, ref: int32(i)})
	}
}

func (t *Tagger) compilePeople(ps []gazetteer.Person) {
	groups := make(map[uint64]int32)
	t.firstNames = make(map[uint64]bool)
	for _, p := range ps {
		ref := int32(len(t.people))
		info := personInfo{id: p.ID, name: p.Name, terms: p.Terms}
		forms := append([]string{p.Name}, p.Aliases...)
		for fi, f := range forms {
			if len(strings.Fields(f)) == 1 {
				// A mononym ("Suharto") needs the same care as a surname.
				t.addSurname(groups, f, ref)
				if fi == 0 {
					info.surname = keyOf(f)
				}
			} else {
				t.addForms(f, sense{kind: sPerson, ref: ref})
			}
			for _, tk := range tokenize(nil, f) {
				if tk.is(tWord) {
					info.words = append(info.words, tk.key)
				}
			}
			if v, ok := germanVariant(f); ok {
				for _, tk := range tokenize(nil, v) {
					if tk.is(tWord) {
						info.words = append(info.words, tk.key)
					}
				}
			}
			if short, ok := dropMiddleInitials(f); ok {
				t.addForms(short, sense{kind: sPerson, ref: ref})
			}
			for si, sn := range surnameForms(f) {
				if fi == 0 && si == 0 {
					info.surname = keyOf(sn)
				}
				t.addSurname(groups, sn, ref)
			}
		}
		t.people = append(t.people, info)
		if words := strings.Fields(p.Name); len(words) > 1 {
			t.firstNames[keyOf(words[0])] = true
		}
	}
}

func (t *Tagger) addSurname(groups map[uint64]int32, sn string, ref int32) {
	k := keyOfPhrase(sn)
	g, ok := groups[k]
	if !ok {
		g = int32(len(t.surnames))
		groups[k] = g
		t.surnames = append(t.surnames, nil)
	}
	if n := len(t.surnames[g]); n == 0 || t.surnames[g][n-1] != ref {
		t.surnames[g] = append(t.surnames[g], ref)
	}
	t.addForms(sn, sense{kind: sSurname, ref: g})
}

// keyOfPhrase combines the keys of a phrase's word tokens, so "al-Assad" and
// "Assad" have different keys.
func keyOfPhrase(s string) uint64 {
	h := fnvOffset
	for _, tk := range tokenize(nil, s) {
		h = (h ^ tk.key) * fnvPrime
	}
	return h
}

// surnameForms lists the forms a person is called by alone: the last name
// ("Assad") and, with its particles, the full family name ("al-Assad",
// "du Plessis"). Suffixes such as "Jr" and "III" are dropped.
func surnameForms(name string) []string {
	words := strings.Fields(name)
	for len(words) > 1 {
		w := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,"))
		if w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) < 2 || isRoman(words[len(words)-1]) {
		return nil // a mononym, or a regnal name ("Juan Carlos I") with no surname
	}
	last := words[len(words)-1]
	if len([]rune(strings.TrimLeft(last[strings.LastIndexByte(last, '-')+1:], "'"))) < 3 {
		return nil // "Li", "Mo": too short to stand alone
	}
	var out []string
	if k := strings.LastIndexByte(last, '-'); k > 0 && isParticle(last[:k]) {
		out = append(out, last[k+1:], last)
	} else {
		out = append(out, last)
	}
	// Particles written as separate words: "de Larosière", "von Weizsäcker".
	j := len(words) - 1
	for j > 1 && isParticle(words[j-1]) {
		j--
	}
	if j < len(words)-1 {
		out = append(out, strings.Join(words[j:], " "))
	}
	return out
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "al", "el", "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "du", "da",
		"dos", "das", "di", "le", "la", "ter", "ben", "abu", "bint", "mac", "zu":
		return true
	}
	return false
}

// dropMiddleInitials turns "James A. Baker" into "James Baker".
func dropMiddleInitials(name string) (string, bool) {
	words := strings.Fields(name)
	if len(words) < 3 {
		return "", false
	}
	out := words[:1:1]
	dropped := false
	for _, w := range words[1 : len(words)-1] {
		if len(strings.TrimRight(w, ".")) <= 1 || strings.Count(w, ".") >= 2 {
			dropped = true
			continue
		}
		out = append(out, w)
	}
	if !dropped {
		return "", false
	}
	return strings.Join(append(out, words[len(words)-1]), " "), true
}

// compileBlocks adds phrases that contain a country word but name no
// country ("Latin American", "North America"): the longest match swallows
// them so "American" inside does not count for the US.
func (t *Tagger) compileBlocks() {
	for _, p := range []string{
		"Latin America", "Latin American", "Latin Americans", "North America", "North American",
		"North Americans", "South America", "South American", "Central America", "Central American",
		"Pan American", "Pan Am", "Indian Ocean", "English Channel", "Arabian Sea", "Persian Gulf",
		"Gulf of Mexico", "New Guinea", "French Polynesia", "Irish Sea", "China Sea",
		"South China Sea", "East China Sea", "Arab League", "Arab world", "Spanish-speaking",
		"French-speaking", "English-speaking", "Mexican-American", "African-American",
		"African-Americans", "Native American", "Native Americans", "American Indian",
	} {
		t.d.add(p, sense{kind: sBlock})
	}
}

func isRoman(w string) bool {
	w = strings.TrimRight(w, ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return true
}

// genericRole: titles that companies and clubs use as much as states do;
// a holder not in the gazetteer counts as an official only when a country
// or public body qualifies the title.
func genericRole(phrase string) bool {
	switch strings.ToLower(phrase) {
	case "president", "vice president", "vice-president", "chairman", "chairwoman", "chair",
		"chief executive", "chief executive officer", "treasurer", "deputy", "governor", "secretary",
		"managing director", "director", "executive director", "general manager", "spokesman",
		"spokeswoman", "spokesperson", "head", "chief", "leader", "member", "official",
		"president-elect", "prince", "king", "queen", "minister", "commissioner", "general secretary",
		"secretary general", "secretary-general", "director general", "director-general", "adviser", "advisor",
		"premier", "mayor", "speaker", "chancellor", "leader of the opposition":
		return true
	}
	return false
}

// commonWord: a one-word name that is also an English function word or a
// word of our cue lists, or too short to be told from an abbreviation.
func (t *Tagger) commonWord(surface string) bool {
	toks := tokenize(nil, surface)
	if len(toks) != 1 {
		return false
	}
	if toks[0].is(tUpper) && toks[0].end-toks[0].start > 1 {
		return false // "US", "UK": abbreviations are matched in capitals only
	}
	return toks[0].end-toks[0].start <= 2 || t.cues[toks[0].key]&(cNotName|cPrep|cSpeech|cVerb|cDet|cCurrency) != 0
}
