package importers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// testCountries is a small countries list for the importers' fixtures.
func testCountries() *Countries {
	return NewCountries([]gazetteer.Country{
		{Code: "RU", Code3: "RUS", Name: "Russia", Aliases: []string{"Russian Federation"}},
		{Code: "US", Code3: "USA", Name: "United States", Aliases: []string{"United States of America"}},
		{Code: "GB", Code3: "GBR", Name: "United Kingdom"},
		{Code: "AF", Code3: "AFG", Name: "Afghanistan"},
		{Code: "RO", Code3: "ROU", Name: "Romania"},
		{Code: "DE", Code3: "DEU", Name: "Germany"},
	})
}

// loadOutput checks that an importer's output is a valid gazetteer file by
// loading it on its own.
func loadOutput(t *testing.T, out string) *gazetteer.Gazetteer {
	t.Helper()
	p := filepath.Join(t.TempDir(), "imported.tsv")
	if err := os.WriteFile(p, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.LoadFiles(p)
	if err != nil {
		t.Fatalf("output does not load: %v\n%s", err, out)
	}
	return g
}

// rows returns the data lines of a gazetteer file (no comments, no header).
func rows(out string) []string {
	var rs []string
	for i, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if strings.HasPrefix(l, "#") || i == 0 || strings.HasPrefix(l, "place\t") || strings.HasPrefix(l, "person_id\t") {
			continue
		}
		rs = append(rs, l)
	}
	return rs
}
