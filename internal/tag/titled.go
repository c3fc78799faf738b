package tag

import "github.com/newsworker/newsworker/internal/tag/tokens"

// cutName ends a name span at the first token that starts a phrase which is
// not a person's name (a place, a title, an organisation): "President
// Reagan Chief of Staff ..." stops before "Chief".
func (t *Tagger) cutName(lx *lexicon, field int8, b, e int) int {
	for k := b; k < e; k++ {
		mi := lx.at(field, k)
		if mi < 0 {
			continue
		}
		m := lx.matches[mi]
		// Names contain city names ("Ken Livingstone", "Jack London"),
		// not titles, organisations, countries or demonyms.
		personish := true
		for s, sn := range t.d.nodes[m.node].senses {
			if m.mask&(1<<s) == 0 {
				continue
			}
			switch sn.kind {
			case sRole, sOrg, sCountry, sDemonym, sBlock:
				personish = false
			case sPlace:
				if k := t.places[sn.ref].kind; k == "metonym" || k == "capital" {
					personish = false
				}
			}
		}
		if personish {
			k = int(m.j) - 1
			continue
		}
		return k
	}
	return e
}

// notAName: a span that is wholly a place or organisation ("In Moscow,
// Russia's foreign minister said") is no name.
func (t *Tagger) notAName(lx *lexicon, field int8, b, e int) bool {
	mi := lx.at(field, b)
	if mi < 0 {
		return false
	}
	m := lx.matches[mi]
	if int(m.j) < e {
		return false
	}
	for s, sn := range t.d.nodes[m.node].senses {
		if m.mask&(1<<s) != 0 && (sn.kind == sPerson || sn.kind == sSurname) {
			return false
		}
	}
	return true
}

// closesApposition: an appositive name is followed by a comma, a full stop,
// a parenthesis or a verb of saying.
func closesApposition(toks []tokens.Token, src string, k int, t *Tagger) bool {
	tk := toks[k]
	if !tk.Is(tokens.Word) {
		p := src[tk.Start:tk.End]
		return p == "," || p == "." || p == ")" || p == ";"
	}
	return t.hasCue(tk, cSpeech)
}

// addTitled registers the person named at tokens [nb, ne) with a title.
func (t *Tagger) addTitled(of *officialsFound, lx *lexicon, ti title, nb, ne int) {
	toks, _ := lx.toks(ti.field)
	office := t.roles[ti.role].Office
	country := ti.country
	h := hint{office: office, country: country}
	if h.country == "" {
		h.country = t.roles[ti.role].Country
	}
	p := t.resolveName(lx, ti.field, nb, ne, h)
	sn := t.surnameTok(toks, nb, ne)
	o := official{person: p, field: ti.field, nameB: int32(nb), nameE: int32(ne), surname: toks[sn].Key,
		role: ti.role, deputy: ti.deputy, country: country, titled: true, former: ti.former, public: ti.public}
	if p >= 0 {
		o.surname = t.people[p].surname
	}
	b, e := min(ti.b, nb), max(ti.e, ne)
	of.register(o, span{field: ti.field, start: toks[b].Start, end: toks[e-1].End})
	of.use(ti.field, nb, ne)
	of.use(ti.field, ti.b, ti.e)
}

// knownNames registers every full name of a gazetteer person not already
// read as part of a title.
func (t *Tagger) knownNames(of *officialsFound, lx *lexicon) {
	for _, m := range lx.matches {
		used := of.usedOf(m.field)
		if used[m.i] {
			continue
		}
		for k, s := range t.d.nodes[m.node].senses {
			if m.mask&(1<<k) == 0 || s.kind != sPerson {
				continue
			}
			toks, _ := lx.toks(m.field)
			of.register(official{person: s.ref, field: m.field, nameB: m.i, nameE: m.j, surname: t.people[s.ref].surname, role: -1},
				span{field: m.field, start: toks[m.i].Start, end: toks[m.j-1].End})
			of.use(m.field, int(m.i), int(m.j))
			break
		}
	}
}

// datelineCountry is the dateline's country when it names exactly one.
func (t *Tagger) datelineCountry(oc *occurrences) string {
	for _, o := range oc.occs {
		if o.kind == mDateline && o.candTo-o.candFrom == 1 {
			return t.countries[oc.cands[o.candFrom].country].Code
		}
	}
	return ""
}
