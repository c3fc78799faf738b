package tag

import (
	"strings"
	"unicode/utf8"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

type placeInfo struct {
	name      string
	kind      string
	countries []int32
	sub       int16 // index of the ISO 3166-2 subdivision the place is in, -1 when unknown
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
		s.word = true      // "Central": only its own context makes it a place
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
			amb[tokens.FoldString(a)] = true
		}
		for _, f := range append([]string{c.Name}, c.Aliases...) {
			t.addForms(f, sense{kind: sCountry, ref: int32(i), ambiguous: amb[tokens.FoldString(f)]})
		}
		for _, f := range c.Demonyms {
			t.addForms(f, sense{kind: sDemonym, ref: int32(i), ambiguous: amb[tokens.FoldString(f)]})
		}
	}
}

func (t *Tagger) compilePlaces(ps []gazetteer.Place) {
	subs := map[string]int16{}
	for _, p := range ps {
		info := placeInfo{name: p.Name, kind: p.Kind, sub: -1}
		if p.Subdivision != "" {
			k, ok := subs[p.Subdivision]
			if !ok {
				k = int16(len(subs))
				subs[p.Subdivision] = k
			}
			info.sub = k
		}
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
			t.addForms(f, sense{kind: sPlace, ref: ref, ambiguous: p.Ambiguous, abbrev: abbrev, minor: p.Minor})
		}
	}
	t.nsubs = len(subs)
	t.spreadAmbiguity()
	// US counties and parishes (county.go) are read with the places.
	t.usIdx = -1
	if us, ok := t.countryIdx["US"]; ok {
		t.usIdx = us
	}
	t.kCounty, t.kParish = tokens.KeyOf("county"), tokens.KeyOf("parish")
}

// spreadAmbiguity: a name flagged ambiguous in one row ("Columbia", a
// university and a misspelt Colombia) stays ambiguous for every place of
// the same country that shares it, such as the towns of a generated table.
func (t *Tagger) spreadAmbiguity() {
	for n := range t.d.nodes {
		ss := t.d.nodes[n].senses
		for i := range ss {
			if ss[i].kind != sPlace || !ss[i].ambiguous {
				continue
			}
			c := t.places[ss[i].ref].countries[0]
			for k := range ss {
				if ss[k].kind == sPlace && t.places[ss[k].ref].countries[0] == c {
					ss[k].ambiguous = true
				}
			}
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
	t.roleHead = make([]uint64, len(rs))
	for i, r := range rs {
		t.generic[i] = t.genericRole(r.Phrase)
		t.roleHead[i] = tokens.KeyOf(roleHead(r.Phrase))
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
					info.surname = tokens.KeyOf(f)
				}
			} else {
				t.addForms(f, sense{kind: sPerson, ref: ref})
			}
			for _, tk := range tokens.Tokenize(nil, f) {
				if tk.Is(tokens.Word) {
					info.words = append(info.words, tk.Key)
				}
			}
			if v, ok := germanVariant(f); ok {
				for _, tk := range tokens.Tokenize(nil, v) {
					if tk.Is(tokens.Word) {
						info.words = append(info.words, tk.Key)
					}
				}
			}
			if short, ok := dropMiddleInitials(f); ok {
				t.addForms(short, sense{kind: sPerson, ref: ref})
			}
			for si, sn := range t.surnameForms(f) {
				if fi == 0 && si == 0 {
					w := strings.Fields(sn)
					last := w[len(w)-1]
					info.surname = tokens.KeyOf(last[strings.LastIndexByte(last, '-')+1:])
				}
				t.addSurname(groups, sn, ref)
			}
		}
		t.people = append(t.people, info)
		if words := strings.Fields(p.Name); len(words) > 1 {
			t.firstNames[tokens.KeyOf(words[0])] = true
		}
	}
}

// germanVariant spells umlauts the way wire services did ("Pöhl" → "Poehl",
// "Düsseldorf" → "Duesseldorf"); ok is false when s has none.
func germanVariant(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii || !strings.ContainsAny(s, "äöüÄÖÜß") {
		return "", false
	}
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")
	return r.Replace(s), true
}
