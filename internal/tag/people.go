package tag

import (
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/pkg/event"
)

// hint is what the text says about a name: its title and country.
type hint struct {
	office  string
	country string
}

// personAt returns the gazetteer person whose full name or alias is written
// exactly at tokens [b, e) of a field, or -1.
func (t *Tagger) personAt(lx *lexicon, field int8, b, e int) int32 {
	mi := lx.at(field, b)
	if mi < 0 {
		return -1
	}
	m := lx.matches[mi]
	if int(m.j) > e {
		return -1
	}
	for k, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<k) != 0 && s.kind == sPerson {
			return s.ref
		}
	}
	return -1
}

// resolveName maps a name written in the text ("James Baker", "Baker",
// "Mr Lavrov") to a gazetteer person: an exact full name first, else the
// surname, kept only when the other words agree with the person's names, the
// person had taken office by the article's date, and exactly one candidate
// fits best (in office on the date, then title and country as written).
func (t *Tagger) resolveName(lx *lexicon, field int8, b, e int, h hint) int32 {
	for k := b; k < e; k++ {
		if p := t.personAt(lx, field, k, e); p >= 0 {
			return p
		}
	}
	toks, _ := lx.toks(field)
	sn := t.surnameTok(toks, b, e)
	group := t.surnameGroup(toks[sn].Key)
	for k := b; k < e && group < 0; k++ {
		// A family name with its particle: "de Clercq", "von Weizsaecker".
		if mi := lx.at(field, k); mi >= 0 && int(lx.matches[mi].j) == e {
			m := lx.matches[mi]
			for s, sen := range t.d.nodes[m.node].senses {
				if m.mask&(1<<s) != 0 && sen.kind == sSurname {
					group, sn = sen.ref, k
					break
				}
			}
		}
	}
	if group < 0 {
		return -1
	}
	best, bestScore, ties := int32(-1), -1, 0
	for _, p := range t.surnames[group] {
		info := &t.people[p]
		if !t.firstNamesAgree(info, toks[b:sn]) {
			continue
		}
		score := t.fit(info, lx.in.Date, h)
		if score < 0 {
			continue
		}
		switch {
		case score > bestScore:
			best, bestScore, ties = p, score, 1
		case score == bestScore:
			ties++
		}
	}
	if ties != 1 {
		return -1
	}
	return best
}

func (t *Tagger) surnameGroup(key uint64) int32 {
	n, ok := t.d.child(0, key)
	if !ok {
		return -1
	}
	for _, s := range t.d.nodes[n].senses {
		if s.kind == sSurname {
			return s.ref
		}
	}
	return -1
}

// firstNamesAgree: every capitalised word before the surname must be one of
// the person's name words ("Howard Baker" is not James Baker); initials,
// particles and honorifics are let through.
func (t *Tagger) firstNamesAgree(p *personInfo, toks []tokens.Token) bool {
	for _, tk := range toks {
		if !tk.Is(tokens.Word) || tk.End-tk.Start == 1 || t.hasCue(tk, cParticle|cHonorific|cSuffix) {
			continue
		}
		found := false
		for _, k := range p.words {
			if k == tk.Key {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// fit scores how well a person fits the article's date and the text's
// hint; -1 rules the person out (not yet in any office on that date).
func (t *Tagger) fit(p *personInfo, date time.Time, h hint) int {
	score := 0
	started := date.IsZero()
	for _, tm := range p.terms {
		if date.IsZero() || tm.Start.IsZero() || !tm.Start.After(date) {
			started = true
		}
		s := 0
		if covers(tm, date) && !date.IsZero() {
			s += 4
			if tm.Office != "other" {
				s++ // a cabinet or central bank office is news more often than an aide's
			}
		}
		if h.office != "" && tm.Office == h.office {
			s += 2
		}
		if h.country != "" && tm.Country == h.country {
			s += 2
		}
		score = max(score, s)
	}
	if !started {
		return -1
	}
	return score
}

func covers(tm gazetteer.Term, date time.Time) bool {
	if date.IsZero() {
		return false
	}
	return (tm.Start.IsZero() || !tm.Start.After(date)) && (tm.End.IsZero() || !tm.End.Before(date))
}

// office picks the term that describes a person on the date: one in force
// (matching the text's title when several are), else the latest one begun
// before the date. ok is false when no term had begun.
func (t *Tagger) office(p *personInfo, date time.Time, h hint) (gazetteer.Term, string, bool) {
	var cur, past gazetteer.Term
	curScore, havePast := -1, false
	for _, tm := range p.terms {
		switch {
		case covers(tm, date):
			s := 0
			if tm.Office == h.office {
				s += 2
			}
			if tm.Country == h.country {
				s++
			}
			if s > curScore {
				cur, curScore = tm, s
			}
		case date.IsZero() || tm.Start.IsZero() || tm.Start.Before(date):
			if !havePast || tm.End.After(past.End) {
				past, havePast = tm, true
			}
		}
	}
	switch {
	case curScore >= 0:
		return cur, event.StatusInOffice, true
	case date.IsZero() && havePast:
		return past, event.StatusUnknown, true
	case havePast:
		return past, event.StatusFormer, true
	}
	return gazetteer.Term{}, event.StatusUnknown, false
}
