package importers

import (
	"fmt"
	"regexp"
	"strings"
)

// FactbookHolder is one principal named by a Factbook chief_of_state or
// head_of_government entry: "President Vladimir Vladimirovich PUTIN (since
// 7 May 2012)" gives Role "President", Words [Vladimir Vladimirovich PUTIN],
// Caps [putin] and Since "2012-05-07".
type FactbookHolder struct {
	Role  string   // the title as written before the name ("" when none)
	Words []string // the name's words as written, capitals and all
	Caps  []string // the folded capitalised words that identify the person
	Tail  []string // the folded mixed-case words after them ("XI Jinping": jinping)
	First string   // the folded initial of the first given name ("" when none)
	Given []string // the folded given names before the capitals
	Since string   // the first "since" date of the note after the name, YYYY[-MM[-DD]]
	at    int      // where the name starts in its part of the entry
}

// FactbookPrincipals reads the principal holders from a Factbook entry, one
// list per `;`-separated part: the first part names the holder (or
// co-holders named together); later parts may name further co-holders,
// such as the members of Bosnia's presidency. The Factbook writes surnames
// in capitals, so each holder is a run of capitalised words with the
// mixed-case words around it; what follows a stop marker (deputies, heirs,
// representatives, elections) is not read.
func FactbookPrincipals(entry string) [][]FactbookHolder {
	plain, notes := splitNotes(entry)
	if len(notes) > 0 && notes[0].at == 0 && strings.TrimSpace(notes[0].text) == "vacant" {
		return nil // "(vacant); note - ... MOON Chang-keuk was nominated ..."
	}
	var out [][]FactbookHolder
	from := 0
	for i, seg := range strings.Split(plain, ";") {
		if strings.HasPrefix(strings.TrimSpace(seg), "note") {
			break // a note names former or designated holders, not principals
		}
		cut, after := len(seg), len(seg)
		for _, m := range stopMarkers {
			if j := strings.Index(seg, m); j >= 0 && j < cut {
				cut, after = j, j+len(m)
			}
		}
		hs := holdersIn(seg, 0, cut, from, notes)
		if len(hs) == 0 && i == 0 && onlyTitle(seg[:cut]) {
			// "Crown Prince and Prime Minister MUHAMMAD BIN SALMAN": the
			// title itself contains a marker; the holder follows it.
			if more := holdersIn(seg, after, len(seg), from, notes); len(more) > 0 {
				hs = more[:1]
				hs[0].Role = roleText(words(seg, 0, hs[0].at))
			}
		}
		if len(hs) > 0 {
			out = append(out, hs)
		}
		from += len(seg) + 1
	}
	return out
}

// onlyTitle: the text names no one, only an office.
func onlyTitle(s string) bool {
	for _, w := range words(s, 0, len(s)) {
		if lw := strings.ToLower(w.text); !titleWord[lw] && !joiner[lw] && !honorific[lw] {
			return false
		}
	}
	return true
}

// stopMarkers end the part of an entry that names the principal holders.
var stopMarkers = []string{"Vice ", "Deputy ", "Heir", "Crown Prince", "represented by", "designated successor",
	"note", "Note", "head of government", "election", "results", "succeeded", "replacing", "was elected", "were elected"}

// note is a parenthesised remark, removed from the text at byte at.
type note struct {
	at   int
	text string
}

