package importers

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// cameoCountries are CAMEO country codes that are not today's ISO alpha-3.
// Former states map to today's state, as the project's scoring does
// (SU→RU, DD→DE, YU→RS, CS→CZ).
var cameoCountries = map[string]string{
	"ROM": "RO", "ZAR": "CD", "TMP": "TL", "KSV": "XK",
	"USR": "RU", "SUN": "RU", "DDR": "DE", "YUG": "RS", "FRY": "RS", "SCG": "RS", "CSK": "CZ",
}

// cameoOrgs are CAMEO intergovernmental codes (longest first) that have an
// organisation code in the gazetteer.
var cameoOrgs = []struct{ prefix, code, label string }{
	{"IGOUNODEVWBK", "WB", "World Bank"},
	{"IGOBUSIMF", "IMF", "International Monetary Fund"},
	{"IGOBUSOPC", "OPEC", "OPEC"},
	{"IGOWSTNAT", "NATO", "NATO"},
	{"IGOEUREEC", "EU", "European Union"},
	{"IGOUNO", "UN", "United Nations"},
}

// cameoRoles are the CAMEO sector codes that mean an office, with the role
// and office written for them. CAMEO has no titles, only sectors, so only
// the military and police sectors of government map to an office category.
var cameoRoles = []struct{ prefix, role, office string }{
	{"GOVMIL", "Government official (defence)", gazetteer.OfficeDefence},
	{"GOVCOP", "Government official (police)", gazetteer.OfficeInterior},
	{"GOVSPY", "Government official (intelligence)", gazetteer.OfficeOther},
	{"GOVJUD", "Government official (judiciary)", gazetteer.OfficeOther},
	{"GOVLEG", "Legislator", gazetteer.OfficeOther},
	{"GOV", "Government official", gazetteer.OfficeOther},
	{"MIL", "Military officer", gazetteer.OfficeOther},
	{"SPY", "Intelligence official", gazetteer.OfficeOther},
}

// titleWords mark synonyms that carry a title ("PRESIDENT_VLADIMIR_PUTIN"):
// the tagger finds titles itself, so such forms are not aliases.
var titleWords = map[string]bool{
	"PRESIDENT": true, "MINISTER": true, "PREMIER": true, "PRIME": true, "CHAIRMAN": true, "KING": true, "QUEEN": true,
	"PRINCE": true, "SECRETARY": true, "SECRETARY-GENERAL": true, "LEADER": true, "CHIEF": true, "GOVERNOR": true,
	"GENERAL": true, "SENATOR": true, "AMBASSADOR": true, "SPOKESMAN": true, "DIRECTOR": true, "COMMANDER": true,
	"ADMIRAL": true, "COLONEL": true, "CAPTAIN": true, "MAYOR": true, "OFFICIAL": true, "DEPUTY": true, "VICE": true,
	"MR.": true, "MRS.": true, "DR.": true, "SHEIKH": true, "PRESIDENT-ELECT": true,
}

