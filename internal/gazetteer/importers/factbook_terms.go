package importers

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// fbTerm is one person's term in one office, merged from the editions that
// name them one after the other.
type fbTerm struct {
	country, office string
	key             string         // holderKey of the first edition
	latest          FactbookHolder // as the latest edition names the person
	forms           [][]string     // the name as written, one per edition
	roles           []string       // the title as written, one per edition that gives one
	years           []int          // the editions naming the person
	sinces          []string       // the "since" dates the editions give
	successors      []*fbTerm      // the new holders of the edition after the last
	successorStarts []string       // their starts as that edition gave them
	start, end      string
}

func (t *fbTerm) add(h FactbookHolder, year int) {
	t.latest = h
	t.forms = append(t.forms, h.Words)
	if h.Role != "" {
		t.roles = append(t.roles, h.Role)
	}
	t.years = append(t.years, year)
	if h.Since != "" {
		t.sinces = append(t.sinces, h.Since)
		if t.start == "" || h.Since < t.start {
			t.start = h.Since
		}
	}
}

func (t *fbTerm) last() int { return t.years[len(t.years)-1] }

// latestSince is the latest "since" date the term's editions give (its
// start when they give none).
func (t *fbTerm) latestSince() string {
	out := t.start
	for _, s := range t.sinces {
		if periodStart(s) > periodStart(out) {
			out = s
		}
	}
	return out
}

// buildTerms merges one office's editions into terms. latest is the newest
// edition of the whole file: a person it names is still in office. same,
// when set, says whether two holder keys are one person (the identities).
func buildTerms(country, office string, eds []edition, latest int, same func(a, b string) bool) []fbTerm {
	var closed, open []*fbTerm
	for _, ed := range eds {
		var next, fresh []*fbTerm
		for _, h := range ed.holders {
			key := holderKey(h)
			if containsKey(next, key) {
				continue // named twice in one entry
			}
			t := continuing(open, h, ed.year, same)
			if t == nil && h.Since != "" && implausibleSince(open, h.Since) {
				h.Since = ""
			}
			if t == nil {
				t = &fbTerm{country: country, office: office, key: key}
				fresh = append(fresh, t)
			} else {
				open = remove(open, t)
			}
			t.add(h, ed.year)
			next = append(next, t)
		}
		for _, t := range open {
			t.successors = fresh
			for _, f := range fresh {
				t.successorStarts = append(t.successorStarts, f.start)
			}
			closed = append(closed, t)
		}
		open = next
	}
	// Ends are set once every term is complete: a successor's start may
	// come from a later edition ("acting president since 31 December 1999").
	for _, t := range closed {
		t.end = endOf(t)
	}
	for _, t := range open {
		if t.last() != latest {
			t.end = strconv.Itoa(t.last())
		}
	}
	done := make([]fbTerm, 0, len(closed)+len(open))
	for _, t := range append(closed, open...) {
		done = append(done, *t)
	}
	for i := range done {
		t := &done[i]
		if t.start == "" {
			t.start = strconv.Itoa(t.years[0])
		}
		if t.end != "" && periodEnd(t.end) < periodStart(t.start) {
			t.end = strconv.Itoa(t.last())
		}
		if t.end != "" && periodEnd(t.end) < periodStart(t.start) {
			t.end = t.start[:4] // an edition that already gave next year's start
		}
	}
	return done
}

// implausibleSince: a term of the previous edition began after d, or the
// previous edition still named a holder who would have left before d, so
// d cannot be when the new holder began ("since 23 June 2005" for a prime
// minister of 2025; "since 1 February 1991" for one of 2001).
func implausibleSince(open []*fbTerm, d string) bool {
	for _, t := range open {
		if t.start != "" && periodStart(t.start) > periodEnd(d) || periodEnd(d) < strconv.Itoa(t.last()-1) {
			return true
		}
	}
	return false
}

func containsKey(ts []*fbTerm, key string) bool {
	for _, t := range ts {
		if t.key == key {
			return true
		}
	}
	return false
}

func remove(ts []*fbTerm, t *fbTerm) []*fbTerm {
	out := ts[:0:0]
	for _, o := range ts {
		if o != t {
			out = append(out, o)
		}
	}
	return out
}

