package gazetteer_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// smallPlaces are capitals and towns we list on purpose although GeoNames'
// cities15000 leaves them out for having fewer than 15,000 inhabitants.
// Key: name/country; the name is folded before use.
var smallPlaces = map[string]string{
	"vaduz/LI":            "capital of Liechtenstein, about 5,000 inhabitants",
	"san marino/SM":       "capital of San Marino, about 4,000 inhabitants",
	"valletta/MT":         "capital of Malta, about 6,000 inhabitants",
	"vatican city/VA":     "city-state, under 1,000 inhabitants",
	"palikir/FM":          "capital of Micronesia, a few thousand inhabitants",
	"funafuti/TV":         "capital of Tuvalu, about 7,000 inhabitants",
	"ngerulmud/PW":        "capital of Palau, a government complex",
	"yaren/NR":            "seat of government of Nauru, about 1,000 inhabitants",
	"basseterre/KN":       "capital of Saint Kitts and Nevis, about 13,000 inhabitants",
	"kingstown/VC":        "capital of Saint Vincent and the Grenadines, about 13,000 inhabitants",
	"st. george's/GD":     "capital of Grenada, about 7,500 inhabitants",
	"roseau/DM":           "capital of Dominica, about 15,000 inhabitants",
	"belmopan/BZ":         "capital of Belize, about 17,000 inhabitants",
	"stanley/FK":          "capital of the Falkland Islands, about 2,500 inhabitants",
	"hamilton/BM":         "capital of Bermuda, about 1,000 inhabitants",
	"road town/VG":        "capital of the British Virgin Islands",
	"cockburn town/TC":    "capital of the Turks and Caicos Islands",
	"torshavn/FO":         "capital of the Faroe Islands, about 14,000 inhabitants",
	"monaco/MC":           "the city-state itself",
	"longyearbyen/SJ":     "administrative centre of Svalbard",
	"hagatna/GU":          "capital of Guam, about 1,000 inhabitants",
	"avarua/CK":           "capital of the Cook Islands",
	"alofi/NU":            "capital of Niue",
	"jamestown/SH":        "capital of Saint Helena",
	"adamstown/PN":        "capital of the Pitcairn Islands",
	"the valley/AI":       "capital of Anguilla",
	"plymouth/MS":         "abandoned capital of Montserrat",
	"brades/MS":           "de facto capital of Montserrat",
	"charlotte amalie/VI": "capital of the US Virgin Islands, about 10,000 inhabitants",
	"mata-utu/WF":         "capital of Wallis and Futuna",
	"gustavia/BL":         "capital of Saint Barthelemy",
	"saint-pierre/PM":     "capital of Saint Pierre and Miquelon",
	"flying fish cove/CX": "settlement of Christmas Island",
	"west island/CC":      "capital of the Cocos (Keeling) Islands",
	"kingston/NF":         "capital of Norfolk Island",
	"camp david/US":       "presidential retreat often in the news",
}

// TestGeoNamesPlaces checks that every built-in city and capital exists in
// GeoNames' cities15000 with the same country, by name or alternate name
// after folding accents and case. Run alone with
// `go test ./internal/gazetteer -run GeoNames -v`.
func TestGeoNamesPlaces(t *testing.T) {
	path := sharedData(t, "geonames/cities15000.txt")
	g := builtin(t)
	var places int
	for _, p := range g.Places {
		if p.Kind == "city" || p.Kind == "capital" {
			places++
		}
	}
	if places == 0 {
		t.Skip("skipped: no built-in places of kind city or capital yet")
	}
	failures, summary := checkGeoNames(t, g, path)
	t.Log(summary)
	for _, f := range failures {
		t.Error(f)
	}
}

// TestGeoNamesChecker runs the check on a fixture with planted mistakes.
func TestGeoNamesChecker(t *testing.T) {
	path := sharedData(t, "geonames/cities15000.txt")
	g, err := gazetteer.LoadFiles("testdata/places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	failures, summary := checkGeoNames(t, g, path)
	t.Log(summary)
	got := strings.Join(failures, "\n")
	for _, want := range []string{"Albany (AL): cities15000 has it only in", "Nowhereville (GR): not in cities15000"} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in:\n%s", want, got)
		}
	}
	for _, bad := range []string{"Kyiv", "Zürich", "Vaduz", "Moscow"} {
		if strings.Contains(got, bad) {
			t.Errorf("false failure for %s in:\n%s", bad, got)
		}
	}
}

func checkGeoNames(t *testing.T, g *gazetteer.Gazetteer, path string) ([]string, string) {
	countries := readGeoNamesNames(t, path)
	small := listedSmallPlaces(t)
	for k, why := range smallPlaces {
		i := strings.LastIndexByte(k, '/')
		small[fold(k[:i])+k[i:]] = why
	}
	var places, ok, excused int
	var failures []string
	used := map[string]bool{}
	for _, p := range g.Places {
		if p.Kind != "city" && p.Kind != "capital" {
			continue
		}
		places++
		want := p.Countries[0]
		var found []string
		match := false
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			cs := countries[fold(n)]
			if slices.Contains(cs, want) {
				match = true
				break
			}
			found = append(found, cs...)
		}
		key := fold(p.Name) + "/" + want
		switch {
		case match:
			ok++
			if small[key] != "" {
				used[key] = false
			}
		case small[key] != "":
			excused++
			used[key] = true
		case len(found) == 0:
			failures = append(failures, fmt.Sprintf("%s:%d: %s (%s): not in cities15000 under this name or an alias", p.Pos.File, p.Pos.Line, p.Name, want))
		default:
			slices.Sort(found)
			failures = append(failures, fmt.Sprintf("%s:%d: %s (%s): cities15000 has it only in %s", p.Pos.File, p.Pos.Line, p.Name, want, strings.Join(slices.Compact(found), ",")))
		}
	}
	for k, needed := range used {
		if !needed {
			t.Logf("small-place exception %q is not needed: the place is in cities15000", k)
		}
	}
	return failures, fmt.Sprintf("geonames: %d cities/capitals checked: %d found with the same country, %d excused as small places, %d mismatches", places, ok, excused, len(failures))
}

// readGeoNamesNames maps every folded name, ASCII name and alternate name to
// the countries that have a place so called.
func readGeoNamesNames(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	add := func(name, cc string) {
		k := fold(name)
		if k != "" && !slices.Contains(out[k], cc) {
			out[k] = append(out[k], cc)
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 9 {
			continue
		}
		add(c[1], c[8])
		add(c[2], c[8])
		for _, alt := range strings.Split(c[3], ",") {
			add(alt, c[8])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// listedSmallPlaces reads the "# below 15,000 population in GeoNames:" lines
// at the top of the built-in place files: places the data lists on purpose
// although cities15000 lacks them. Keys are folded name/country, as in
// smallPlaces; the country comes from the file's row of that name.
func listedSmallPlaces(t *testing.T) map[string]string {
	t.Helper()
	const prefix = "# below 15,000 population in GeoNames:"
	files, err := filepath.Glob("data/places/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		listed := map[string]bool{}
		for _, line := range lines {
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				for _, n := range strings.Split(rest, ",") {
					listed[fold(strings.TrimSpace(n))] = true
				}
			}
		}
		for _, line := range lines {
			if c := strings.Split(line, "\t"); (len(c) == 5 || len(c) == 6) && listed[fold(c[0])] {
				out[fold(c[0])+"/"+c[2]] = "listed in " + filepath.Base(path)
			}
		}
	}
	return out
}