// splitNotes removes parenthesised remarks, keeping where each stood.
func splitNotes(s string) (string, []note) {
	var sb strings.Builder
	var notes []note
	var cur strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			if depth == 0 {
				cur.Reset()
			}
			depth++
		case r == ')' && depth > 0:
			depth--
			if depth == 0 {
				notes = append(notes, note{at: sb.Len(), text: cur.String()})
			}
		case depth > 0:
			cur.WriteRune(r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String(), notes
}

// word is one word of a segment with its byte span.
type word struct {
	text       string
	start, end int
	sep        bool // followed by a comma or colon: the name cannot go on
}

func words(seg string, from, to int) []word {
	var out []word
	i := from
	for i < to {
		for i < to && (seg[i] == ' ' || seg[i] == ',' || seg[i] == ':') {
			if seg[i] != ' ' && len(out) > 0 {
				out[len(out)-1].sep = true
			}
			i++
		}
		j := i
		for j < to && seg[j] != ' ' && seg[j] != ',' && seg[j] != ':' {
			j++
		}
		if j > i {
			out = append(out, word{text: seg[i:j], start: i, end: j})
		}
		i = j
	}
	return out
}

// holdersIn finds the holders in seg[from:to]; base is seg's offset in the
// text the notes refer to.
func holdersIn(seg string, from, to, base int, notes []note) []FactbookHolder {
	ws := words(seg, from, to)
	var out []FactbookHolder
	roleFrom := 0 // the first word not yet part of an earlier holder
	for i := 0; i < len(ws); i++ {
		if !hasCapsPart(ws[i].text) {
			if len(out) > 0 && isProse(ws[i].text) {
				break // "... is a hereditary monarch of the MUBARAK line"
			}
			continue
		}
		// The name starts at the mixed-case given names before the capitals.
		b := i
		for b > roleFrom && !ws[b-1].sep && (isGivenName(ws[b-1].text) || b-2 >= roleFrom && isFragment(ws[b-2].text, ws[b-1].text)) {
			b--
		}
		// The key (Given, Caps) stays with the words above; the name as
		// shown also takes nicknames and the pieces of words the archive
		// broke ("Voreqe \"Frank\" BAINIMARAMA", "S bastien LECORNU").
		bKey := b
		for b > roleFrom && !ws[b-1].sep && (isGivenName(ws[b-1].text) || b-2 >= roleFrom && isBrokenName(ws[b-2].text, ws[b-1].text) ||
			isBrokenName("", ws[b-1].text)) {
			b--
		}
		e := i + 1
		for e < len(ws) && !ws[e-1].sep && (hasCapsPart(ws[e].text) || isNameTail(ws[e].text) || afterParticle(ws[e-1].text)) {
			e++
		}
		for e > i+1 && nameParticle[strings.ToLower(ws[e-1].text)] {
			e-- // "ZAYID bin" ends at the name, not the particle
		}
		h := FactbookHolder{Role: roleText(ws[roleFrom:b]), at: ws[b].start}
		for _, w := range ws[b:e] {
			h.Words = append(h.Words, w.text)
		}
		for _, w := range ws[bKey:e] {
			h.Caps = append(h.Caps, w.text)
		}
		h.Caps = capsKey(h.Caps)
		h.Tail = tailKey(ws[i:e])
		if bKey < i {
			h.First = fold(ws[bKey].text)[:1]
			for _, w := range ws[bKey:i] {
				h.Given = append(h.Given, strings.ReplaceAll(fold(w.text), " ", ""))
			}
		}
		if h.Role == "" && len(out) > 0 {
			h.Role = out[len(out)-1].Role // "Captains Regent Matteo ROSSI and Lorenzo BUGLI"
		}
		if len(h.Caps) > 0 {
			h.Since = sinceAfter(base+ws[e-1].end, base+nextStart(ws, e, to), notes)
			out = append(out, h)
		}
		roleFrom, i = e, e-1
	}
	return out
}

func nextStart(ws []word, e, to int) int {
	for k := e; k < len(ws); k++ {
		if hasCapsPart(ws[k].text) {
			return ws[k].start
		}
	}
	return to + 1
}

// coChiefs is the label some editions put before co-holders' titles.
var coChiefs = regexp.MustCompile(`(?i)^co-?chiefs of state:?\s*`)

// roleText is the title before a name, without labels, honorifics and
// joiners.
func roleText(ws []word) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, w.text)
	}
	parts = strings.Fields(coChiefs.ReplaceAllString(strings.Join(parts, " "), ""))
	// The title is the run of title words before the name; what comes
	// before it is prose ("on 13 November 2022 President").
	for k := len(parts) - 1; k >= 0; k-- {
		if w := parts[k]; strings.ContainsAny(w, "0123456789") || isProse(w) {
			parts = parts[k+1:]
			break
		}
	}
	for len(parts) > 0 && (honorific[strings.ToLower(parts[len(parts)-1])] || joiner[strings.ToLower(parts[len(parts)-1])]) {
		parts = parts[:len(parts)-1]
	}
	for len(parts) > 0 && joiner[strings.ToLower(parts[0])] {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

var sinceDate = regexp.MustCompile(`since (?:(\d{1,2}|NA) )?(?:(January|February|March|April|May|June|July|August|September|October|November|December) )?(\d{4})`)

// sinceAfter reads the first "since" date of the notes between from and to.
func sinceAfter(from, to int, notes []note) string {
	for _, n := range notes {
		if n.at < from || n.at >= to {
			continue
		}
		m := sinceDate.FindStringSubmatch(n.text)
		if m == nil {
			continue
		}
		d := m[3]
		if m[2] != "" {
			d += "-" + monthNumber(m[2])
			if m[1] != "" && m[1] != "NA" {
				d += "-" + pad2(m[1])
			}
		}
		return d
	}
	return ""
}

func monthNumber(m string) string {
	for i, name := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"} {
		if name == m {
			return fmt.Sprintf("%02d", i+1)
		}
	}
	return ""
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
