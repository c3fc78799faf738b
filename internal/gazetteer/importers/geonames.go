package importers

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// GeoNamesOptions select what a GeoNames import keeps.
type GeoNamesOptions struct {
	// MinPopulation skips populated places with fewer inhabitants (0 keeps
	// all). With allCountries.txt, set it: small places are mostly noise
	// for news and cost memory.
	MinPopulation int
	// Regions also writes first-level divisions (feature code ADM1) as kind
	// region; they are in allCountries.txt, not in the cities files.
	Regions bool
	// MaxAliases keeps at most this many alternate names per place, in
	// GeoNames' order (0 keeps all).
	MaxAliases int
	// Countries keeps only places in these ISO alpha-2 countries (empty
	// keeps all).
	Countries []string
}

// geoPlace is what is kept of one GeoNames line until the whole input has
// been seen; aliases stay joined in one string to keep memory small on
// allCountries.txt.
type geoPlace struct {
	name, aliases, country, kind string
	population                   int
}

var kindRank = map[string]int{"capital": 0, "city": 1, "region": 2}

// GeoNames converts a GeoNames dump (cities15000.txt, cities500.txt or
// allCountries.txt: 19 tab-separated columns) into a places file. PPLC
// becomes kind capital, other populated places city, and ADM1 region when
// opts.Regions is set. Alternate names are kept when written in Latin script.
// A place is flagged ambiguous when a bigger place in another country in the
// same input has the same name ("Paris" in Texas); of several places with
// one name in one country only the biggest is kept. The input is read once
// and only the kept places are held in memory.
func GeoNames(r io.Reader, w io.Writer, opts GeoNamesOptions) (Stats, error) {
	var st Stats
	var kept []geoPlace
	index := map[string]int{} // folded name + country → position in kept
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 256<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		st.Read++
		p, reason := geoNamesLine(line, opts)
		if reason != "" {
			st.skip(reason)
			continue
		}
		key := fold(p.name) + "\x00" + p.country
		if i, dup := index[key]; dup {
			st.skip("smaller place of the same name in the same country")
			if old := kept[i]; kindRank[p.kind] < kindRank[old.kind] || kindRank[p.kind] == kindRank[old.kind] && p.population > old.population {
				kept[i] = p
			}
			continue
		}
		index[key] = len(kept)
		kept = append(kept, p)
	}
	if err := sc.Err(); err != nil {
		return st, fmt.Errorf("import geonames: read: %w", err)
	}
	biggest := biggestElsewhere(kept)
	out, err := newTSVWriter(w, gazetteer.KindPlaces, "Imported from GeoNames (geonames.org), licence CC BY 4.0.", &st)
	if err != nil {
		return st, fmt.Errorf("import geonames: write: %w", err)
	}
	for _, p := range kept {
		flags := ""
		if biggest(p) {
			flags = "ambiguous"
		}
		if err := out.row(p.name, p.aliases, p.country, p.kind, flags); err != nil {
			return st, fmt.Errorf("import geonames: write: %w", err)
		}
	}
	if err := out.flush(); err != nil {
		return st, fmt.Errorf("import geonames: write: %w", err)
	}
	return st, nil
}

// geoNamesLine decodes one line, or says why it is skipped.
func geoNamesLine(line string, opts GeoNamesOptions) (geoPlace, string) {
	c := strings.Split(line, "\t")
	if len(c) != 19 {
		return geoPlace{}, "malformed line (want 19 columns)"
	}
	p := geoPlace{name: strings.TrimSpace(c[1]), country: c[8]}
	switch class, code := c[6], c[7]; {
	case class == "P" && code == "PPLC":
		p.kind = "capital"
	case class == "P" && slices.Contains([]string{"PPLH", "PPLQ", "PPLW", "PPLCH", "PPLX"}, code):
		return p, "historical, abandoned or section of a place (" + code + ")"
	case class == "P":
		p.kind = "city"
	case class == "A" && code == "ADM1":
		if !opts.Regions {
			return p, "first-level division (regions not requested)"
		}
		p.kind = "region"
	default:
		return p, "not a populated place or first-level division"
	}
	if len(p.country) != 2 || p.name == "" {
		return p, "no name or country code"
	}
	if len(opts.Countries) > 0 && !slices.Contains(opts.Countries, p.country) {
		return p, "country not requested"
	}
	p.population, _ = strconv.Atoi(c[14])
	if p.kind != "region" && p.population < opts.MinPopulation {
		return p, "population below minimum"
	}
	p.aliases = geoAliases(p.name, c[2], c[3], opts.MaxAliases)
	return p, ""
}

// geoAliases keeps the ASCII name when it differs (wire copy drops accents:
// "Zurich" for "Zürich") and the Latin-script alternate names that differ
// from both once folded.
func geoAliases(name, ascii, alternates string, limit int) string {
	seen := map[string]bool{fold(name): true}
	var out []string
	if ascii != "" && ascii != name && isLatinName(ascii) {
		out = append(out, ascii)
	}
	for _, a := range strings.Split(alternates, ",") {
		if limit > 0 && len(out) >= limit {
			break
		}
		a = strings.TrimSpace(a)
		k := fold(a)
		if a == "" || seen[k] || !isLatinName(a) || strings.Contains(a, "|") {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return strings.Join(out, "|")
}

// biggestElsewhere returns a test for "a bigger place of the same name
// exists in another country". Only the two biggest countries per name are
// needed to answer it.
func biggestElsewhere(places []geoPlace) func(geoPlace) bool {
	type top struct {
		country1, country2 string
		pop1, pop2         int
	}
	tops := map[string]*top{}
	for _, p := range places {
		k := fold(p.name)
		t := tops[k]
		if t == nil {
			tops[k] = &top{country1: p.country, pop1: p.population, pop2: -1}
			continue
		}
		switch {
		case p.country == t.country1:
			t.pop1 = max(t.pop1, p.population)
		case p.population > t.pop1:
			t.country2, t.pop2 = t.country1, t.pop1
			t.country1, t.pop1 = p.country, p.population
		case p.population > t.pop2 || t.country2 == p.country:
			t.country2, t.pop2 = p.country, max(t.pop2, p.population)
		}
	}
	return func(p geoPlace) bool {
		t := tops[fold(p.name)]
		if t.country1 != p.country {
			return t.pop1 > p.population
		}
		return t.country2 != "" && t.pop2 > p.population
	}
}
