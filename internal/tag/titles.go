package tag

import (
	"cmp"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// A title is a role phrase from the roles vocabulary with what qualifies
// it: "former U.S. Treasury Secretary James Baker", "Japan's Finance
// Minister Kiichi Miyazawa", "Lavrov, Russia's foreign minister,", "the
// prime minister, Theresa May,".
type title struct {
	field   int8
	b, e    int // tokens of the whole title, modifiers included
	role    int32
	country string // from a modifier or "of <country>"
	orgMod  bool   // a country-less modifier such as a company name precedes
	former  bool
	deputy  bool
	det     bool // "the foreign minister": may refer back to someone
	of      bool // qualified after the role: "President of the ... Institute"
	public  bool // a country or public body qualifies the title
}

// titledNames finds every role phrase and the name it introduces.
func (t *Tagger) titledNames(of *officialsFound, lx *lexicon) {
	for mi := range lx.matches {
		m := lx.matches[mi]
		role := t.roleOf(m)
		if role < 0 {
			continue
		}
		toks, src := lx.toks(m.field)
		caps := lx.caps(m.field)
		ti := t.readTitle(lx, m, role)
		if ti.orgMod && t.roles[role].Country == "" && ti.country == "" && !governmental(t.roles[role].Office) {
			continue // "Chrysler Corp Chairman Lee Iacocca"
		}
		k := ti.e
		nb, ne := k, t.nameAfter(toks, src, k, caps)
		if ne > nb {
			ne = t.cutName(lx, m.field, nb, ne)
		}
		if ne <= nb && k+1 < len(toks) && src[toks[k].Start:toks[k].End] == "," && (ti.det || ti.of) {
			// "the prime minister, Theresa May, said"
			nb, ne = k+1, t.nameAfter(toks, src, k+1, caps)
			if ne > nb {
				ne = t.cutName(lx, m.field, nb, ne)
			}
			if ne > nb && ne < len(toks) && !closesApposition(toks, src, ne, t) {
				ne = nb
			}
		}
		if ne <= nb {
			// "Sergei Lavrov, Russia's foreign minister"
			c := ti.b - 1
			if c >= 1 && src[toks[c].Start:toks[c].End] == "," {
				nb, ne = t.nameBefore(toks, src, c, caps), c
				if nb < ne && t.notAName(lx, m.field, nb, ne) {
					nb = ne
				}
			}
		}
		if ne <= nb {
			continue
		}
		if of.usedOf(m.field)[nb] {
			continue
		}
		t.addTitled(of, lx, ti, nb, ne)
	}
}

// readTitle reads the modifiers before a role match and "of <country>"
// after it.
func (t *Tagger) readTitle(lx *lexicon, m match, role int32) title {
	toks, src := lx.toks(m.field)
	ti := title{field: m.field, b: int(m.i), e: int(m.j), role: role}
	for k, steps := int(m.i)-1, 0; k >= 0 && steps < 3; steps++ {
		tk := toks[k]
		switch {
		case tk.Is(tokens.Word) && t.hasCue(tk, cFormer):
			ti.former, ti.b, k = true, k, k-1
			continue
		case tk.Is(tokens.Word) && t.hasCue(tk, cDeputy) && !t.hasCue(tk, cNotName):
			ti.deputy, ti.b, k = true, k, k-1
			continue
		case !tk.Is(tokens.Word) && src[tk.Start:tk.End] == "-" && k > 0 && t.hasCue(toks[k-1], cFormer):
			ti.former, ti.b, k = true, k-1, k-2
			continue
		}
		end, w := k+1, src[tk.Start:tk.End]
		switch {
		case w == "'":
			end = k // "Damascus' envoy"
		case (w == "s" || w == "S") && k >= 1 && src[toks[k-1].Start:toks[k-1].End] == "'":
			end = k - 1 // "Japan's"
		}
		mj := lx.ending(m.field, end)
		if mj < 0 {
			if tk.Is(tokens.Word) && (tk.Is(tokens.Cap) || lx.caps(m.field)) && !t.hasCue(tk, cNotName) && !tk.Is(tokens.Sentence) {
				ti.orgMod = true
			}
			break
		}
		c, isOrg, public := t.modifierCountry(lx.matches[mj])
		if c == "" && !isOrg {
			break
		}
		if !public {
			ti.orgMod = true
		}
		ti.public = ti.public || public
		if ti.country == "" {
			ti.country = c
		}
		ti.b = int(lx.matches[mj].i)
		k = ti.b - 1
	}
	if ti.b > 0 && toks[ti.b-1].Is(tokens.Word) && t.hasCue(toks[ti.b-1], cDet) {
		ti.det = true
	}
	t.readOf(lx, &ti)
	return ti
}

// readOf reads what qualifies a title after it: "President of Syria",
// "Governor of the Bank of Greece", "President of the Brazilian Coffee
// Institute (IBC)", "..., IBC,". An organisation named there that gives
// neither a country nor a public body (a company) makes the title private.
func (t *Tagger) readOf(lx *lexicon, ti *title) {
	toks, src := lx.toks(ti.field)
	caps := lx.caps(ti.field)
	k := ti.e
	if k+1 >= len(toks) || !toks[k].Is(tokens.Word) || (toks[k].Key != t.kOf && toks[k].Key != t.kFor) || (!caps && !toks[k].Is(tokens.Lower)) {
		return
	}
	k++
	if t.hasCue(toks[k], cDet) {
		k++
	}
	start, country, public := k, "", false
	for k < len(toks) && k-start < 10 {
		if mj := lx.at(ti.field, k); mj >= 0 {
			m := lx.matches[mj]
			c, isOrg, pub := t.modifierCountry(m)
			switch {
			case pub:
				country = cmp.Or(country, c)
				public = true
			case isOrg:
			default:
				k = len(toks) // a person or a title: no qualifier here
				continue
			}
			k = int(m.j)
			continue
		}
		tk := toks[k]
		if tk.Is(tokens.Word) && (tk.Is(tokens.Cap) || caps) && !t.hasCue(tk, cNotName) {
			k++
			continue
		}
		if tk.Is(tokens.Word) && (tk.Key == t.kOf || tk.Key == t.kAnd || tk.Key == t.kFor) && k > start && k+1 < len(toks) && toks[k+1].Is(tokens.Cap) {
			k++
			continue
		}
		break
	}
	if k <= start || k > len(toks) {
		return
	}
	// "(IBC)" or ", IBC," after the organisation.
	if k+2 < len(toks) && src[toks[k].Start:toks[k].End] == "(" && src[toks[k+2].Start:toks[k+2].End] == ")" {
		k += 3
	} else if k+2 < len(toks) && src[toks[k].Start:toks[k].End] == "," && toks[k+1].Is(tokens.Upper) && toks[k+1].End-toks[k+1].Start > 1 &&
		src[toks[k+2].Start:toks[k+2].End] == "," {
		k += 2
	}
	ti.e = k
	ti.of = true
	ti.country = cmp.Or(ti.country, country)
	ti.public = ti.public || public
	if !public && country == "" {
		ti.orgMod = true // a company, or a body we cannot place
	}
}

// modifierCountry reads a match used before a title: a country, demonym or
// city gives a country code, an organisation its code (country or "IMF").
func (t *Tagger) modifierCountry(m match) (code string, org, public bool) {
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) == 0 {
			continue
		}
		switch s.kind {
		case sCountry, sDemonym:
			return t.countries[s.ref].Code, false, true
		case sPlace:
			if p := &t.places[s.ref]; len(p.countries) == 1 && !s.ambiguous {
				return t.countries[p.countries[0]].Code, false, true
			}
		case sOrg:
			// A company gives no office ("Chrysler Chairman"); a state
			// agency, party or international body does.
			if o := &t.orgs[s.ref]; o.kind != "company" {
				return o.code, true, true
			}
			return "", true, false
		}
	}
	return "", false, false
}

func (t *Tagger) roleOf(m match) int32 {
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) != 0 && s.kind == sRole {
			return s.ref
		}
	}
	return -1
}

// governmental offices are public whoever writes them: a "finance
// minister" is an official even without a country, a "president" after a
// company's name is not.
func governmental(office string) bool {
	switch office {
	case "foreign", "finance", "defence", "interior", "central_bank":
		return true
	}
	return false
}
