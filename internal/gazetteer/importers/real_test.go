package importers

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/sharedtest"
)

// sharedData returns the path of a file under ../shared/data (beside the
// repository) or skips (fails when CI=true): those files are other people's
// data and never part of the project.
func sharedData(t *testing.T, rel string) string {
	t.Helper()
	return sharedtest.Path(t, "data/"+rel)
}

// referenceCountries indexes mledoze/countries, so that the real-file tests
// do not depend on the built-in countries being complete.
func referenceCountries(t *testing.T) *Countries {
	data, err := os.ReadFile(sharedData(t, "countries/countries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref []struct {
		Name struct{ Common, Official string } `json:"name"`
		CCA2 string                            `json:"cca2"`
		CCA3 string                            `json:"cca3"`
		Alt  []string                          `json:"altSpellings"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	var cs []gazetteer.Country
	for _, r := range ref {
		cs = append(cs, gazetteer.Country{Code: r.CCA2, Code3: r.CCA3, Name: r.Name.Common, Aliases: append([]string{r.Name.Official}, r.Alt...)})
	}
	return NewCountries(cs)
}

func importFile(t *testing.T, path string, run func(f *os.File, out *strings.Builder) (Stats, error)) (Stats, string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	start := time.Now()
	st, err := run(f, &sb)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %v in %v", filepath.Base(path), st, time.Since(start))
	return st, sb.String()
}

func TestGeoNamesReal(t *testing.T) {
	path := sharedData(t, "geonames/cities15000.txt")
	st, out := importFile(t, path, func(f *os.File, sb *strings.Builder) (Stats, error) {
		return GeoNames(f, sb, GeoNamesOptions{MinPopulation: 15000})
	})
	if st.Read < 20000 || st.Written < 18000 || st.Read != st.Written+st.SkippedTotal() {
		t.Errorf("implausible counts: %v", st)
	}
	g := loadOutput(t, out)
	facts := []struct {
		name, country, kind string
		ambiguous           bool
	}{
		{"Paris", "FR", "capital", false},
		{"Moscow", "RU", "capital", false},
		{"London", "GB", "capital", false},
		{"London", "CA", "city", true},
		{"Paris", "US", "city", true},
		{"Damascus", "SY", "capital", false},
	}
	for _, f := range facts {
		found := false
		for _, p := range g.Places {
			if p.Name == f.name && p.Countries[0] == f.country {
				found = true
				if p.Kind != f.kind || p.Ambiguous != f.ambiguous {
					t.Errorf("%s (%s): kind %s ambiguous %v, want %s %v", f.name, f.country, p.Kind, p.Ambiguous, f.kind, f.ambiguous)
				}
			}
		}
		if !found {
			t.Errorf("%s (%s) not imported", f.name, f.country)
		}
	}
}

func TestCAMEOReal(t *testing.T) {
	countries := referenceCountries(t)
	st, out := importFile(t, sharedData(t, "phoenix/Phoenix.Countries.actors.txt"), func(f *os.File, sb *strings.Builder) (Stats, error) {
		return CAMEO(f, sb, countries)
	})
	if st.Read < 15000 || st.Written < 10000 {
		t.Errorf("implausible counts: %v", st)
	}
	g := loadOutput(t, out)
	facts := []struct {
		id, country, start, end string
	}{
		{"nw:vladimir-putin", "RU", "2008-05-08", ""},
		{"nw:boris-yeltsin", "RU", "1991-07-10", "1999-12-31"},
	}
	for _, f := range facts {
		p, ok := g.Person(f.id)
		if !ok {
			t.Errorf("%s not imported", f.id)
			continue
		}
		found := false
		for _, term := range p.Terms {
			found = found || term.Country == f.country && term.Start.Format("2006-01-02") == f.start && (f.end == "" && term.End.IsZero() || !term.End.IsZero() && term.End.Format("2006-01-02") == f.end)
		}
		if !found {
			t.Errorf("%s: no term %s %s-%s in %+v", f.id, f.country, f.start, f.end, p.Terms)
		}
	}
}

func TestCAMEORealInternational(t *testing.T) {
	st, out := importFile(t, sharedData(t, "phoenix/Phoenix.International.actors.txt"), func(f *os.File, sb *strings.Builder) (Stats, error) {
		return CAMEO(f, sb, referenceCountries(t))
	})
	if st.Read < 1000 || st.Written < 20 {
		t.Errorf("implausible counts: %v", st)
	}
	g := loadOutput(t, out)
	p, ok := g.Person("nw:kofi-annan")
	if !ok || p.Terms[0].Country != "UN" || p.Terms[0].Start.Year() != 1997 {
		t.Errorf("Kofi Annan = %+v, %v", p, ok)
	}
}
