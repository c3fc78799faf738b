package gazetteer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// The G20 members (the African Union, a member since 2023, is left out:
// it has none of these offices) whose ministers and central-bank heads
// issue 8 asks for, 1980 to today.
var g20 = []struct{ code, name string }{
	{"AR", "Argentina"}, {"AU", "Australia"}, {"BR", "Brazil"}, {"CA", "Canada"},
	{"CN", "China"}, {"FR", "France"}, {"DE", "Germany"}, {"IN", "India"},
	{"ID", "Indonesia"}, {"IT", "Italy"}, {"JP", "Japan"}, {"MX", "Mexico"},
	{"RU", "Russia"}, {"SA", "Saudi Arabia"}, {"ZA", "South Africa"},
	{"KR", "South Korea"}, {"TR", "Turkey"}, {"GB", "United Kingdom"},
	{"US", "United States"}, {"EU", "European Union"},
}

var coverageOffices = []string{"foreign", "finance", "defence", "interior", "central_bank"}

const (
	coverageFrom = 1980
	coverageTo   = 2026
	// heldFrom: from this year on every office not exempt below must be
	// covered on 1 July of every year, but for knownGaps (a regression
	// test: the rows were filled to it in 2026-12).
	heldFrom = 2020
)

// coverageExempt lists the offices a country does not have in the sense
// the gazetteer's office codes give them (FORMAT.md, roles.tsv), with the
// reason. They are logged but never required.
var coverageExempt = map[string]map[string]string{
	"US": {
		// roles.tsv: the Secretary of Homeland Security and the Secretary
		// of the Interior (public lands) are office "other"; the US has no
		// interior-police ministry.
		"interior": "no interior-police ministry: Homeland Security and the Interior Department are office other",
	},
	"BR": {
		// The police and public security are the Ministry of Justice's
		// (office other in roles.tsv); the Ministry of the Interior (to
		// 1990) and its successors run regional development.
		"interior": "no interior-police ministry: Justice and Public Security is office other",
	},
	"JP": {
		// Home Affairs (to 2001), Internal Affairs and Communications (from
		// 2001) run local government, the National Public Safety Commission
		// the police: ministers-current.tsv left the choice open.
		"interior": "no single interior minister: local government and police are separate offices (not settled)",
	},
	"EU": {
		"finance":  "no finance minister (the Eurogroup president and the economy commissioner are office other)",
		"defence":  "no defence minister",
		"interior": "no interior minister",
	},
}

// officeSince gives the first year (on 1 July) an office exists where it
// was created after 1980; earlier years are neither gaps nor counted.
var officeSince = map[string]map[string]struct {
	year   int
	reason string
}{
	"AU": {"interior": {2018, "the Home Affairs portfolio created 2017-12"}},
	"BR": {"defence": {1999, "Ministry of Defence created 1999-06; before, a minister for each service"}},
	"CA": {"interior": {2004, "Public Safety created 2003-12; before, the Solicitor General"}},
	"EU": {
		"foreign":      {2000, "High Representative from 1999-10"},
		"central_bank": {1994, "European Monetary Institute from 1994-01, the ECB from 1998-06"},
	},
}

// knownGaps are the years from heldFrom on that no row covers because the
// holder, or a date, was not certain when the rows were written (a wrong
// fact is worse than a gap). The test fails on any other gap, and says so
// when a known gap has been filled, so that this list only shrinks.
var knownGaps = map[string]map[string]struct {
	years  []int
	reason string
}{
	"AR": {
		"defence":  {[]int{2026}, "Luis Petri's successor (from 2025-12) not certain"},
		"interior": {[]int{2024, 2025, 2026}, "the interior portfolio's holders under Milei from 2024 not certain"},
	},
	"MX": {
		"foreign": {[]int{2023}, "between Ebrard's resignation (2023-06-12) and Bárcena (2023-07-03): no certain holder"},
	},
	"ZA": {
		"foreign":  {[]int{2024}, "the outgoing ministers are listed to 2024-06, the new cabinet from its swearing-in on 2024-07-03"},
		"defence":  {[]int{2024}, "as foreign"},
		"interior": {[]int{2024}, "as foreign"},
	},
	"KR": {
		"finance":  {[]int{2025}, "acting ministers between Choi Sang-mok (to 2025-05-01) and Koo Yun-cheol (from 2025-07-21) not listed"},
		"interior": {[]int{2020, 2021, 2025, 2026}, "holders before Lee Sang-min and after him not certain"},
	},
	"US": {
		"central_bank": {[]int{2026}, "Jerome Powell's successor as chair (from 2026-05) not certain"},
	},
}

