package importers

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// Wikidata converts an export of position holders from the Wikidata Query
// Service (https://query.wikidata.org) into a people file: one row per
// position held, with the QID as person_id.
//
// Each result row needs the fields item (the person's entity URL or QID),
// label (or itemLabel), position (or positionLabel, the English label of
// the office), country (ISO alpha-2, or an English country name resolved
// through countries), start and end; aliases (English aliases joined with
// "|") and office (one of the office categories, overriding the guess made
// from the position's label) are optional. Rows without a resolvable
// country take an organisation code from the position's label ("Secretary-
// General of the United Nations" → UN) or are skipped.
//
// A query that produces such an export, for the offices listed in VALUES
// (here President of the United States and Prime Minister of the United
// Kingdom; add the items of the offices you need, or replace VALUES by
// `?position wdt:P31/wdt:P279* wd:Q48352 .` for every head of state):
//
//	SELECT ?item ?itemLabel ?positionLabel ?country ?start ?end
//	       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
//	WHERE {
//	  VALUES ?position { wd:Q11696 wd:Q14211 }
//	  ?item p:P39 ?held .                          # position held
//	  ?held ps:P39 ?position .
//	  OPTIONAL { ?held pq:P580 ?start . }          # start time
//	  OPTIONAL { ?held pq:P582 ?end . }            # end time
//	  OPTIONAL { ?position wdt:P1001/wdt:P297 ?jurisdiction . }  # applies to jurisdiction → ISO alpha-2
//	  OPTIONAL { ?position wdt:P17/wdt:P297 ?positionCountry . } # country → ISO alpha-2
//	  BIND(COALESCE(?jurisdiction, ?positionCountry, "") AS ?country)
//	  OPTIONAL { ?item skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
//	  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
//	}
//	GROUP BY ?item ?itemLabel ?positionLabel ?country ?start ?end
//
// Download the result as CSV or JSON and pass the matching format.
func Wikidata(r io.Reader, w io.Writer, format Format, countries *Countries) (Stats, error) {
	var st Stats
	out, err := newTSVWriter(w, gazetteer.KindPeople, "Imported from Wikidata (wikidata.org), licence CC0.", &st)
	if err != nil {
		return st, fmt.Errorf("import wikidata: write: %w", err)
	}
	names := map[string]string{} // QID → the label of its first row
	seen := map[string]bool{}
	err = readRecords(r, format, func(rec record) error {
		st.Read++
		row, reason := wikidataRow(rec, countries)
		if reason == "" {
			if n, ok := names[row[0]]; ok {
				row[1] = n // one name per person, as the format requires
			} else {
				names[row[0]] = row[1]
			}
			if key := row[0] + "\x00" + row[3] + "\x00" + row[5] + "\x00" + row[6]; seen[key] {
				reason = "duplicate of an earlier row"
			} else {
				seen[key] = true
			}
		}
		if reason != "" {
			st.skip(reason)
			return nil
		}
		return out.row(row...)
	})
	if err != nil {
		return st, fmt.Errorf("import wikidata: %w", err)
	}
	if err := out.flush(); err != nil {
		return st, fmt.Errorf("import wikidata: write: %w", err)
	}
	return st, nil
}

func field(rec record, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(rec[n]); v != "" {
			return v
		}
	}
	return ""
}

// wikidataRow builds the people cells of one record, or says why not.
func wikidataRow(rec record, countries *Countries) ([]string, string) {
	item := field(rec, "item", "person")
	qid := item[strings.LastIndexByte(item, '/')+1:]
	if !isQID(qid) {
		return nil, "no Wikidata item (want an entity URL or QID)"
	}
	label := field(rec, "label", "itemLabel", "name")
	if label == "" || label == qid {
		return nil, "no English label"
	}
	position := field(rec, "position", "positionLabel", "role")
	if position == "" || strings.HasPrefix(position, "http") {
		return nil, "no position label"
	}
	office := field(rec, "office")
	if office == "" {
		office = classifyOffice(position)
	}
	country := field(rec, "country", "countryCode", "countryLabel")
	code, ok := "", false
	if country != "" && countries != nil {
		code, ok = countries.Resolve(country)
	}
	if !ok {
		if code = orgOfPosition(position); code == "" {
			return nil, "country missing or unknown"
		}
	}
	start, ok1 := wikidataDate(field(rec, "start", "startTime"))
	end, ok2 := wikidataDate(field(rec, "end", "endTime"))
	if !ok1 || !ok2 {
		return nil, "unreadable date"
	}
	if start != "" && end != "" && end < start {
		return nil, "end before start"
	}
	var aliases []string
	for _, a := range strings.Split(field(rec, "aliases", "alias"), "|") {
		if a = strings.TrimSpace(a); a != "" && a != label {
			aliases = append(aliases, a)
		}
	}
	return []string{qid, label, list(aliases), position, office, code, start, end}, ""
}

// wikidataDate reads "2017-01-20T00:00:00Z" (or "+2017-01-20T…", or a bare
// date) as YYYY-MM-DD; "" stays "". Dates before year 1000 are refused:
// the gazetteer is about modern office holders.
func wikidataDate(s string) (string, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	if s == "" {
		return "", true
	}
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < 1000 {
		return "", false
	}
	return s, true
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
