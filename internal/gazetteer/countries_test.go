package gazetteer_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// refCountry is the part of mledoze/countries' record the check needs.
type refCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  *bool    `json:"independent"`
	AltSpellings []string `json:"altSpellings"`
}

// code3Exceptions are alpha-3 codes we use where the reference differs.
var code3Exceptions = map[string][]string{
	"XK": {"XKX", "UNK"}, // Kosovo has no ISO code; XKX is the usual user-assigned one, the reference uses UNK (UNMIK)
}

// TestCountriesReference checks every built-in country against
// mledoze/countries: the alpha-2/alpha-3 pair exists and the name or an alias
// is one of its names; and every sovereign country there has a row here.
// Run alone with `go test ./internal/gazetteer -run Countries -v`.
func TestCountriesReference(t *testing.T) {
	path := sharedData(t, "countries/countries.json")
	g := builtin(t)
	if len(g.Countries) == 0 {
		t.Fatal("the built-in gazetteer has no countries: the embedded data is broken")
	}
	failures, summary := checkCountries(t, g, path)
	t.Log(summary)
	for _, f := range failures {
		t.Error(f)
	}
}

// TestCountriesChecker runs the check on a fixture with planted mistakes.
func TestCountriesChecker(t *testing.T) {
	path := sharedData(t, "countries/countries.json")
	g, err := gazetteer.LoadFiles("testdata/countries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	failures, summary := checkCountries(t, g, path)
	t.Log(summary)
	got := strings.Join(failures, "\n")
	for _, want := range []string{"RU (Russia): alpha-3 RUX, the reference says RUS", "FR (Frankreich): neither the name", "sovereign country DE (Germany) has no built-in row"} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "US (United States)") || strings.Contains(got, "XK") {
		t.Errorf("false failure in:\n%s", got)
	}
}

func checkCountries(t *testing.T, g *gazetteer.Gazetteer, path string) ([]string, string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ref []refCountry
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	byCode := map[string]refCountry{}
	for _, r := range ref {
		byCode[r.CCA2] = r
	}
	var failures []string
	for _, c := range g.Countries {
		r, ok := byCode[c.Code]
		at := fmt.Sprintf("%s:%d: %s (%s)", c.Pos.File, c.Pos.Line, c.Code, c.Name)
		if !ok {
			failures = append(failures, at+": no such alpha-2 code in the reference")
			continue
		}
		if r.CCA3 != c.Code3 && !(slices.Contains(code3Exceptions[c.Code], c.Code3) && slices.Contains(code3Exceptions[c.Code], r.CCA3)) {
			failures = append(failures, fmt.Sprintf("%s: alpha-3 %s, the reference says %s", at, c.Code3, r.CCA3))
		}
		refNames := append([]string{r.Name.Common, r.Name.Official}, r.AltSpellings...)
		if !slices.ContainsFunc(append([]string{c.Name}, c.Aliases...), func(n string) bool {
			return slices.ContainsFunc(refNames, func(rn string) bool { return fold(rn) == fold(n) })
		}) {
			failures = append(failures, fmt.Sprintf("%s: neither the name nor an alias is among the reference's names %q", at, refNames))
		}
	}
	var sovereign, missing int
	for _, r := range ref {
		if r.Independent == nil || !*r.Independent {
			continue
		}
		sovereign++
		if _, ok := g.CountryByCode(r.CCA2); !ok {
			missing++
			failures = append(failures, fmt.Sprintf("sovereign country %s (%s) has no built-in row", r.CCA2, r.Name.Common))
		}
	}
	return failures, fmt.Sprintf("countries: %d rows checked against %d reference countries; %d of %d sovereign countries present; %d problems",
		len(g.Countries), len(ref), sovereign-missing, sovereign, len(failures))
}
