package gazetteer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer/importers"
)

// factbookRow is one country in one Factbook edition, and countryYear its
// key, as the importer reads them.
type (
	factbookRow = importers.FactbookRecord
	countryYear = importers.FactbookKey
)

// readFactbook reads the archive as the importer does: one row per country
// and edition year with an executive entry, the sovereign entity's where
// several share a code, no territories.
func readFactbook(t *testing.T, path string) map[countryYear]factbookRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var st importers.Stats
	out, err := importers.ReadFactbook(f, &st)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// principals reads the folded capitalised words of the principal holders
// from a Factbook chief_of_state or head_of_government entry, one list per
// `;`-separated part (the first part names the holder; later parts may
// name co-holders such as Bosnia's presidency members), with the parser
// the Factbook importer uses: "President Vladimir Vladimirovich PUTIN
// (since 7 May 2012); Vice ..." gives [[[putin]]].
func principals(entry string) [][][]string {
	var out [][][]string
	for _, part := range importers.FactbookPrincipals(entry) {
		var names [][]string
		for _, h := range part {
			names = append(names, h.Caps)
		}
		out = append(out, names)
	}
	return out
}

// allNames flattens the parts of principals.
func allNames(parts [][][]string) [][]string {
	var out [][]string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestPrincipals(t *testing.T) {
	tests := []struct{ in, want string }{
		{"President Vladimir Vladimirovich PUTIN (since 7 May 2012); Vice President X", "putin"},
		{"President William Jefferson CLINTON (since 20 January 1993) and Vice President Albert GORE, Jr. (since 1993)", "clinton"},
		{"Queen ELIZABETH II (since 6 February 1952), represented by Governor General Raymond John HNATYSHYN", "elizabeth"},
		{"Crown Prince and Prime Minister MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud (since 27 September 2022)", "muhammad salman"},
		{"Prime Minister Vice President MUHAMMAD BIN RASHID Al-Maktum (since 5 January 2006); Deputy Prime Ministers SAIF", "muhammad rashid"},
		{"co-chiefs of state Captain Regent Marino RICCARDI and Captain Regent Fabio BERARDI", "riccardi/berardi"},
		{"Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)", "khamenei"},
		{"Pope JOHN PAUL II (Karol WOJTYLA; since 16 October 1978)", "john paul"},
		{"President XI Jinping (since 14 March 2013); Vice President LI Yuanchao", "xi"},
		{"President Mahmud AHMADI-NEJAD (since 3 August 2005) First Vice President Dr. AREF-Yazdi", "ahmadi nejad"},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range allNames(principals(tt.in)) {
			got = append(got, strings.Join(g, " "))
		}
		if strings.Join(got, "/") != tt.want {
			t.Errorf("principals(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
