package importers

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// FactbookIdentity is who a Factbook holder is elsewhere in the gazetteer:
// the id (a Wikidata QID where a hand-written row carried one), the usual
// English name and other forms.
type FactbookIdentity struct {
	ID, Name string
	Aliases  []string
}

// FactbookIdentities maps a country and a holder's folded capitalised words
// ("RU\tputin") to an identity.
type FactbookIdentities map[string]FactbookIdentity

// ReadFactbookIdentities reads a tab-separated table with the header
// `person_id name aliases country factbook`, where factbook is the holder's
// capitalised words as the importer folds them ("putin", "muhammad salman").
// Lines starting with # are comments.
func ReadFactbookIdentities(r io.Reader) (FactbookIdentities, error) {
	ids := FactbookIdentities{}
	sc := bufio.NewScanner(r)
	header := false
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		c := strings.Split(text, "\t")
		if !header {
			if text != "person_id\tname\taliases\tcountry\tfactbook" {
				return nil, fmt.Errorf("identities:%d: want the header person_id, name, aliases, country, factbook", line)
			}
			header = true
			continue
		}
		if len(c) != 5 || c[0] == "" || c[1] == "" || c[3] == "" || c[4] == "" {
			return nil, fmt.Errorf("identities:%d: want 5 columns, all but aliases filled", line)
		}
		k := c[3] + "\t" + c[4]
		if _, dup := ids[k]; dup {
			return nil, fmt.Errorf("identities:%d: %s %s listed twice", line, c[3], c[4])
		}
		var aliases []string
		if c[2] != "" {
			aliases = strings.Split(c[2], "|")
		}
		ids[k] = FactbookIdentity{ID: c[0], Name: c[1], Aliases: aliases}
	}
	return ids, sc.Err()
}

// same says whether two holder keys of one country are listed as one person.
func (ids FactbookIdentities) same(country string) func(a, b string) bool {
	return func(a, b string) bool {
		x, ok1 := ids[country+"\t"+a]
		y, ok2 := ids[country+"\t"+b]
		return ok1 && ok2 && x.ID == y.ID
	}
}

// personRows names every term's person: from the identities when listed,
// else the Factbook's most frequent spelling with the id nw:<slug>. One id
// has one name, as the people format requires.
func personRows(terms []fbTerm, ids FactbookIdentities) [][]string {
	type person struct {
		id, name string
		aliases  []string
	}
	groups := map[string][]int{} // country, key → terms
	for i, t := range terms {
		k := t.country + "\t" + t.key
		groups[k] = append(groups[k], i)
	}
	byTerm := make([]person, len(terms))
	names := map[string]string{} // id → name
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		forms := map[string]int{}
		for _, i := range groups[k] {
			for _, f := range terms[i].forms {
				if !hasFragment(f) {
					forms[displayName(f)]++
				}
			}
		}
		p := person{name: mostFrequent(forms)}
		if p.name == "" {
			p.name = displayName(terms[groups[k][0]].forms[0])
		}
		p.id = "nw:" + slug(p.name)
		if ident, ok := ids[k]; ok {
			p.id, p.name, p.aliases = ident.ID, ident.Name, slices.Clone(ident.Aliases)
		}
		if n, ok := names[p.id]; ok {
			p.name = n
		} else {
			names[p.id] = p.name
		}
		for _, f := range slices.Sorted(maps.Keys(forms)) {
			if f != p.name && !slices.Contains(p.aliases, f) {
				p.aliases = append(p.aliases, f)
			}
		}
		for _, i := range groups[k] {
			byTerm[i] = p
		}
	}
	rows := make([][]string, 0, len(terms))
	for i, t := range terms {
		p := byTerm[i]
		rows = append(rows, []string{p.id, p.name, list(p.aliases), termRole(t), t.office, t.country, t.start, t.end,
			"factbook " + YearRanges(t.years) + " " + t.country})
	}
	rows = mergeSameStart(rows)
	slices.SortFunc(rows, func(a, b []string) int {
		return cmp.Or(strings.Compare(a[5], b[5]), strings.Compare(a[6], b[6]), strings.Compare(a[4], b[4]), strings.Compare(a[0], b[0]))
	})
	return rows
}

