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
	// GeoNames' order (0 keeps all, a negative number none: only the ASCII
	// spelling of an accented name is kept then).
	MaxAliases int
	// Countries keeps only places in these ISO alpha-2 countries (empty
	// keeps all). Whether a bigger place of the same name exists elsewhere
	// is still judged against every country of the input.
	Countries []string
	// Subdivisions writes a place's country as the ISO 3166-2 code of its
	// state or province ("US-GA", "CA-ON") where GeoNames' admin1 code maps
	// to one (the United States and Canada), and keeps one place per name
	// and subdivision instead of one per name and country.
	Subdivisions bool
	// Source adds the source column: "geonames" and the place's GeoNames id.
	Source bool
	// MinorBelow flags places with fewer inhabitants `minor` (0 flags
	// none): small towns that count only where a story is set.
	MinorBelow int
}

// geoPlace is what is kept of one GeoNames line until the whole input has
// been seen; aliases stay joined in one string to keep memory small on
// allCountries.txt.
type geoPlace struct {
	name, aliases, country, kind string
	subdivision                  string // ISO 3166-2, when opts.Subdivisions and known
	id                           string // GeoNames id
	names                        string // every Latin-script name, ","-separated, until tops has them
	population                   int
}

// code is the countries cell: the subdivision when known, else the country.
func (p geoPlace) code() string {
	if p.subdivision != "" {
		return p.subdivision
	}
	return p.country
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
	index := map[string]int{} // folded name + country or subdivision → position in kept
	tops := topPlaces{}       // every country's places, for the ambiguity flag
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 256<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		st.Read++
		p, reason := geoNamesLine(line, opts)
		if reason == "" || reason == skipCountry {
			tops.add(p)
			p.names = ""
		}
		if reason != "" {
			st.skip(reason)
			continue
		}
		key := fold(p.name) + "\x00" + p.code()
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
	header := gazetteer.Header(gazetteer.KindPlaces)
	if opts.Source {
		header = gazetteer.HeaderWithSource(gazetteer.KindPlaces)
	}
	out, err := newTSVWriterHeader(w, header, "Imported from GeoNames (geonames.org), licence CC BY 4.0.", &st)
	if err != nil {
		return st, fmt.Errorf("import geonames: write: %w", err)
	}
	for _, p := range kept {
		flags := ""
		switch {
		case tops.biggerElsewhere(p):
			flags = "ambiguous"
		case p.population < opts.MinorBelow:
			flags = "minor"
		}
		cells := []string{p.name, p.aliases, p.code(), p.kind, flags}
		if opts.Source {
			cells = append(cells, "geonames "+p.id)
		}
		if err := out.row(cells...); err != nil {
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
	p := geoPlace{name: strings.TrimSpace(c[1]), country: c[8], id: c[0], names: c[1] + "," + c[2] + "," + c[3]}
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
	p.population, _ = strconv.Atoi(c[14])
	if p.kind != "region" && p.population < opts.MinPopulation {
		return p, "population below minimum"
	}
	if len(opts.Countries) > 0 && !slices.Contains(opts.Countries, p.country) {
		return p, skipCountry
	}
	if opts.Subdivisions {
		p.subdivision = subdivision(p.country, c[10])
	}
	p.aliases = geoAliases(p.name, c[2], c[3], opts.MaxAliases)
	return p, ""
}

const skipCountry = "country not requested"

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
		if limit < 0 || limit > 0 && len(out) >= limit {
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

// topPlaces keeps, per folded name, the two biggest countries having a
// place of that name, which is all "a bigger place of the same name exists
// in another country" needs.
type topPlaces map[string]*top

type top struct {
	country1, country2 string
	pop1, pop2         int
}

// add counts the place under each of its Latin-script names: Geneva,
// Illinois is smaller than Genève, whose English name is Geneva.
func (tops topPlaces) add(p geoPlace) {
	seen := map[string]bool{fold(p.name): true}
	tops.addName(fold(p.name), p)
	for _, n := range strings.Split(p.names, ",") {
		if n = strings.TrimSpace(n); n == "" || !isLatinName(n) {
			continue
		}
		if k := fold(n); !seen[k] {
			seen[k] = true
			tops.addName(k, p)
		}
	}
}

func (tops topPlaces) addName(k string, p geoPlace) {
	t := tops[k]
	if t == nil {
		tops[k] = &top{country1: p.country, pop1: p.population, pop2: -1}
		return
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

func (tops topPlaces) biggerElsewhere(p geoPlace) bool {
	t := tops[fold(p.name)]
	if t.country1 != p.country {
		return t.pop1 > p.population
	}
	return t.country2 != "" && t.pop2 > p.population
}
