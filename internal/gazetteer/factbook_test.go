package gazetteer_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// factbookYears are the editions whose executive entries can be compared:
// 2018-2020 have empty fields and 1990-93 use another layout.
func factbookYears() []int {
	var ys []int
	for y := 1994; y <= 2025; y++ {
		if y < 2018 || y > 2020 {
			ys = append(ys, y)
		}
	}
	return ys
}

// minDays is how much of a year a term must cover before the Factbook
// edition of that year is expected to name its holder: editions were
// written at different times of the year, so a holder of a few months may
// legitimately be missing.
const minDays = 300

type headTerm struct {
	person gazetteer.Person
	term   gazetteer.Term
	tokens map[string]bool
}

// factbookReport is the outcome of comparing one gazetteer with the Factbook.
type factbookReport struct {
	countries, compared, agreed, blank, reverse, excused int
	failures                                             map[string][]int // message → years
	missingElsewhere                                     map[string]bool  // countries without head terms
}

// TestFactbookHeads compares our heads of state and government with the CIA
// World Factbook, both ways. Documented exceptions live in
// data/people/factbook-exceptions.tsv. Run alone with
// `go test ./internal/gazetteer -run Factbook -v`.
func TestFactbookHeads(t *testing.T) {
	fb := readFactbook(t, sharedData(t, "factbook/executives-1990-2025.jsonl"))
	exc := readExceptions(t, "data/people/factbook-exceptions.tsv")
	r := compareFactbook(builtin(t), fb, exc)
	if r.countries == 0 {
		t.Fatal("the built-in gazetteer has no head_of_state/head_of_government terms: the embedded data is broken")
	}
	t.Logf("factbook: %d countries with head terms; ours→Factbook %d term-years compared, %d agree, %d not comparable (no Factbook entry); Factbook→ours %d names checked; %d excused by factbook-exceptions.tsv; %d disagreements in %d groups; %d countries without head terms yet",
		r.countries, r.compared, r.agreed, r.blank, r.reverse, r.excused, sumLen(r.failures), len(r.failures), len(r.missingElsewhere))
	for _, e := range exc.unused() {
		t.Logf("factbook-exceptions.tsv:%d (%s %s %s) was not needed", e.line, e.country, e.years, e.surname)
	}
	for _, k := range slices.Sorted(maps.Keys(r.failures)) {
		t.Errorf("%s %s", k, yearRanges(r.failures[k]))
	}
}

// TestFactbookChecker runs the comparison on a small fixture of our own with
// one planted mistake, so the checker itself is known to work before the
// built-in data is complete.
func TestFactbookChecker(t *testing.T) {
	fb := readFactbook(t, sharedData(t, "factbook/executives-1990-2025.jsonl"))
	g, err := gazetteer.LoadFiles("testdata/heads.tsv")
	if err != nil {
		t.Fatal(err)
	}
	r := compareFactbook(g, fb, readExceptions(t, "testdata/factbook-exceptions.tsv"))
	for k, ys := range r.failures {
		t.Logf("%s %s", k, yearRanges(ys))
	}
	want := []string{
		"RU: ours Mikhail Kasyanov (head_of_state",           // the planted mistake
		"RU: the Factbook names MISHUSTIN, missing from our", // not in the fixture
	}
	for _, w := range want {
		if !slices.ContainsFunc(slices.Collect(maps.Keys(r.failures)), func(k string) bool { return strings.HasPrefix(k, w) }) {
			t.Errorf("no failure starting %q", w)
		}
	}
	for k := range r.failures {
		if strings.Contains(k, "ours Vladimir Putin") || strings.Contains(k, "ours Dmitry Medvedev") || strings.Contains(k, "ours Boris Yeltsin") ||
			strings.Contains(k, "PUTIN, missing") || strings.Contains(k, "MEDVEDEV, missing") || strings.Contains(k, "CHERNOMYRDIN") {
			t.Errorf("unexpected failure: %s %v", k, r.failures[k])
		}
	}
	if r.excused == 0 || r.agreed < 20 {
		t.Errorf("excused %d, agreed %d: want the fixture's exception used and Putin/Medvedev/Yeltsin years agreed", r.excused, r.agreed)
	}
}

