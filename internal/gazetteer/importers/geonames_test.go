package importers

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestGeoNames(t *testing.T) {
	tests := []struct {
		name    string
		opts    GeoNamesOptions
		want    []string // expected rows, in input order
		skipped map[string]int
	}{
		{
			name: "cities and regions",
			opts: GeoNamesOptions{MinPopulation: 15000, Regions: true},
			want: []string{
				"Paris\tLutece|Paname|Parigi|Paree\tFR\tcapital\t",
				"Paris\tParis Texas\tUS\tcity\tambiguous",
				"Moscow\tMoskau|Moskva|Moscou\tRU\tcapital\t",
				"Moscow\t\tUS\tcity\tambiguous",
				"Zürich\tZurich|Zuerich|Zurigo\tCH\tcity\t",
				"Idlib\tEdlib|Idleb\tSY\tregion\t",
				"Springfield\t\tUS\tcity\t",
				"London\tLondres|Londra\tGB\tcapital\t",
				"London\t\tCA\tcity\tambiguous",
			},
			skipped: map[string]int{
				"malformed line (want 19 columns)":                   1,
				"historical, abandoned or section of a place (PPLX)": 1,
				"population below minimum":                           1,
				"not a populated place or first-level division":      1,
				"smaller place of the same name in the same country": 1,
			},
		},
		{
			name: "no regions, one alias, some countries",
			opts: GeoNamesOptions{MinPopulation: 15000, MaxAliases: 1, Countries: []string{"FR", "SY", "CH"}},
			want: []string{
				"Paris\tLutece\tFR\tcapital\t",
				"Zürich\tZurich\tCH\tcity\t",
			},
		},
		{
			// Ambiguity is judged against every country of the input: Paris
			// in Texas is flagged although France is not written.
			name: "US and Canada with subdivisions and sources, no aliases",
			opts: GeoNamesOptions{MinPopulation: 15000, MaxAliases: -1, Countries: []string{"US", "CA"}, Subdivisions: true, Source: true},
			want: []string{
				"Paris\t\tUS-TX\tcity\tambiguous\tgeonames 101",
				"Moscow\t\tUS-ID\tcity\tambiguous\tgeonames 103",
				"Springfield\t\tUS-MA\tcity\t\tgeonames 108",
				"Springfield\t\tUS-MO\tcity\t\tgeonames 109",
				"London\t\tCA-ON\tcity\tambiguous\tgeonames 111",
			},
			skipped: map[string]int{"country not requested": 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open("testdata/geonames-sample.txt")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var sb strings.Builder
			st, err := GeoNames(f, &sb, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := rows(sb.String()); !slices.Equal(got, tt.want) {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if st.Read != 14 || st.Written != len(tt.want) || st.Read != st.Written+st.SkippedTotal() {
				t.Errorf("stats %v", st)
			}
			for reason, n := range tt.skipped {
				if st.Skipped[reason] != n {
					t.Errorf("skipped[%q] = %d, want %d (%v)", reason, st.Skipped[reason], n, st)
				}
			}
			g := loadOutput(t, sb.String())
			if len(g.Places) != len(tt.want) {
				t.Errorf("loaded %d places", len(g.Places))
			}
		})
	}
}

func TestSubdivision(t *testing.T) {
	for _, tt := range []struct{ country, admin1, want string }{
		{"US", "GA", "US-GA"}, {"CA", "08", "CA-ON"}, {"CA", "10", "CA-QC"}, {"CA", "06", ""},
		{"US", "", ""}, {"FR", "11", ""}, {"US", "g1", ""},
	} {
		if got := subdivision(tt.country, tt.admin1); got != tt.want {
			t.Errorf("subdivision(%q, %q) = %q, want %q", tt.country, tt.admin1, got, tt.want)
		}
	}
}

func TestIsLatinName(t *testing.T) {
	for s, want := range map[string]bool{
		"Zürich": true, "Nuku'alofa": true, "St. Louis": true, "Москва": false, "MOW": false,
		"New York": true, "http://x": false, "A": false, "Sankt-Peterburg": true, "北京": false, "Roma 2": false,
	} {
		if got := isLatinName(s); got != want {
			t.Errorf("isLatinName(%q) = %v", s, got)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Zürich": "zurich", "  St. George's ": "st georges", "São Tomé": "sao tome", "YEL'TSIN": "yeltsin"} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGeoNamesNamesakesAndMinor: a place is a namesake when a bigger place
// elsewhere has its name among its alternate names (Genève is Geneva in
// English), and places below MinorBelow are flagged minor.
func TestGeoNamesNamesakesAndMinor(t *testing.T) {
	line := func(id, name, alternates, country, admin1 string, pop int) string {
		return strings.Join([]string{id, name, name, alternates, "0", "0", "P", "PPL", country, "", admin1, "", "", "",
			strconv.Itoa(pop), "", "", "tz", "2018-01-01"}, "\t") + "\n"
	}
	in := line("1", "Genève", "Geneva,Genf", "CH", "GE", 183000) +
		line("2", "Geneva", "", "US", "IL", 21000) +
		line("3", "Normal", "", "US", "IL", 54000) +
		line("4", "Chicago", "", "US", "IL", 2700000)
	var sb strings.Builder
	if _, err := GeoNames(strings.NewReader(in), &sb, GeoNamesOptions{MaxAliases: -1, Countries: []string{"US"},
		Subdivisions: true, Source: true, MinorBelow: 300000}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Geneva\t\tUS-IL\tcity\tambiguous\tgeonames 2",
		"Normal\t\tUS-IL\tcity\tminor\tgeonames 3",
		"Chicago\t\tUS-IL\tcity\t\tgeonames 4",
	}
	if got := rows(sb.String()); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	loadOutput(t, sb.String())
}
