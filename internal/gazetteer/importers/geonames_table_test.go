package importers

import (
	"os"
	"strings"
	"testing"
)

// TestGeoNamesUSCanadaTable: the built-in table of US and Canadian towns is
// exactly what the importer makes of cities15000.txt with the options of
// the Makefile's data target (make data-check runs the command itself; this
// test catches a change of the importer that was not followed by make data).
func TestGeoNamesUSCanadaTable(t *testing.T) {
	committed, err := os.ReadFile("../data/places/geonames-us-ca.tsv")
	if err != nil {
		t.Fatal(err)
	}
	_, out := importFile(t, sharedData(t, "geonames/cities15000.txt"), func(f *os.File, sb *strings.Builder) (Stats, error) {
		// The flags of `make data`: -countries US,CA -subdivisions -source -max-aliases -1 -minor-below 300000.
		return GeoNames(f, sb, GeoNamesOptions{MaxAliases: -1, Countries: []string{"US", "CA"}, Subdivisions: true, Source: true, MinorBelow: 300000})
	})
	if out == string(committed) {
		return
	}
	got, want := strings.Split(out, "\n"), strings.Split(string(committed), "\n")
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Fatalf("line %d differs (run make data):\n got %q\nwant %q", i+1, got[i], want[i])
		}
	}
	t.Fatalf("generated %d lines, committed %d (run make data)", len(got), len(want))
}
