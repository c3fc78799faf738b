package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/gazetteer/importers"
)

// runImport converts a public source into a gazetteer file on stdout; the
// counts (read, written, skipped by reason) go to stderr.
func runImport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: import geonames|wikidata|cameo|factbook [flags] FILE", errUsage)
	}
	kind := args[0]
	fs := flag.NewFlagSet("import "+kind, flag.ContinueOnError)
	minPop := fs.Int("min-population", 0, "geonames: skip places with fewer inhabitants")
	regions := fs.Bool("regions", false, "geonames: also write first-level divisions (allCountries.txt)")
	maxAliases := fs.Int("max-aliases", 20, "geonames: alternate names kept per place (0: all, -1: none)")
	subdivisions := fs.Bool("subdivisions", false, "geonames: write US and Canadian places with their state or province (ISO 3166-2, \"US-GA\")")
	source := fs.Bool("source", false, "geonames: add the source column (\"geonames 4180386\")")
	minorBelow := fs.Int("minor-below", 0, "geonames: flag places with fewer inhabitants minor (they count only where a story is set)")
	only := fs.String("countries", "", "geonames: keep only these ISO alpha-2 codes, comma-separated")
	format := fs.String("format", "csv", "wikidata: csv or json")
	identities := fs.String("ids", "", "factbook: table of holders' person ids and names (person_id, name, aliases, country, factbook)")
	later := fs.String("later", "", "factbook: hand-written people files, comma-separated, whose head terms end the Factbook's across its gaps")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: import %s needs exactly one FILE", errUsage, kind)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := gazetteer.Builtin()
	if err != nil {
		return err
	}
	countries := importers.NewCountries(g.Countries)
	var st importers.Stats
	switch kind {
	case "geonames":
		var cc []string
		if *only != "" {
			cc = strings.Split(*only, ",")
		}
		st, err = importers.GeoNames(f, stdout, importers.GeoNamesOptions{MinPopulation: *minPop, Regions: *regions, MaxAliases: *maxAliases, Countries: cc,
			Subdivisions: *subdivisions, Source: *source, MinorBelow: *minorBelow})
	case "wikidata":
		st, err = importers.Wikidata(f, stdout, importers.Format(*format), countries)
	case "cameo":
		st, err = importers.CAMEO(f, stdout, countries)
	case "factbook":
		opt := importers.FactbookOptions{Countries: map[string]bool{}}
		for _, c := range g.Countries {
			opt.Countries[c.Code] = true
		}
		if opt.Identities, err = readIdentities(*identities); err != nil {
			return err
		}
		if *later != "" {
			if opt.Later, err = loadPeople(strings.Split(*later, ",")); err != nil {
				return err
			}
		}
		st, err = importers.Factbook(f, stdout, opt)
	default:
		return fmt.Errorf("%w: unknown import kind %q (geonames, wikidata, cameo, factbook)", errUsage, kind)
	}
	fmt.Fprintf(stderr, "import %s: %s\n", kind, st)
	return err
}

// readIdentities reads the factbook importer's identity table; "" is none.
func readIdentities(path string) (importers.FactbookIdentities, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids, err := importers.ReadFactbookIdentities(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ids, nil
}

// loadPeople reads the people of each file on its own: loaded together, a
// later file's rows for an id would replace an earlier file's.
func loadPeople(files []string) ([]gazetteer.Person, error) {
	var out []gazetteer.Person
	for _, f := range files {
		g, err := gazetteer.LoadFiles(f)
		if err != nil {
			return nil, err
		}
		out = append(out, g.People...)
	}
	return out, nil
}
