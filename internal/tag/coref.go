package tag

import (
	"strings"
	"time"
)

// backReferences counts later mentions of officials st.offs[from:]: the
// surname alone ("Tillerson said", "Mr Lavrov", "TREASURY'S BAKER") and the
// bare title with an article ("the secretary of state") when one official
// holds it.
func (t *Tagger) backReferences(st *state, from int) {
	if from >= len(st.offs) {
		return
	}
	if st.bySurname == nil {
		st.bySurname = make(map[uint64]int32)
	}
	clear(st.bySurname)
	for oi := from; oi < len(st.offs); oi++ {
		if _, dup := st.bySurname[st.offs[oi].surname]; !dup {
			st.bySurname[st.offs[oi].surname] = int32(oi)
		}
	}
	for _, field := range [2]int8{fieldTitle, fieldText} {
		t.surnameRefs(st, field)
	}
	for _, m := range st.matches {
		role := t.roleOf(m)
		if role < 0 || st.usedOf(m.field)[m.i] || m.i == 0 {
			continue
		}
		toks, _ := st.toks(m.field)
		if !t.hasCue(toks[m.i-1], cDet) {
			continue
		}
		found := -1
		for oi := from; oi < len(st.offs); oi++ {
			if o := &st.offs[oi]; o.role >= 0 && t.roles[o.role].Role == t.roles[role].Role {
				if found >= 0 {
					found = -2
					break
				}
				found = oi
			}
		}
		if found >= 0 {
			st.offs[found].addEvidence(span{field: m.field, start: toks[m.i].start, end: toks[m.j-1].end})
			st.use(m.field, int(m.i), int(m.j))
		}
	}
}

// surnameRefs scans a field once for the surnames in st.bySurname.
func (t *Tagger) surnameRefs(st *state, field int8) {
	toks, src := st.toks(field)
	used := st.usedOf(field)
	caps := st.caps(field)
	for k, tk := range toks {
		if used[k] || !tk.is(tWord) || (!caps && !tk.is(tCap)) {
			continue
		}
		oi, ok := st.bySurname[tk.key]
		if !ok {
			continue
		}
		o := &st.offs[oi]
		if !caps && k+1 < len(toks) && toks[k+1].is(tWord) && toks[k+1].is(tCap) && !toks[k+1].is(tSentence) &&
			!t.hasCue(toks[k+1], cNotName|cSpeech) {
			continue // "Baker Hughes"
		}
		if k > 0 && !caps && toks[k-1].is(tWord) && toks[k-1].is(tCap) && !t.hasCue(toks[k-1], cNotName|cHonorific) &&
			!used[k-1] && !toks[k].is(tSentence) {
			if o.person < 0 || !t.firstNamesAgree(&t.people[o.person], toks[k-1:k]) {
				continue // "Howard Baker" is someone else
			}
		}
		if joined(toks, src, k, k+1) {
			continue
		}
		b := k
		if k > 0 && t.hasCue(toks[k-1], cHonorific) {
			b = k - 1
		} else if k > 1 && src[toks[k-1].start:toks[k-1].end] == "." && t.hasCue(toks[k-2], cHonorific) {
			b = k - 2
		}
		o.addEvidence(span{field: field, start: toks[b].start, end: tk.end})
		used[k] = true
	}
}

