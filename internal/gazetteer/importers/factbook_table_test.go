package importers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// TestFactbookTable regenerates the built-in heads of state and government
// from the Factbook archive, as `make data` does, and compares the result
// with the committed table byte for byte.
func TestFactbookTable(t *testing.T) {
	archive := factbookArchive(t)
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idf, err := os.Open("factbook-identities.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer idf.Close()
	opt := FactbookOptions{Countries: map[string]bool{}}
	if opt.Identities, err = ReadFactbookIdentities(idf); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Countries {
		opt.Countries[c.Code] = true
	}
	hand, _ := filepath.Glob("../data/people/heads-*.tsv")
	for _, h := range hand {
		hg, err := gazetteer.LoadFiles(h)
		if err != nil {
			t.Fatal(err)
		}
		opt.Later = append(opt.Later, hg.People...)
	}
	var out strings.Builder
	st, err := Factbook(f, &out, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("factbook: %v", st)
	want, err := os.ReadFile("../data/people/factbook-heads.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var a, b string
			if i < len(gl) {
				a = gl[i]
			}
			if i < len(wl) {
				b = wl[i]
			}
			if a != b {
				t.Fatalf("data/people/factbook-heads.tsv differs from the importer's output at line %d (run make data):\n got %q\nwant %q", i+1, a, b)
			}
		}
	}
}

// factbookArchive locates ../shared/data/factbook/executives-1990-2025.jsonl
// beside the repository. Without it the test is skipped, except in CI
// (CI=true), where the generated table must be checked.
func factbookArchive(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSWORKER_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data")
	}
	p := filepath.Join(dir, "factbook", "executives-1990-2025.jsonl")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is absent: CI must check the generated heads table against it", p)
		}
		t.Skipf("skipped: %s is absent (the Factbook archive lives in ../shared/data beside the repository)", p)
	}
	return p
}