func compareFactbook(g *gazetteer.Gazetteer, fb map[countryYear]factbookRow, exc exceptions) factbookReport {
	heads := map[string][]headTerm{}
	for _, p := range g.People {
		toks := personTokens(p)
		for _, term := range p.Terms {
			if (term.Office == gazetteer.OfficeHeadOfState || term.Office == gazetteer.OfficeHeadOfGovernment) && !gazetteer.IsOrgCode(term.Country) {
				heads[term.Country] = append(heads[term.Country], headTerm{p, term, toks})
			}
		}
	}
	r := factbookReport{countries: len(heads), failures: map[string][]int{}, missingElsewhere: map[string]bool{}}
	if len(heads) == 0 {
		return r
	}
	// entry gives the parsed principals of one field of one edition.
	entry := func(country string, year int, field string) [][][]string {
		row, ok := fb[countryYear{Country: country, Year: year}]
		e := row.Chief
		if field == "head_of_government" {
			e = row.HeadOfGov
		}
		if !ok || e == nil {
			return nil
		}
		return principals(*e)
	}
	// nearest finds the closest edition before (step -1) or after (step 1)
	// year that has an entry, across the 2018-2020 gap.
	nearest := func(country string, year, step int, field string) [][][]string {
		for y := year + step; y >= 1994 && y <= 2025 && y != year+5*step; y += step {
			if e := entry(country, y, field); len(e) > 0 {
				return e
			}
		}
		return nil
	}
	for _, country := range slices.Sorted(maps.Keys(heads)) {
		for _, h := range heads[country] {
			r.forward(h, country, entry, nearest, exc)
		}
	}
	r.backward(heads, fb, exc)
	return r
}

// forward checks ours → Factbook: a holder of at least minDays of a year
// must be named in that year's edition. Editions were compiled at varying
// times, from the start of the year to the first months of the next, so a
// term that ends during the year (or early in the next) may show in the
// edition before instead, and one that starts during the year in the edition
// after.
func (r *factbookReport) forward(h headTerm, country string, entry func(string, int, string) [][][]string,
	nearest func(string, int, int, string) [][][]string, exc exceptions) {
	field := "chief_of_state"
	if h.term.Office == gazetteer.OfficeHeadOfGovernment {
		field = "head_of_government"
	}
	named := func(parts [][][]string) bool {
		return slices.ContainsFunc(allNames(parts), func(n []string) bool { return matches(n, h.tokens) })
	}
	for _, y := range factbookYears() {
		if daysCovered(h.term, y) < minDays {
			continue
		}
		parts := entry(country, y, field)
		if len(parts) == 0 {
			r.blank++
			continue
		}
		r.compared++
		endsIn := !h.term.End.IsZero() && h.term.End.Before(time.Date(y+1, 7, 1, 0, 0, 0, 0, time.UTC))
		startsIn := !h.term.Start.IsZero() && h.term.Start.Year() == y
		switch {
		case named(parts), endsIn && named(nearest(country, y, -1, field)), startsIn && named(nearest(country, y, 1, field)):
			r.agreed++
		case exc.excuse(country, y, h.tokens, allNames(parts)):
			r.excused++
		default:
			key := fmt.Sprintf("%s: ours %s (%s, %s:%d) but the Factbook's %s names %s in",
				country, h.person.Name, h.term.Office, h.term.Pos.File, h.term.Pos.Line, field, joinNames(allNames(parts)))
			r.failures[key] = append(r.failures[key], y)
		}
	}
}

// backward checks Factbook → ours: the holder an edition names must be
// among our head terms of that country within half a year of the edition's
// year (see forward for why). Countries without any head term of ours are
// work not yet done, so they are only counted.
func (r *factbookReport) backward(heads map[string][]headTerm, fb map[countryYear]factbookRow, exc exceptions) {
	years := factbookYears()
	for _, cy := range slices.SortedFunc(maps.Keys(fb), func(a, b countryYear) int {
		return cmpOr(strings.Compare(a.Country, b.Country), a.Year-b.Year)
	}) {
		if !slices.Contains(years, cy.Year) {
			continue
		}
		row := fb[cy]
		seen := map[string]bool{}
		for _, e := range []*string{row.Chief, row.HeadOfGov} {
			if e == nil || len(principals(*e)) == 0 {
				continue
			}
			first := principals(*e)[0] // the holder, or co-holders named together
			label := joinNames(first)
			if seen[label] {
				continue
			}
			seen[label] = true
			r.reverse++
			from := time.Date(cy.Year-1, 7, 1, 0, 0, 0, 0, time.UTC)
			to := time.Date(cy.Year+1, 6, 30, 0, 0, 0, 0, time.UTC)
			if slices.ContainsFunc(heads[cy.Country], func(h headTerm) bool {
				return h.term.Overlaps(from, to) && slices.ContainsFunc(first, func(n []string) bool { return matches(n, h.tokens) })
			}) {
				continue
			}
			if exc.excuse(cy.Country, cy.Year, nil, first) {
				r.excused++
				continue
			}
			if len(heads[cy.Country]) == 0 {
				r.missingElsewhere[cy.Country] = true
				continue
			}
			key := fmt.Sprintf("%s: the Factbook names %s, missing from our head terms in", cy.Country, label)
			r.failures[key] = append(r.failures[key], cy.Year)
		}
	}
}
