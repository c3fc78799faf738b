package tag

import (
	"strings"
	"time"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// bareSurnames resolves a surname that no earlier mention explains to the
// one gazetteer person it can mean on the article's date. A surname that is
// also a common word ("May", "Major", "Brown" written in lower case
// elsewhere) needs an honorific; in an ALL-CAPS headline the surname must
// stand as a subject ("YEUTTER SAYS", "TREASURY'S BAKER SEES").
func (t *Tagger) bareSurnames(of *officialsFound, oc *occurrences, lx *lexicon) {
	dl := t.datelineCountry(oc)
	from := len(of.offs)
	defer func() { t.backReferences(of, lx, from) }()
	for _, m := range lx.matches {
		if of.usedOf(m.field)[m.i] {
			continue
		}
		isSurname := false
		for k, s := range t.d.nodes[m.node].senses {
			if m.mask&(1<<k) != 0 && s.kind == sSurname {
				isSurname = true
			} else if m.mask&(1<<k) != 0 && s.kind != sSurname {
				isSurname = false
				break // a place or a title, not a name
			}
		}
		if !isSurname {
			continue
		}
		toks, src := lx.toks(m.field)
		i, j := int(m.i), int(m.j)
		if t.hasCue(toks[i], cNotName) {
			continue // "Sen.", "Gen." are titles before they are surnames
		}
		honorific := i > 0 && t.hasCue(toks[i-1], cHonorific) ||
			i > 1 && src[toks[i-1].Start:toks[i-1].End] == "." && t.hasCue(toks[i-2], cHonorific)
		b := i
		if lx.caps(m.field) {
			if !t.capsSubject(toks, src, i, j) {
				continue
			}
		} else {
			if j < len(toks) && toks[j].Is(tokens.Word) && toks[j].Is(tokens.Cap) && !toks[j].Is(tokens.Sentence) && !t.hasCue(toks[j], cNotName|cSpeech) {
				continue
			}
			if joined(toks, src, i, j) {
				continue // "Jean-Claude", "Jean-Pierre"
			}
			if i > 0 && toks[i-1].Is(tokens.Word) && toks[i-1].Is(tokens.Cap) && !toks[i].Is(tokens.Sentence) && !t.hasCue(toks[i-1], cNotName|cHonorific) {
				b = i - 1 // a first name: it must agree
			}
		}
		// Without a first name or an honorific, a surname must not be a
		// common word, nor a first name too ("Thomas", "Spencer"), and the
		// date must be known to tell whom it meant.
		if !honorific && b == i && (lx.in.Date.IsZero() || t.firstNames[toks[j-1].Key]) {
			continue
		}
		if !honorific && (t.hasCue(toks[j-1], cMonth) || of.writtenLower(lx, toks[j-1].Key)) {
			continue
		}
		p := t.resolveName(lx, m.field, b, j, hint{country: dl})

		// An honorific says "a person", not which one: the date must
		// still make this person the likely one.
		if p < 0 || (b == i && (lx.in.Date.IsZero() || !t.bareOK(of, &t.people[p], lx.in.Date))) {
			continue
		}
		of.register(official{person: p, field: m.field, nameB: int32(b), nameE: int32(j), surname: t.people[p].surname, role: -1},
			span{field: m.field, start: toks[min(b, i)].Start, end: toks[j-1].End})
		of.use(m.field, b, j)
	}
}

// capsSubject: in a capitals headline a surname is a name when it opens the
// headline or follows a possessive or punctuation, and is followed by a verb,
// punctuation or the end.
func (t *Tagger) capsSubject(toks []tokens.Token, src string, i, j int) bool {
	if i > 0 {
		p := toks[i-1]
		w := src[p.Start:p.End]
		if p.Is(tokens.Word) && !(w == "S" || w == "s") && !t.hasCue(p, cHonorific) {
			return false
		}
	}
	if j >= len(toks) {
		return true
	}
	n := toks[j]
	if !n.Is(tokens.Word) || t.hasCue(n, cVerb) {
		return true
	}
	// Headline verbs are in the present tense ("RENEWS", "FORECASTS"),
	// sometimes after an adverb ("FULLY EXPECTS").
	w := strings.ToUpper(src[n.Start:n.End])
	return len(w) > 3 && (w[len(w)-1] == 'S' && w[len(w)-2] != 'S' || strings.HasSuffix(w, "LY"))
}

// writtenLower reports whether a word also appears in lower case in the
// item, which marks it as a common word ("may", "brown").
func (of *officialsFound) writtenLower(lx *lexicon, key uint64) bool {
	if v, ok := of.lower[key]; ok || of.lowerDone {
		return v
	}
	// A few questions are answered by a scan each; many, by one set.
	of.lowerAsked++
	if of.lowerAsked > 8 {
		for _, toks := range [2][]tokens.Token{lx.title, lx.text} {
			for _, tk := range toks {
				if tk.Is(tokens.Lower) {
					of.lower[tk.Key] = true
				}
			}
		}
		of.lowerDone = true
		return of.lower[key]
	}
	found := false
	for _, toks := range [2][]tokens.Token{lx.title, lx.text} {
		for _, tk := range toks {
			if tk.Key == key && tk.Is(tokens.Lower) {
				found = true
				break
			}
		}
	}
	of.lower[key] = found
	return found
}

// bareOK: a surname alone stands for a person in office on the date, or a
// head of state or government who left office less than three years before
// in a story that names that country; for anyone else it is far more often
// a namesake.
func (t *Tagger) bareOK(of *officialsFound, p *personInfo, date time.Time) bool {
	for _, tm := range p.terms {
		if covers(tm, date) {
			return true
		}
	}
	for _, tm := range p.terms {
		if (tm.Office == "head_of_state" || tm.Office == "head_of_government") && !tm.End.IsZero() &&
			tm.End.Before(date) && date.Sub(tm.End) < 3*365*24*time.Hour {
			return t.countryInItem(of, p) // and the story is about that country
		}
	}
	return false
}

// countryInItem: the item names the country of one of the person's terms
// (or an international body's member, which cannot be checked: those pass).
func (t *Tagger) countryInItem(of *officialsFound, p *personInfo) bool {
	sure := of.sure // computed by officials before any surname is read
	for _, tm := range p.terms {
		ci, ok := t.countryIdx[tm.Country]
		if !ok || sure[ci] {
			return true
		}
	}
	return false
}