// continuing finds the open term (named by the previous edition) that h
// continues: the same capitalised words, or spellings one letter apart
// (ASAD, ASSAD). Across the 2018-2020 gap, a "since" date after the last
// edition that named the person starts a new term.
func continuing(open []*fbTerm, h FactbookHolder, year int, same func(a, b string) bool) *fbTerm {
	key := holderKey(h)
	var found *fbTerm
	for _, t := range open {
		if t.key == key {
			found = t
			break
		}
	}
	if found == nil {
		for _, t := range open {
			if sameHolder(t.latest, h) || same != nil && same(t.key, holderKey(h)) {
				found = t
				break
			}
		}
	}
	if found == nil {
		return nil
	}
	if year-found.last() > 1 && h.Since != "" && h.Since[:4] > strconv.Itoa(found.last()) {
		return nil
	}
	if h.Since != "" && found.start != "" && periodStart(h.Since) > periodEnd(found.latestSince()) && h.Since[:4] >= strconv.Itoa(found.last()) {
		return nil // a new holder of the same name: Jigme Khesar Namgyel after Jigme Singye WANGCHUCK
	}
	return found
}

// holderKey identifies a holder within a country: the given names, the
// capitalised words and the words after them (Valeria and Manuel CIAVATTA,
// Jigme Singye and Jigme Khesar Namgyel WANGCHUCK are two people each).
func holderKey(h FactbookHolder) string {
	return strings.Join(slices.Concat(h.Given, h.Caps, h.Tail), " ")
}

// sameHolder: the capitalised words are the same, or one letter apart
// (ASAD, ASSAD; PE A NIETO, PENA NIETO), and the words after them agree
// the same way or begin alike (Al-Maktum, Al-Maktoum).
func sameHolder(o, h FactbookHolder) bool {
	first, caps, tail := o.First, strings.Join(o.Caps, ""), strings.Join(o.Tail, "")
	hc, ht := strings.Join(h.Caps, ""), strings.Join(h.Tail, "")
	if h.First != "" && first != "" && h.First != first {
		return false
	}
	if ht != tail && ht != "" && tail != "" && !OneEdit(ht, tail) && !(len(h.Tail) > 0 && strings.HasPrefix(tail, h.Tail[0])) {
		return false
	}
	if h.First != "" && h.First == first && len(h.Caps) > 0 && strings.HasSuffix(caps, h.Caps[len(h.Caps)-1]) {
		return true // Luiz Inacio LULA DA SILVA, Luiz Inacio "Lula" DA SILVA
	}
	return hc == caps || len(hc) >= 4 && len(caps) >= 4 && OneEdit(hc, caps)
}

// OneEdit reports one insertion, deletion, substitution or swap of
// neighbouring letters between a and b (RODRIGEUZ, RODRIGUEZ): the
// spellings of one name in two editions. The Factbook tests forgive the
// same.
func OneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:]
	}
	swapped := i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	return i == len(a) || a[i+1:] == b[i+1:] || swapped
}

// endOf is where a term ends that the next edition no longer names: the
// earliest start of a new holder after the term's start — as later
// editions give it ("acting president since 31 December 1999"), else as
// that edition gave it when a later one moves it before the term (a
// co-prime minister who had held the office before) —, else the end of the
// last edition's year (buildTerms makes sure the end is not before the
// start).
func endOf(t *fbTerm) string {
	end := ""
	for i, f := range t.successors {
		s := f.start // set from "since" dates only, so far
		if s == "" || periodStart(s) <= periodStart(t.start) {
			s = t.successorStarts[i]
		}
		if s != "" && periodStart(s) > periodStart(t.start) && (end == "" || s < end) {
			end = s
		}
	}
	if end == "" {
		end = strconv.Itoa(t.last())
	}
	return end
}

// periodStart and periodEnd pad a partial date to the first or last day
// it can mean, for comparisons as strings.
func periodStart(d string) string { return pad(d, "-01-01") }
func periodEnd(d string) string   { return pad(d, "-12-31") }

func pad(d, tail string) string {
	if len(d) < 4 || len(d) > 10 {
		return d
	}
	return d + tail[len(d)-4:]
}

// dropSameAsHeadOfState drops the head-of-government terms of a president
// who is also head of government (the United States, Switzerland): the
// head-of-state term already says it.
func dropSameAsHeadOfState(terms []fbTerm, st *Stats) []fbTerm {
	hos := map[string][]int{}
	for _, t := range terms {
		if t.office == gazetteer.OfficeHeadOfState {
			k := t.country + "\x00" + t.key
			hos[k] = append(hos[k], t.years...)
		}
	}
	out := terms[:0:0]
	for _, t := range terms {
		if t.office == gazetteer.OfficeHeadOfGovernment && coveredBy(t.years, hos[t.country+"\x00"+t.key]) {
			st.skip("head-of-government term of the head of state (terms, not records)")
			continue
		}
		out = append(out, t)
	}
	return out
}

func coveredBy(ys, by []int) bool {
	for _, y := range ys {
		found := false
		for _, b := range by {
			found = found || b == y
		}
		if !found {
			return false
		}
	}
	return len(by) > 0
}