// CAMEO converts a PETRARCH/TABARI actor dictionary (Phoenix.Countries.actors.txt
// and the like) into a people file. Entries with dated codes are people; each
// dated government (GOV…), military (MIL) or intelligence (SPY) code becomes
// a term: `[RUSGOV >080508]` is a Russian government post from 8 May 2008,
// `[USAELI 870101-891231]` an elite period, which is no office and is
// skipped. The country is the code's first three letters read as ISO alpha-3
// (through countries; a few CAMEO codes such as ROM and ZAR are mapped
// first); intergovernmental codes (IGOUNO…) become UN, NATO, EU, IMF, WB or
// OPEC. Two-digit years pivot at 30: 00-30 are 2000-2030.
//
// Stats.Read counts dictionary entries. Entries that are not people are
// skipped as a whole; for people, codes that give no term are counted with
// reasons starting "code:".
func CAMEO(r io.Reader, w io.Writer, countries *Countries) (Stats, error) {
	var st Stats
	out, err := newTSVWriter(w, gazetteer.KindPeople, "Imported from a CAMEO actor dictionary (PETRARCH/Phoenix format).", &st)
	if err != nil {
		return st, fmt.Errorf("import cameo: write: %w", err)
	}
	ids := map[string]int{} // id → line of the entry that took it
	seen := map[string]bool{}
	err = readCAMEO(r, func(a cameoActor) error {
		st.Read++
		if !hasDated(a.codes) || len(a.names) == 0 {
			st.skip("no dated codes (a country, group or undated entry)")
			return nil
		}
		name := titleCase(a.names[0])
		var rows [][]string
		for _, c := range a.codes {
			row, reason := cameoTerm(c, countries)
			if reason != "" {
				st.skip("code: " + reason)
				continue
			}
			rows = append(rows, row)
		}
		if len(rows) == 0 {
			st.skip("no dated code is an office")
			return nil
		}
		id := uniqueID(ids, "nw:"+slug(name), strings.ToLower(rows[0][2]), a.line)
		aliases := cameoAliases(a.names, name)
		for _, row := range rows {
			key := id + "\x00" + row[0] + "\x00" + row[2] + "\x00" + row[3]
			if seen[key] {
				st.skip("code: duplicate term")
				continue
			}
			seen[key] = true
			if err := out.row(id, name, aliases, row[0], row[1], row[2], row[3], row[4]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("import cameo: %w", err)
	}
	if err := out.flush(); err != nil {
		return st, fmt.Errorf("import cameo: write: %w", err)
	}
	return st, nil
}

func hasDated(codes []cameoCode) bool {
	for _, c := range codes {
		if c.dated {
			return true
		}
	}
	return false
}

// cameoTerm gives role, office, country, start, end for one code.
func cameoTerm(c cameoCode, countries *Countries) ([]string, string) {
	switch {
	case !c.dated:
		return nil, "undated"
	case c.bad:
		return nil, "unreadable date"
	case c.from != "" && c.to != "" && c.to < c.from:
		return nil, "end before start"
	case len(c.code) < 3:
		return nil, "code too short"
	}
	if strings.HasPrefix(c.code, "IGO") {
		for _, o := range cameoOrgs {
			if strings.HasPrefix(c.code, o.prefix) {
				return []string{o.label + " official", gazetteer.OfficeOther, o.code, c.from, c.to}, ""
			}
		}
		return nil, "organisation without a gazetteer code"
	}
	country, ok := cameoCountries[c.code[:3]]
	if !ok && countries != nil {
		country, ok = countries.Code3(c.code[:3])
	}
	if !ok {
		return nil, "unknown country code " + c.code[:3]
	}
	sector := c.code[3:]
	for _, r := range cameoRoles {
		if strings.HasPrefix(sector, r.prefix) {
			return []string{r.role, r.office, country, c.from, c.to}, ""
		}
	}
	if strings.HasPrefix(sector, "ELI") {
		return nil, "elite period (not an office)"
	}
	return nil, "sector is not an office"
}

// uniqueID keeps ids distinct when two entries have the same name: the
// second gets its country, then a number.
func uniqueID(ids map[string]int, id, country string, line int) string {
	if l, ok := ids[id]; !ok || l == line {
		ids[id] = line
		return id
	}
	for n := 1; ; n++ {
		cand := id + "-" + country
		if n > 1 {
			cand = fmt.Sprintf("%s-%d", cand, n)
		}
		if l, ok := ids[cand]; !ok || l == line {
			ids[cand] = line
			return cand
		}
	}
}

// cameoAliases keeps the other phrases that are full names: no titles, more
// than one word, not the name itself.
func cameoAliases(names []string, name string) string {
	var out []string
	seen := map[string]bool{fold(name): true}
	for _, n := range names[1:] {
		words := strings.Fields(n)
		titled := false
		for _, w := range words {
			titled = titled || titleWords[w]
		}
		t := titleCase(n)
		if titled || len(words) < 2 || seen[fold(t)] {
			continue
		}
		seen[fold(t)] = true
		out = append(out, t)
	}
	return list(out)
}

// titleCase turns "BORIS N. YELTSIN" into "Boris N. Yeltsin", keeping roman
// numerals ("III") upper case.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if up := strings.ToUpper(w); i > 0 && up != "I" && strings.Trim(up, "IVX") == "" {
			words[i] = up
			continue
		}
		b := []rune(w)
		for j := range b {
			if j == 0 || strings.ContainsRune("-'.", b[j-1]) {
				b[j] = []rune(strings.ToUpper(string(b[j])))[0]
			}
		}
		words[i] = string(b)
	}
	return strings.Join(words, " ")
}

// slug makes the id part of a name: lower-case ASCII letters and digits
// joined by hyphens, as person ids require.
func slug(name string) string {
	var sb strings.Builder
	for _, r := range fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
		case r == ' ' && sb.Len() > 0:
			sb.WriteByte('-')
		}
	}
	if s := strings.Trim(sb.String(), "-"); s != "" {
		return s
	}
	return "unnamed"
}
