package gazetteer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sourcedKinds are the built-in kinds whose every file must give each row
// its source (issue 8, point 1: each row says where it came from). It grew
// kind by kind while the tables were converted and now holds every kind; a
// file of a kind not listed here fails the test until its kind is added.
var sourcedKinds = []string{"countries", "cues", "orgs", "people", "places", "roles", "topics", "usages"}

// TestBuiltinRowSources checks that every built-in file of the kinds above
// (except the *-exceptions.tsv check lists, which are not gazetteer data)
// ends its header with the source column and fills it on every row.
func TestBuiltinRowSources(t *testing.T) {
	files, err := filepath.Glob("data/*/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]int{}
	for _, path := range files {
		if strings.HasSuffix(path, "-exceptions.tsv") {
			continue
		}
		kind := filepath.Base(filepath.Dir(path))
		if !slices.Contains(sourcedKinds, kind) {
			t.Errorf("%s: kind %s is not in sourcedKinds: give its rows a source and add it", path, kind)
			continue
		}
		covered[kind]++
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rowSourceProblems(path, string(data)) {
			t.Error(p)
		}
	}
	for _, kind := range sourcedKinds {
		if covered[kind] == 0 {
			t.Errorf("kind %s: no built-in file found under data/%s", kind, kind)
		}
	}
}

// rowSourceProblems lists the rows of one file's text that give no source,
// or says that the header has no source column.
func rowSourceProblems(path, data string) []string {
	var header []string
	var problems []string
	missing := 0
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if header == nil {
			header = cells
			if header[len(header)-1] != "source" {
				return []string{fmt.Sprintf("%s:%d: the header does not end with the source column: %q", path, i+1, line)}
			}
			continue
		}
		if len(cells) != len(header) || strings.TrimSpace(cells[len(cells)-1]) == "" {
			if missing < 5 {
				problems = append(problems, fmt.Sprintf("%s:%d: no source for this row (%d cells, header has %d)", path, i+1, len(cells), len(header)))
			}
			missing++
		}
	}
	if header == nil {
		problems = append(problems, path+": no header")
	}
	if missing > 5 {
		problems = append(problems, fmt.Sprintf("%s: %d rows without a source in all", path, missing))
	}
	return problems
}

// TestRowSourceProblems runs the check on small texts with and without sources.
func TestRowSourceProblems(t *testing.T) {
	for _, c := range []struct {
		data string
		bad  bool
	}{
		{"# c\nplace\taliases\tcountries\tkind\tflags\tsource\nParis\t\tFR\tcapital\t\thand; geonames:2988507\n", false},
		{"place\taliases\tcountries\tkind\tflags\nParis\t\tFR\tcapital\t\n", true},
		{"place\taliases\tcountries\tkind\tflags\tsource\nParis\t\tFR\tcapital\t\t\n", true},
		{"place\taliases\tcountries\tkind\tflags\tsource\nParis\t\tFR\tcapital\t\n", true},
	} {
		if got := rowSourceProblems("x.tsv", c.data); (len(got) > 0) != c.bad {
			t.Errorf("%q: problems %q, want bad=%v", c.data, got, c.bad)
		}
	}
}
