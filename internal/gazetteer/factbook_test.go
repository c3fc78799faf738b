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
		t.Skip("skipped: no built-in head_of_state/head_of_government terms yet")
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
	years := factbookYears()

	// Ours → Factbook: every term-year we claim must be the Factbook's.
	for _, country := range slices.Sorted(maps.Keys(heads)) {
		for _, h := range heads[country] {
			field := "chief_of_state"
			if h.term.Office == gazetteer.OfficeHeadOfGovernment {
				field = "head_of_government"
			}
			for _, y := range years {
				if daysCovered(h.term, y) < minDays {
					continue
				}
				row, ok := fb[countryYear{country, y}]
				entry := row.Chief
				if field == "head_of_government" {
					entry = row.HeadOfGov
				}
				if !ok || entry == nil || len(principals(*entry)) == 0 {
					r.blank++
					continue
				}
				r.compared++
				names := principals(*entry)
				if slices.ContainsFunc(names, func(n []string) bool { return matches(n, h.tokens) }) {
					r.agreed++
					continue
				}
				if exc.excuse(country, y, h.tokens, names) {
					r.excused++
					continue
				}
				key := fmt.Sprintf("%s: ours %s (%s, %s:%d) but the Factbook's %s names %s in",
					country, h.person.Name, h.term.Office, h.term.Pos.File, h.term.Pos.Line, field, joinNames(names))
				r.failures[key] = append(r.failures[key], y)
			}
		}
	}

	// Factbook → ours: whom the Factbook names must be among our terms of
	// that year. Countries without any head term of ours are work not yet
	// done, so they are only counted.
	for _, cy := range slices.SortedFunc(maps.Keys(fb), func(a, b countryYear) int {
		return cmpOr(strings.Compare(a.country, b.country), a.year-b.year)
	}) {
		if !slices.Contains(years, cy.year) {
			continue
		}
		row := fb[cy]
		seen := map[string]bool{}
		for _, entry := range []*string{row.Chief, row.HeadOfGov} {
			if entry == nil || len(principals(*entry)) == 0 {
				continue
			}
			first := principals(*entry)[0]
			name := strings.Join(first, " ")
			if seen[name] {
				continue
			}
			seen[name] = true
			r.reverse++
			from := time.Date(cy.year, 1, 1, 0, 0, 0, 0, time.UTC)
			to := time.Date(cy.year, 12, 31, 0, 0, 0, 0, time.UTC)
			if slices.ContainsFunc(heads[cy.country], func(h headTerm) bool { return h.term.Overlaps(from, to) && matches(first, h.tokens) }) {
				continue
			}
			if exc.excuse(cy.country, cy.year, nil, [][]string{first}) {
				r.excused++
				continue
			}
			if len(heads[cy.country]) == 0 {
				r.missingElsewhere[cy.country] = true
				continue
			}
			key := fmt.Sprintf("%s: the Factbook names %s, missing from our head terms in", cy.country, strings.ToUpper(name))
			r.failures[key] = append(r.failures[key], cy.year)
		}
	}

	return r
}
