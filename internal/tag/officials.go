package tag

import (
	"cmp"
	"slices"

	"github.com/newsworker/newsworker/pkg/event"
)

// maxOfficials bounds the officials of one item, which keeps registration
// and back references linear in the text however many names it holds.
const maxOfficials = 128

// official is one person found in the item, before output.
type official struct {
	person   int32 // index into Tagger.people, -1 when not in the gazetteer
	field    int8  // where the name was first written
	nameB    int32 // its tokens [nameB, nameE)
	nameE    int32
	surname  uint64 // token key the person is called by alone
	role     int32  // index into Tagger.roles of the title written, -1 none
	deputy   bool   // "Deputy Foreign Minister": a lesser office than role
	country  string // from the title's modifier ("Russian", "Bundesbank")
	titled   bool   // a title was written with the name
	former   bool   // "former President ..."
	public   bool   // the title was qualified by a country or public body
	mentions int
	ev       [maxEvidence]span
	nev      int
}

// officialsFound is the officials stage's working set: the officials
// found so far, the tokens their names and titles used up, and what the
// stage asks of the item more than once. Tag hands the stage the lexicon and
// the occurrences; only this stage reads or writes these.
type officialsFound struct {
	offs       []official
	used       []bool          // text tokens consumed by an official's name or title
	usedTitle  []bool          // the same for the title
	sure       []bool          // per country: an unambiguous mention (occurrences.sureSet)
	lower      map[uint64]bool // words written in lower case in the item
	lowerDone  bool            // lower holds every lower-case word
	lowerAsked int
	bySurname  map[uint64]int32 // surname key → official, for back references
}

// reset empties the working set for an item with lx's tokens.
func (of *officialsFound) reset(lx *lexicon) {
	of.offs = of.offs[:0]
	of.used = resize(of.used, len(lx.text))
	of.usedTitle = resize(of.usedTitle, len(lx.title))
	if of.lower == nil {
		of.lower = make(map[uint64]bool)
	}
	clear(of.lower)
	of.lowerDone, of.lowerAsked = false, 0
}

type span struct {
	field      int8
	start, end int32
}

// addEvidence records a mention; only the first maxEvidence spans are kept.
func (o *official) addEvidence(s span) {
	o.mentions++
	for _, e := range o.ev[:o.nev] {
		if e == s {
			o.mentions--
			return
		}
	}
	if o.nev < maxEvidence {
		o.ev[o.nev] = s
		o.nev++
	}
}

// register adds or merges an official. Resolved people merge by identity,
// others by the surname as written.
func (of *officialsFound) register(o official, ev span) *official {
	for i := range of.offs {
		p := &of.offs[i]
		if (o.person >= 0 && p.person == o.person) || (o.person < 0 && p.person < 0 && p.surname == o.surname) {
			if !p.titled && o.titled {
				p.role, p.deputy, p.titled = o.role, o.deputy, true
			}
			if p.country == "" {
				p.country = o.country
			}
			p.former = p.former || o.former
			p.public = p.public || o.public
			p.addEvidence(ev)
			return p
		}
	}
	if len(of.offs) >= maxOfficials {
		return nil // a list, not a story: stop growing
	}
	o.addEvidence(ev)
	of.offs = append(of.offs, o)
	return &of.offs[len(of.offs)-1]
}

// officials finds the item's officials: titles with names first (they
// carry role and country), then full names of known people, then surnames
// and honorifics that refer back to them or, alone, to one known person.
func (t *Tagger) officials(of *officialsFound, oc *occurrences, lx *lexicon) []event.Official {
	of.reset(lx)
	of.sure = oc.sureSet(of.sure, len(t.countries))
	t.titledNames(of, lx)
	t.knownNames(of, lx)
	t.backReferences(of, lx, 0)
	t.bareSurnames(of, oc, lx)
	out := make([]event.Official, 0, len(of.offs))
	for i := range of.offs {
		if e, ok := t.output(lx, &of.offs[i]); ok {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b event.Official) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Role, b.Role))
	})
	return out
}

// output decides whether a found person is reported and how.
func (t *Tagger) output(lx *lexicon, o *official) (event.Official, bool) {
	var e event.Official
	roleName, office, roleCountry := "", "", ""
	if o.role >= 0 {
		r := &t.roles[o.role]
		roleName, office, roleCountry = r.Role, r.Office, r.Country
		if o.deputy {
			roleName, office = "Deputy "+roleName, "other"
		}
	}
	country := cmp.Or(o.country, roleCountry)
	if o.person >= 0 {
		p := &t.people[o.person]
		e.Name, e.ID = p.name, p.id
		term, status, ok := t.office(p, lx.in.Date, hint{office: office, country: country})
		switch {
		case o.titled && !o.former && (!ok || status != event.StatusInOffice):
			// The text's own title is the better witness of its day.
			e.Role, e.Country, e.Status = roleName, cmp.Or(country, term.Country), event.StatusInOffice
		case ok:
			e.Role, e.Country, e.Status = term.Role, term.Country, status
		default:
			return e, false // not yet in any office on the article's date
		}
		if o.former {
			e.Status = event.StatusFormer
		}
	} else {
		// Someone we do not know is an official only by a title written
		// in mixed case (an ALL-CAPS headline cannot tell a name from a
		// word) that is public in itself or qualified by a country or a
		// public body ("Brazilian Coffee Institute President").
		if !o.titled || lx.caps(o.field) || (o.role >= 0 && t.generic[o.role] && (!o.public || o.nameE-o.nameB < 2)) {
			return e, false // "American President Lines" is a company
		}
		toks, src := lx.toks(o.field)
		e.Name = src[toks[o.nameB].Start:toks[o.nameE-1].End]
		e.Role, e.Country, e.Status = roleName, country, event.StatusInOffice
		if o.former {
			e.Status = event.StatusFormer
		}
	}
	e.Mentions = o.mentions
	for _, s := range o.ev[:o.nev] {
		_, src := lx.toks(s.field)
		e.Evidence = append(e.Evidence, event.Evidence{Field: fieldName(s.field), Text: src[s.start:s.end], Start: int(s.start), End: int(s.end)})
	}
	slices.SortFunc(e.Evidence, func(a, b event.Evidence) int {
		return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Start, b.Start))
	})
	return e, true
}

func resize(b []bool, n int) []bool {
	if cap(b) < n {
		b = make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (of *officialsFound) usedOf(field int8) []bool {
	if field == fieldTitle {
		return of.usedTitle
	}
	return of.used
}

func (of *officialsFound) use(field int8, b, e int) {
	u := of.usedOf(field)
	for i := b; i < e; i++ {
		u[i] = true
	}
}