// bareSurnames resolves a surname that no earlier mention explains to the
// one gazetteer person it can mean on the article's date. A surname that is
// also a common word ("May", "Major", "Brown" written in lower case
// elsewhere) needs an honorific; in an ALL-CAPS headline the surname must
// stand as a subject ("YEUTTER SAYS", "TREASURY'S BAKER SEES").
func (t *Tagger) bareSurnames(st *state) {
	dl := t.datelineCountry(st)
	from := len(st.offs)
	defer func() { t.backReferences(st, from) }()
	for _, m := range st.matches {
		if st.usedOf(m.field)[m.i] {
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
		toks, src := st.toks(m.field)
		i, j := int(m.i), int(m.j)
		if t.hasCue(toks[i], cNotName) {
			continue // "Sen.", "Gen." are titles before they are surnames
		}
		honorific := i > 0 && t.hasCue(toks[i-1], cHonorific) ||
			i > 1 && src[toks[i-1].start:toks[i-1].end] == "." && t.hasCue(toks[i-2], cHonorific)
		b := i
		if st.caps(m.field) {
			if !t.capsSubject(toks, src, i, j) {
				continue
			}
		} else {
			if j < len(toks) && toks[j].is(tWord) && toks[j].is(tCap) && !toks[j].is(tSentence) && !t.hasCue(toks[j], cNotName|cSpeech) {
				continue
			}
			if joined(toks, src, i, j) {
				continue // "Jean-Claude", "Jean-Pierre"
			}
			if i > 0 && toks[i-1].is(tWord) && toks[i-1].is(tCap) && !toks[i].is(tSentence) && !t.hasCue(toks[i-1], cNotName|cHonorific) {
				b = i - 1 // a first name: it must agree
			}
		}
		// Without a first name or an honorific, a surname must not be a
		// common word, nor a first name too ("Thomas", "Spencer"), and the
		// date must be known to tell whom it meant.
		if !honorific && b == i && (st.in.Date.IsZero() || t.firstNames[toks[j-1].key]) {
			continue
		}
		if !honorific && (t.hasCue(toks[j-1], cMonth) || st.writtenLower(toks[j-1].key)) {
			continue
		}
		p := t.resolveName(st, m.field, b, j, hint{country: dl})
		// An honorific says "a person", not which one: the date must
		// still make this person the likely one.
		if p < 0 || (b == i && (st.in.Date.IsZero() || !t.bareOK(&t.people[p], st.in.Date))) {
			continue
		}
		st.register(official{person: p, field: m.field, nameB: int32(b), nameE: int32(j), surname: t.people[p].surname, role: -1},
			span{field: m.field, start: toks[min(b, i)].start, end: toks[j-1].end})
		st.use(m.field, b, j)
	}
}

// capsSubject: in a capitals headline a surname is a name when it opens the
// headline or follows a possessive or punctuation, and is followed by a verb,
// punctuation or the end.
func (t *Tagger) capsSubject(toks []token, src string, i, j int) bool {
	if i > 0 {
		p := toks[i-1]
		w := src[p.start:p.end]
		if p.is(tWord) && !(w == "S" || w == "s") && !t.hasCue(p, cHonorific) {
			return false
		}
	}
	if j >= len(toks) {
		return true
	}
	n := toks[j]
	if !n.is(tWord) || t.hasCue(n, cVerb) {
		return true
	}
	// Headline verbs are in the present tense ("RENEWS", "FORECASTS"),
	// sometimes after an adverb ("FULLY EXPECTS").
	w := strings.ToUpper(src[n.start:n.end])
	return len(w) > 3 && (w[len(w)-1] == 'S' && w[len(w)-2] != 'S' || strings.HasSuffix(w, "LY"))
}

// writtenLower reports whether a word also appears in lower case in the
// item, which marks it as a common word ("may", "brown").
func (st *state) writtenLower(key uint64) bool {
	if !st.lowerDone {
		// Built once per item, and only when a bare surname needs it.
		for _, toks := range [2][]token{st.title, st.text} {
			for _, tk := range toks {
				if tk.is(tLower) {
					st.lower[tk.key] = true
				}
			}
		}
		st.lowerDone = true
	}
	return st.lower[key]
}

// bareOK: a surname alone stands for a person in office on the date, or a
// head of state or government who left office less than three years
// before; for anyone else it is far more often a namesake.
func (t *Tagger) bareOK(p *personInfo, date time.Time) bool {
	for _, tm := range p.terms {
		if covers(tm, date) {
			return true
		}
		if (tm.Office == "head_of_state" || tm.Office == "head_of_government") && !tm.End.IsZero() &&
			tm.End.Before(date) && date.Sub(tm.End) < 3*365*24*time.Hour {
			return true
		}
	}
	return false
}

// joined reports whether tokens [i, j) are glued by a hyphen to a word on
// either side, as part of a longer name.
func joined(toks []token, src string, i, j int) bool {
	if j+1 < len(toks) && !toks[j].is(tSpace) && src[toks[j].start:toks[j].end] == "-" && !toks[j+1].is(tSpace) && toks[j+1].is(tWord) {
		return true
	}
	return i >= 2 && !toks[i].is(tSpace) && !toks[i-1].is(tSpace) && src[toks[i-1].start:toks[i-1].end] == "-" && toks[i-2].is(tWord) && toks[i-2].is(tCap)
}
