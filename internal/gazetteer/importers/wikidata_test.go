package importers

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestWikidataCSV(t *testing.T) {
	f, err := os.Open("testdata/wikidata-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	st, err := Wikidata(f, &sb, FormatCSV, testCountries())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Q7747\tVladimir Putin\tVladimir Vladimirovich Putin\tPresident of Russia\thead_of_state\tRU\t2012-05-07\t",
		"Q7747\tVladimir Putin\tVladimir Vladimirovich Putin\tPrime Minister of Russia\thead_of_government\tRU\t2008-05-08\t2012-05-07",
		"Q900001\tAnna Example\t\tMinister of Foreign Affairs\tforeign\tRU\t2001-03-01\t2004-02-24",
		"Q900002\tBo Example\t\tSecretary-General of the United Nations\torg_leader\tUN\t2017-01-01\t",
		"Q900007\tFay Example\t\tDeputy Prime Minister of the United Kingdom\tother\tGB\t2010-05-11\t2015-05-08",
		"Q900008\tGil Example\tGil \"The Banker\" Example\tGovernor of the Bank of England\tcentral_bank\tGB\t2013-07-01\t2020-03-15",
	}
	if got := rows(sb.String()); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantSkips := map[string]int{
		"duplicate of an earlier row": 1, "country missing or unknown": 1, "unreadable date": 1, "end before start": 1,
		"no English label": 1, "no Wikidata item (want an entity URL or QID)": 1,
	}
	for reason, n := range wantSkips {
		if st.Skipped[reason] != n {
			t.Errorf("skipped[%q] = %d, want %d (%v)", reason, st.Skipped[reason], n, st)
		}
	}
	if st.Read != 12 || st.Written != len(want) {
		t.Errorf("stats %v", st)
	}
	g := loadOutput(t, sb.String())
	if p, ok := g.Person("Q7747"); !ok || len(p.Terms) != 2 {
		t.Errorf("Q7747 = %+v", p)
	}
}

func TestWikidataJSONForms(t *testing.T) {
	want := []string{
		"Q7747\tVladimir Putin\tVladimir Vladimirovich Putin\tPresident of Russia\thead_of_state\tRU\t2012-05-07\t",
		"Q900001\tAnna Example\t\tMinister of Foreign Affairs\tforeign\tRU\t2001-03-01\t2004-02-24",
	}
	tests := map[string]string{
		"simple array": `[{"item":"http://www.wikidata.org/entity/Q7747","itemLabel":"Vladimir Putin","positionLabel":"President of Russia","country":"RU","start":"2012-05-07T00:00:00Z","aliases":"Vladimir Vladimirovich Putin"},
			{"item":"Q900001","label":"Anna Example","position":"Minister of Foreign Affairs","country":"Russia","start":"2001-03-01","end":"2004-02-24T00:00:00Z"}]`,
		"json lines": `{"item":"http://www.wikidata.org/entity/Q7747","itemLabel":"Vladimir Putin","positionLabel":"President of Russia","country":"RUS","start":"+2012-05-07T00:00:00Z","aliases":"Vladimir Vladimirovich Putin"}
{"item":"Q900001","label":"Anna Example","position":"Minister of Foreign Affairs","country":"RU","start":"2001-03-01","end":"2004-02-24"}
`,
		"sparql results": `{"head":{"vars":["item","itemLabel"]},"results":{"bindings":[
			{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q7747"},"itemLabel":{"xml:lang":"en","type":"literal","value":"Vladimir Putin"},"positionLabel":{"type":"literal","value":"President of Russia"},"country":{"type":"literal","value":"RU"},"start":{"datatype":"http://www.w3.org/2001/XMLSchema#dateTime","type":"literal","value":"2012-05-07T00:00:00Z"},"aliases":{"type":"literal","value":"Vladimir Vladimirovich Putin"}},
			{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q900001"},"itemLabel":{"type":"literal","value":"Anna Example"},"positionLabel":{"type":"literal","value":"Minister of Foreign Affairs"},"country":{"type":"literal","value":"RU"},"start":{"type":"literal","value":"2001-03-01T00:00:00Z"},"end":{"type":"literal","value":"2004-02-24T00:00:00Z"}}]}}`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			var sb strings.Builder
			st, err := Wikidata(strings.NewReader(in), &sb, FormatJSON, testCountries())
			if err != nil {
				t.Fatal(err)
			}
			if got := rows(sb.String()); !slices.Equal(got, want) {
				t.Errorf("rows:\n%s\nwant:\n%s\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"), st)
			}
		})
	}
	if _, err := Wikidata(strings.NewReader("x"), &strings.Builder{}, "xml", nil); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Wikidata(strings.NewReader(`[{"item": `), &strings.Builder{}, FormatJSON, nil); err == nil {
		t.Error("truncated JSON accepted")
	}
}

func TestClassifyOffice(t *testing.T) {
	tests := map[string]string{
		"President of the United States":                          "head_of_state",
		"Vice President of the United States":                     "other",
		"Prime Minister of Japan":                                 "head_of_government",
		"Chancellor of Germany":                                   "head_of_government",
		"Chancellor of the Exchequer":                             "finance",
		"United States Secretary of State":                        "foreign",
		"Secretary of State for Foreign and Commonwealth Affairs": "foreign",
		"Secretary of State for Defence":                          "defence",
		"Home Secretary":                                          "interior",
		"Minister of Finance of Russia":                           "finance",
		"Chair of the Federal Reserve":                            "central_bank",
		"President of the European Central Bank":                  "central_bank",
		"Secretary-General of NATO":                               "org_leader",
		"Press Secretary to the President of Russia":              "spokesperson",
		"Minister of Foreign Affairs of the United Arab Emirates": "foreign",
		"Minister for the Civil Service":                          "other",
		"King of Spain":                                           "head_of_state",
		"Mayor of London":                                         "other",
	}
	for pos, want := range tests {
		if got := classifyOffice(pos); got != want {
			t.Errorf("classifyOffice(%q) = %s, want %s", pos, got, want)
		}
	}
}