// isHead reports whether a term is the office itself rather than a deputy
// or board member (the Federal Reserve's governors and vice chairs, the
// ECB's executive board are office central_bank too).
func isHead(role string) bool {
	for _, p := range []string{"Member ", "Vice", "Deputy", "Chief Economist", "Shadow", "State Minister", "Minister of State"} {
		if strings.HasPrefix(role, p) {
			return false
		}
	}
	return true
}

// TestMinisterCoverage logs, for every G20 member and each of the offices
// foreign, finance, defence, interior and central_bank, how many of the
// years 1980-2026 have a built-in term in office on 1 July, and the gaps.
// It fails only where an office that is not exempt has a gap from heldFrom
// on that knownGaps does not list, or a listed gap is filled. Run alone
// with `go test ./internal/gazetteer -run MinisterCoverage -v`.
func TestMinisterCoverage(t *testing.T) {
	g := builtin(t)
	type key struct{ country, office string }
	covered := map[key]map[int]bool{}
	for _, p := range g.People {
		for _, term := range p.Terms {
			if !isHead(term.Role) {
				continue
			}
			k := key{term.Country, term.Office}
			for y := coverageFrom; y <= coverageTo; y++ {
				if term.ActiveOn(time.Date(y, time.July, 1, 0, 0, 0, 0, time.UTC)) {
					if covered[k] == nil {
						covered[k] = map[int]bool{}
					}
					covered[k][y] = true
				}
			}
		}
	}
	total := coverageTo - coverageFrom + 1
	recentYears := coverageTo - heldFrom + 1
	var b strings.Builder
	fmt.Fprintf(&b, "coverage on 1 July, %d-%d (%d years); recent = %d-%d\n", coverageFrom, coverageTo, total, heldFrom, coverageTo)
	fmt.Fprintf(&b, "%-3s %-13s %-6s %-7s %s\n", "cc", "office", "years", "recent", "gaps")
	var sumAll, sumPossible, sumRecent, cells int
	for _, c := range g20 {
		for _, office := range coverageOffices {
			years := covered[key{c.code, office}]
			since, hasSince := officeSince[c.code][office]
			first := coverageFrom
			if hasSince {
				first = since.year
			}
			var gaps []int
			have, recent := 0, 0
			for y := first; y <= coverageTo; y++ {
				switch {
				case !years[y]:
					gaps = append(gaps, y)
				case y >= heldFrom:
					recent++
					have++
				default:
					have++
				}
			}
			possible := coverageTo - first + 1
			reason, exempt := coverageExempt[c.code][office]
			note := yearRanges(gaps)
			if exempt {
				note = "exempt (" + reason + ")"
				if len(gaps) < possible {
					note += "; gaps " + yearRanges(gaps)
				}
			} else {
				cells++
				sumAll += have
				sumPossible += possible
				sumRecent += recent
			}
			if hasSince {
				note = strings.TrimSpace(fmt.Sprintf("no office before %d (%s) %s", since.year, since.reason, note))
			}
			fmt.Fprintf(&b, "%-3s %-13s %2d/%d  %d/%d    %s\n", c.code, office, have, possible, recent, recentYears, note)
			if exempt {
				continue
			}
			known := knownGaps[c.code][office]
			var missing, filled []int
			for y := heldFrom; y <= coverageTo; y++ {
				switch {
				case !years[y] && !slices.Contains(known.years, y):
					missing = append(missing, y)
				case years[y] && slices.Contains(known.years, y):
					filled = append(filled, y)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s (%s) %s: no term covers 1 July of %s", c.name, c.code, office, yearRanges(missing))
			}
			if len(filled) > 0 {
				t.Errorf("%s (%s) %s: %s now covered: drop it from knownGaps", c.name, c.code, office, yearRanges(filled))
			}
			if len(known.years) > 0 {
				fmt.Fprintf(&b, "    known gap %s: %s\n", yearRanges(known.years), known.reason)
			}
		}
	}
	fmt.Fprintf(&b, "not exempt: %d country-offices, %d/%d years covered, %d/%d recent\n",
		cells, sumAll, sumPossible, sumRecent, cells*recentYears)
	t.Log("\n" + b.String())
}
