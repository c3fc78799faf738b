package importers

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestCAMEO(t *testing.T) {
	f, err := os.Open("testdata/cameo-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	st, err := CAMEO(f, &sb, testCountries())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"nw:vladimir-putin\tVladimir Putin\tVladimir Vladimirovich Putin\tGovernment official\tother\tRU\t1999-08-09\t2000-05-07",
		"nw:vladimir-putin\tVladimir Putin\tVladimir Vladimirovich Putin\tGovernment official\tother\tRU\t2008-05-08\t",
		"nw:boris-yeltsin\tBoris Yeltsin\tBoris N. Yeltsin\tGovernment official\tother\tRU\t1991-07-10\t1999-12-31",
		"nw:pavel-grachev\tPavel Grachev\t\tGovernment official (defence)\tdefence\tRU\t1992-05-18\t1996-06-17",
		"nw:nicolae-ceausescu\tNicolae Ceausescu\t\tGovernment official\tother\tRO\t1965-03-22\t1989-12-22",
		"nw:kofi-annan\tKofi Annan\tKofi Atta Annan\tUnited Nations official\tother\tUN\t1997-01-01\t2006-12-31",
		"nw:james-wolfensohn\tJames Wolfensohn\t\tWorld Bank official\tother\tWB\t1995-05-01\t2005-06-30",
		"nw:john-doe\tJohn Doe\t\tLegislator\tother\tUS\t1987-01-01\t1989-12-31",
		"nw:john-smith\tJohn Smith\t\tGovernment official\tother\tGB\t\t1997-05-02",
	}
	if got := rows(sb.String()); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantSkips := map[string]int{
		"no dated codes (a country, group or undated entry)": 2,
		"no dated code is an office":                         1,
		"code: elite period (not an office)":                 1,
		"code: undated":                                      1,
		"code: unknown country code XXX":                     1,
		"code: unreadable date":                              1,
		"code: end before start":                             1,
		"code: sector is not an office":                      1,
	}
	for reason, n := range wantSkips {
		if st.Skipped[reason] != n {
			t.Errorf("skipped[%q] = %d, want %d (%v)", reason, st.Skipped[reason], n, st)
		}
	}
	if st.Read != 11 || st.Written != len(want) {
		t.Errorf("stats %v", st)
	}
	loadOutput(t, sb.String())
}

func TestCAMEODate(t *testing.T) {
	tests := map[string]string{"080508": "2008-05-08", "300101": "2030-01-01", "310101": "1931-01-01", "18970101": "1897-01-01", "991231": "1999-12-31"}
	for in, want := range tests {
		if got, ok := cameoDate(in); !ok || got != want {
			t.Errorf("cameoDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"2004017", "990231", "-10101", "abcdef"} {
		if _, ok := cameoDate(bad); ok {
			t.Errorf("cameoDate(%q) accepted", bad)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{"BORIS N. YELTSIN": "Boris N. Yeltsin", "JAMES BAKER III": "James Baker III", "XI JINPING": "Xi Jinping", "VALERY GISCARD D'ESTAING": "Valery Giscard D'Estaing", "JEAN-CLAUDE JUNCKER": "Jean-Claude Juncker"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}
