package importers

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// FactbookOptions tunes the Factbook importer.
type FactbookOptions struct {
	// Identities, when set, is a table that gives the person_id, usual
	// name and aliases of Factbook holders already known by another id
	// (a Wikidata QID) or name (see ReadFactbookIdentities).
	Identities FactbookIdentities
	// Countries, when set, are the country codes rows may carry; holders
	// of other codes are skipped.
	Countries map[string]bool
	// Later, when set, are hand-written head-of-state and -government
	// terms that bound the Factbook's: a term the Factbook last shows in
	// an edition before the 2018-2020 gap, or in the latest edition, ends
	// where a later holder of the same office in Later starts (see
	// boundByLater).
	Later []gazetteer.Person
}

// FactbookRecord is one country in one edition of the Factbook archive
// (../shared/data/factbook/executives-1990-2025.jsonl): one JSON object a
// line.
type FactbookRecord struct {
	Year       int     `json:"year"`
	ISO2       *string `json:"iso2"`
	Name       string  `json:"name"`
	EntityType *string `json:"entity_type"`
	Chief      *string `json:"chief_of_state"`
	HeadOfGov  *string `json:"head_of_government"`
}

// edition is what one edition says about one office of one country.
type edition struct {
	year    int
	holders []FactbookHolder
}

// Factbook converts the CIA World Factbook's executive entries, one JSON
// object per country and edition year, into a people file of heads of
// state and government: one row per term of office, consecutive editions
// naming the same person merged into one term that starts at the Factbook's
// "since" date (else the first edition's year) and ends where the next
// holder starts (else at the last edition naming the person; open when the
// latest edition still names them). Each row's source names the editions
// it came from ("factbook 1994-2017 RU"). The output is sorted and the same
// input always gives the same bytes.
func Factbook(r io.Reader, w io.Writer, opt FactbookOptions) (Stats, error) {
	var st Stats
	recs, err := ReadFactbook(r, &st)
	if err != nil {
		return st, fmt.Errorf("import factbook: %w", err)
	}
	latest := 0
	for k := range recs {
		latest = max(latest, k.Year)
	}
	var terms []fbTerm
	for _, country := range sortedCountries(recs) {
		if opt.Countries != nil && !opt.Countries[country] {
			st.skip("country code not in the gazetteer's countries (records)")
			continue
		}
		for _, office := range []string{gazetteer.OfficeHeadOfState, gazetteer.OfficeHeadOfGovernment} {
			eds := editionsOf(recs, country, office)
			terms = append(terms, buildTerms(country, office, eds, latest, opt.Identities.same(country))...)
		}
	}
	terms = dropSameAsHeadOfState(terms, &st)
	rows := personRows(terms, opt.Identities)
	boundByLater(rows, opt.Later)
	if err := writeFactbook(w, rows, &st); err != nil {
		return st, fmt.Errorf("import factbook: write: %w", err)
	}
	return st, nil
}

// FactbookKey is a country (ISO alpha-2) and an edition year.
type FactbookKey struct {
	Country string
	Year    int
}

// ReadFactbook reads the archive, keeping one record per country and year
// that has an executive entry: several entities share an ISO code (the
// United Kingdom and the crown dependencies are all GB), and the sovereign
// one is the one that country codes mean; records of territories and other
// entities that are not countries (FactbookCountry) are skipped, each
// counted in st by reason.
func ReadFactbook(r io.Reader, st *Stats) (map[FactbookKey]FactbookRecord, error) {
	rank := func(rec FactbookRecord) int {
		switch {
		case rec.EntityType == nil:
			return 3
		case *rec.EntityType == "sovereign":
			return 0
		case *rec.EntityType == "freely_associated":
			return 1
		}
		return 2
	}
	out := map[FactbookKey]FactbookRecord{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		st.Read++
		var rec FactbookRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		code := ""
		switch {
		case rec.ISO2 != nil:
			code = *rec.ISO2
		case rec.Name == "Kosovo":
			code = "XK"
		}
		switch {
		case code == "":
			st.skip("no ISO country code")
			continue
		case rec.Chief == nil && rec.HeadOfGov == nil:
			st.skip("no executive entry (1990-93 layout, 2018-20 editions)")
			continue
		case rec.EntityType != nil && !FactbookCountry(*rec.EntityType):
			st.skip("not a country (territory, dependency, special region)")
			continue
		}
		k := FactbookKey{code, rec.Year}
		if old, ok := out[k]; !ok || rank(rec) < rank(old) {
			if ok {
				st.skip("not the sovereign entity of its code")
			}
			out[k] = rec
		} else {
			st.skip("not the sovereign entity of its code")
		}
	}
	return out, sc.Err()
}

func sortedCountries(recs map[FactbookKey]FactbookRecord) []string {
	set := map[string]bool{}
	for k := range recs {
		set[k.Country] = true
	}
	return slices.Sorted(maps.Keys(set))
}

// editionsOf lists, year by year, the holders one office's entry names.
func editionsOf(recs map[FactbookKey]FactbookRecord, country, office string) []edition {
	var years []int
	for k := range recs {
		if k.Country == country {
			years = append(years, k.Year)
		}
	}
	slices.Sort(years)
	var eds []edition
	for _, y := range years {
		rec := recs[FactbookKey{country, y}]
		e := rec.Chief
		if office == gazetteer.OfficeHeadOfGovernment {
			e = rec.HeadOfGov
		}
		if e == nil {
			continue
		}
		if parts := FactbookPrincipals(*e); len(parts) > 0 {
			eds = append(eds, edition{year: y, holders: foreignHeadsDropped(recs, country, y, office, parts[0])})
		}
	}
	return eds
}

// FactbookCountry reports whether an entity type of the Factbook archive
// is a country whose heads the importer reads: sovereign states, disputed
// ones (Kosovo, Taiwan), dissolved ones (Serbia and Montenegro) and freely
// associated states. A territory's, a crown dependency's or a special
// administrative region's chief of state is the sovereign's head, and its
// local executives are not heads of state or government.
func FactbookCountry(entityType string) bool {
	switch entityType {
	case "territory", "crown_dependency", "special_admin", "misc", "antarctic":
		return false
	}
	return true
}

// foreignHeadsDropped drops Andorra's French co-prince: he is the
// President of France, named in France's entry of the same edition, and
// his terms are France's.
func foreignHeadsDropped(recs map[FactbookKey]FactbookRecord, country string, year int, office string, hs []FactbookHolder) []FactbookHolder {
	fr, ok := recs[FactbookKey{"FR", year}]
	if country != "AD" || office != gazetteer.OfficeHeadOfState || !ok || fr.Chief == nil {
		return hs
	}
	parts := FactbookPrincipals(*fr.Chief)
	out := hs[:0:0]
	for _, h := range hs {
		if len(parts) == 0 || !slices.ContainsFunc(parts[0], func(f FactbookHolder) bool { return holderKey(f) == holderKey(h) }) {
			out = append(out, h)
		}
	}
	return out
}