// mergeSameStart merges the rows of one person, role, country and start
// (two terms of one person that the identities joined, or a term split by
// a later "since" date): the people format allows one.
func mergeSameStart(rows [][]string) [][]string {
	byKey := map[string]int{}
	out := rows[:0:0]
	for _, r := range rows {
		k := strings.Join([]string{r[0], r[3], r[5], r[6]}, "\x00")
		i, ok := byKey[k]
		if !ok {
			byKey[k] = len(out)
			out = append(out, r)
			continue
		}
		m := out[i]
		if m[7] != "" && (r[7] == "" || periodEnd(r[7]) > periodEnd(m[7])) {
			m[7] = r[7]
		}
		m[8] = mergeSources(m[8], r[8])
	}
	return out
}

// mergeSources joins two "factbook YEARS CC" cells into one.
func mergeSources(a, b string) string {
	var ys []int
	for _, src := range []string{a, b} {
		f := strings.Fields(src)
		if len(f) < 3 {
			continue
		}
		for _, part := range strings.Split(f[1], ",") {
			from, to, _ := strings.Cut(part, "-")
			x, _ := strconv.Atoi(from)
			y := x
			if to != "" {
				y, _ = strconv.Atoi(to)
			}
			for ; x <= y; x++ {
				ys = append(ys, x)
			}
		}
	}
	slices.Sort(ys)
	ys = slices.Compact(ys)
	f := strings.Fields(a)
	return "factbook " + YearRanges(ys) + " " + f[2]
}

// hasFragment: a one-letter capital or a lower-case piece left where the
// archive lost an accented letter ("PE A NIETO", "Fran ois") makes a form
// unfit to show.
func hasFragment(words []string) bool {
	for i, w := range words {
		if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || i > 0 && lostLetterPiece(words[i-1], w) {
			return true
		}
	}
	return false
}

// mostFrequent picks the most frequent form, then the longest, then the
// first in order.
func mostFrequent(forms map[string]int) string {
	best := ""
	for _, f := range slices.Sorted(maps.Keys(forms)) {
		if best == "" || forms[f] > forms[best] || forms[f] == forms[best] && len(f) > len(best) {
			best = f
		}
	}
	return best
}

// termRole is the title the term's editions give most often (the latest
// on a tie), or the office's generic name when none gives one.
func termRole(t fbTerm) string {
	counts := map[string]int{}
	best := ""
	for _, r := range t.roles {
		counts[r]++
		if counts[r] >= counts[best] {
			best = r
		}
	}
	switch {
	case best != "":
		return best
	case t.office == gazetteer.OfficeHeadOfState:
		return "Head of State"
	}
	return "Head of Government"
}

// YearRanges writes the sorted years 1994 1995 1996 2001 as
// "1994-1996,2001", as the source column names editions.
func YearRanges(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, strconv.Itoa(ys[i]))
		} else {
			parts = append(parts, strconv.Itoa(ys[i])+"-"+strconv.Itoa(ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// writeFactbook writes the provenance, the people header with the source
// column, and the rows.
func writeFactbook(w io.Writer, rows [][]string, st *Stats) error {
	out := &tsvWriter{w: bufio.NewWriterSize(w, 64<<10), stats: st}
	for _, line := range []string{
		"Heads of state and government from the CIA World Factbook (US Government, public domain),",
		"generated by `newsworker import factbook` (make data): do not edit; hand-written rows go in heads-*.tsv.",
		"One row per term: consecutive editions naming the same person are merged; start is the",
		"Factbook's \"since\" date (else the first edition's year), end the next holder's start",
		"(else the last edition's year; empty while the latest edition names the person), or the start",
		"of a later holder in heads-*.tsv where the editions say nothing (2018-2020, after the latest)",
		"or lag behind; the source then says so. Territories are left out.",
	} {
		out.w.WriteString("# " + line + "\n")
	}
	out.w.WriteString(gazetteer.Header(gazetteer.KindPeople) + "\tsource\n")
	for _, r := range rows {
		if err := out.row(r...); err != nil {
			return err
		}
	}
	return out.flush()
}
