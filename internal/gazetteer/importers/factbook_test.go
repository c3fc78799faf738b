package importers

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

func TestFactbookPrincipals(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // role | words | since, one per holder of the first part
	}{
		{"title and patronymic", "President Vladimir Vladimirovich PUTIN (since 7 May 2012); Vice President X",
			[]string{"President|Vladimir Vladimirovich PUTIN|2012-05-07"}},
		{"surname first", "President XI Jinping (since 14 March 2013); Vice President LI Yuanchao",
			[]string{"President|XI Jinping|2013-03-14"}},
		{"particles after the name", "King SALMAN bin Abd al-Aziz Al Saud (since 23 January 2015)",
			[]string{"King|SALMAN bin Abd al-Aziz Al Saud|2015-01-23"}},
		{"title with a stop marker", "Crown Prince and Prime Minister MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud (since 27 September 2022)",
			[]string{"Crown Prince and Prime Minister|MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud|2022-09-27"}},
		{"co-holders share the title", "co-chiefs of state Captains Regent Matteo ROSSI and Lorenzo BUGLI (for the period 1 October 2025 - 31 March 2026)",
			[]string{"Captains Regent|Matteo ROSSI|", "Captains Regent|Lorenzo BUGLI|"}},
		{"partial date, represented by", "Queen ELIZABETH II (since 6 February 1952), represented by Governor General X",
			[]string{"Queen|ELIZABETH II|1952-02-06"}},
		{"month only", "Premier and Chairman Anatoliy CHUBAYS (since NA March 1997)",
			[]string{"Premier and Chairman|Anatoliy CHUBAYS|1997-03"}},
		{"honorific dropped", "President Lt. Gen. Omar Hassan Ahmad al-BASHIR (since 16 October 1993)",
			[]string{"President|Omar Hassan Ahmad al-BASHIR|1993-10-16"}},
		{"prose after the holder", "Amir JABIR al-Ahmad al-Jabir Al Sabah (since 31 December 1977) is a hereditary monarch of the MUBARAK line",
			[]string{"Amir|JABIR al-Ahmad al-Jabir Al Sabah|1977-12-31"}},
		{"quoted nickname", `Prime Minister Josaia Voreqe "Frank" BAINIMARAMA (since 22 September 2014)`,
			[]string{`Prime Minister|Josaia Voreqe "Frank" BAINIMARAMA|2014-09-22`}},
		{"prose before the title", "on 13 November 2022 President Isaac HERZOG (since 7 July 2021)",
			[]string{"President|Isaac HERZOG|2021-07-07"}},
		{"vacant, and a note names no principal", "(vacant); note - Prime Minister CHUNG Hong-won resigned 27 April 2014; MOON Chang-keuk was nominated Prime Minister 10 June 2014",
			nil},
		{"country abbreviation is no name", "President of the US Barack H. OBAMA (since 20 January 2009)",
			[]string{"President of the US|Barack H. OBAMA|2009-01-20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := FactbookPrincipals(tt.in)
			var got []string
			if len(parts) > 0 {
				for _, h := range parts[0] {
					got = append(got, h.Role+"|"+strings.Join(h.Words, " ")+"|"+h.Since)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDisplayName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Vladimirovich PUTIN", "Vladimir Vladimirovich Putin"},
		{"Bashar al-ASAD", "Bashar al-Asad"},
		{"MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud", "Muhammad bin Salman bin Abd al-Aziz Al Saud"},
		{"CHARLES III", "Charles III"},
		{"Mary MCALEESE", "Mary McAleese"},
		{"Boris Nikolayevich YEL'TSIN", "Boris Nikolayevich Yel'tsin"},
		{"Ali Hoseini-KHAMENEI", "Ali Hoseini-Khamenei"},
		{"XI Jinping", "Xi Jinping"},
		{"Frederik Willem DE KLERK", "Frederik Willem de Klerk"},
	}
	for _, tt := range tests {
		if got := displayName(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("displayName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// factbookFixture has three editions of one country, with a gap between
// the last two as in the archive's 2018-2020 editions.
const factbookFixture = `{"year": 2015, "iso2": "RU", "name": "Russia", "entity_type": "sovereign", "chief_of_state": "President Vladimir Vladimirovich PUTIN (since 7 May 2012)", "head_of_government": "Premier Dmitriy Anatolyevich MEDVEDEV (since 8 May 2012)"}
{"year": 2016, "iso2": "RU", "name": "Russia", "entity_type": "sovereign", "chief_of_state": "President Vladimir Vladimirovich PUTIN (since 7 May 2012)", "head_of_government": "Premier Dmitriy Anatolyevich MEDVEDEV (since 8 May 2012)"}
{"year": 2018, "iso2": "RU", "name": "Russia", "entity_type": "sovereign", "chief_of_state": null, "head_of_government": null}
{"year": 2021, "iso2": "RU", "name": "Russia", "entity_type": "sovereign", "chief_of_state": "President Vladimir Vladimirovich PUTIN (since 7 May 2012)", "head_of_government": "Premier Mikhail MISHUSTIN (since 16 January 2020)"}
{"year": 2021, "iso2": "US", "name": "United States", "entity_type": "sovereign", "chief_of_state": "President Joseph R. BIDEN, Jr. (since 20 January 2021)", "head_of_government": "President Joseph R. BIDEN, Jr. (since 20 January 2021)"}
{"year": 2021, "iso2": "GU", "name": "Guam", "entity_type": "territory", "chief_of_state": "President Joseph R. BIDEN, Jr. (since 20 January 2021)", "head_of_government": "Governor Lourdes LEON GUERRERO (since 7 January 2019)"}
`

func TestFactbook(t *testing.T) {
	ids := FactbookIdentities{"RU\tvladimir vladimirovich putin": {ID: "Q7747", Name: "Vladimir Putin", Aliases: []string{"Wladimir Putin"}}}
	var out strings.Builder
	st, err := Factbook(strings.NewReader(factbookFixture), &out, FactbookOptions{Identities: ids})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Q7747\tVladimir Putin\tWladimir Putin|Vladimir Vladimirovich Putin\tPresident\thead_of_state\tRU\t2012-05-07\t\tfactbook 2015-2016,2021 RU",
		"nw:dmitriy-anatolyevich-medvedev\tDmitriy Anatolyevich Medvedev\t\tPremier\thead_of_government\tRU\t2012-05-08\t2020-01-16\tfactbook 2015-2016 RU",
		"nw:mikhail-mishustin\tMikhail Mishustin\t\tPremier\thead_of_government\tRU\t2020-01-16\t\tfactbook 2021 RU",
		"nw:joseph-r-biden\tJoseph R. Biden\t\tPresident\thead_of_state\tUS\t2021-01-20\t\tfactbook 2021 US",
	}
	if got := rows(out.String()); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st.Read != 6 || st.Skipped["not a country (territory, dependency, special region)"] != 1 {
		t.Errorf("stats %v", st)
	}
	loadOutput(t, out.String())

	// A hand-written prime minister between two editions ends the
	// Factbook's term where the Factbook cannot.
	later := []gazetteer.Person{{ID: "nw:someone", Name: "Someone", Terms: []gazetteer.Term{
		{Office: gazetteer.OfficeHeadOfGovernment, Country: "RU", Start: mustDate(t, "2019-01-01")}}}}
	var bounded strings.Builder
	if _, err := Factbook(strings.NewReader(factbookFixture), &bounded, FactbookOptions{Later: later}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bounded.String(), "\t2012-05-08\t2019-01-01\tfactbook 2015-2016 RU; end: start of nw:someone (hand-written)") {
		t.Errorf("Medvedev's term not ended by the later holder:\n%s", bounded.String())
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, ok := dateOf(s, false)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return d
}
