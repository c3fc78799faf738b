package gazetteer_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/gazetteer/importers"
)

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

func sumLen(m map[string][]int) int {
	n := 0
	for _, v := range m {
		n += len(v)
	}
	return n
}

func joinNames(names [][]string) string {
	var out []string
	for _, n := range names {
		out = append(out, strings.ToUpper(strings.Join(n, " ")))
	}
	return strings.Join(out, ", ")
}

// yearRanges prints 1994 1995 1996 2001 as "1994-1996, 2001".
func yearRanges(ys []int) string {
	slices.Sort(ys)
	return strings.ReplaceAll(importers.YearRanges(ys), ",", ", ")
}

func daysCovered(term gazetteer.Term, y int) int {
	from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	if !term.Start.IsZero() && term.Start.After(from) {
		from = term.Start
	}
	if !term.End.IsZero() && term.End.Before(to) {
		to = term.End
	}
	if to.Before(from) {
		return 0
	}
	return int(to.Sub(from).Hours()/24) + 1
}

// personTokens are the folded words of a person's name and aliases, with
// hyphenated words also split and joined ("Schneider-Ammann") and
// neighbouring words joined ("Tui Atua" for the Factbook's TUIATUA).
func personTokens(p gazetteer.Person) map[string]bool {
	toks := map[string]bool{}
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		words := strings.Fields(fold(n))
		for i, w := range words {
			toks[w] = true
			toks[strings.ReplaceAll(w, "-", "")] = true
			for _, part := range strings.Split(w, "-") {
				toks[part] = true
			}
			if i > 0 {
				toks[strings.ReplaceAll(words[i-1]+w, "-", "")] = true
			}
		}
	}
	delete(toks, "")
	return toks
}

// matches compares a Factbook name (its capitalised words) with a person's
// words. It forgives what transliteration and the archive's damaged letters
// do to names: one edit or swap in words of four letters or more (ASAD and
// Assad; AR VALO for Arévalo), and a longer word containing the other
// (ILOILOVATU for Iloilo, KELEKELE for Mataskelekele).
func matches(name []string, toks map[string]bool) bool {
	if len(name) > 1 {
		// "AR VALO" for ARÉVALO: one lost letter between the fragments.
		pattern := strings.Join(name, "?")
		for tok := range toks {
			if wildcardMatch(pattern, tok) {
				return true
			}
		}
	}
	cands := []string{strings.Join(name, "")}
	for _, w := range name {
		if len(w) > 1 {
			cands = append(cands, w)
		}
	}
	for _, w := range cands {
		if toks[w] {
			return true
		}
		for tok := range toks {
			if len(w) >= 4 && len(tok) >= 4 && importers.OneEdit(w, tok) {
				return true
			}
			if len(w) >= 5 && len(tok) >= 5 && (strings.Contains(w, tok) || strings.Contains(tok, w)) {
				return true
			}
		}
	}
	return false
}

// wildcardMatch matches pattern, where each ? stands for one letter.
func wildcardMatch(pattern, s string) bool {
	p, r := []rune(pattern), []rune(s)
	if len(p) != len(r) {
		return false
	}
	for i := range p {
		if p[i] != '?' && p[i] != r[i] {
			return false
		}
	}
	return true
}

// exception is one row of factbook-exceptions.tsv.
type exception struct {
	country, years, surname, why string
	from, to, line               int
	used                         bool
}

type exceptions []*exception

func readExceptions(t *testing.T, path string) exceptions {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("exceptions list: %v", err)
	}
	var out exceptions
	header := false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != "country\tyear\tsurname\twhy" {
				t.Fatalf("%s:%d: header must be country, year, surname, why", path, i+1)
			}
			header = true
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 4 || c[0] == "" || c[2] == "" || strings.TrimSpace(c[3]) == "" {
			t.Fatalf("%s:%d: want 4 columns country, year, surname, why (why is required)", path, i+1)
		}
		e := &exception{country: c[0], years: c[1], surname: fold(c[2]), why: c[3], line: i + 1, from: 0, to: 9999}
		if c[1] != "*" {
			a, b, _ := strings.Cut(c[1], "-")
			var err1, err2 error
			e.from, err1 = strconv.Atoi(a)
			e.to, err2 = e.from, nil
			if b != "" {
				e.to, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || e.to < e.from {
				t.Fatalf("%s:%d: year must be YYYY, YYYY-YYYY or *", path, i+1)
			}
		}
		out = append(out, e)
	}
	return out
}

// excuse reports whether an exception covers a disagreement about ours (a
// person's words) or theirs (the Factbook's names) in that country and year.
func (es exceptions) excuse(country string, year int, ours map[string]bool, theirs [][]string) bool {
	for _, e := range es {
		if (e.country != "*" && e.country != country) || year < e.from || year > e.to {
			continue
		}
		hit := ours[e.surname] || slices.ContainsFunc(theirs, func(n []string) bool {
			return slices.Contains(n, e.surname) || strings.Join(n, " ") == e.surname
		})
		if hit {
			e.used = true
			return true
		}
	}
	return false
}

func (es exceptions) unused() []*exception {
	var out []*exception
	for _, e := range es {
		if !e.used {
			out = append(out, e)
		}
	}
	return out
}
