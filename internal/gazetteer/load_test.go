package gazetteer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	hCountries = "code\tcode3\tname\taliases\tdemonyms\tambiguous"
	hPlaces    = "place\taliases\tcountries\tkind\tflags"
	hPeople    = "person_id\tname\taliases\trole\toffice\tcountry\tstart\tend"
	hTopics    = "topic\tlabel\tparent\tphrases\tnegatives"
	hRoles     = "role_phrase\trole\toffice\tcountry"
	hOrgs      = "org\taliases\tcountry\tkind"
)

func file(name, kind string, lines ...string) source {
	return source{name: name, hashName: name, data: []byte(strings.Join(lines, "\n") + "\n"), kind: kind}
}

func userFile(name string, lines ...string) source {
	s := file(name, "", lines...)
	s.hashName = "user/" + name
	return s
}

// base is a small consistent built-in set.
func base() []source {
	return []source{
		file("countries.tsv", KindCountries, "# comment", "", hCountries,
			"RU\tRUS\tRussia\tRussian Federation\tRussian|Russians\t",
			"US\tUSA\tUnited States\tUSA|U.S.\tAmerican|Americans\t",
			"GE\tGEO\tGeorgia\t\tGeorgian\tGeorgia"),
		file("places.tsv", KindPlaces, hPlaces,
			"Moscow\tMoskva\tRU\tcapital\t",
			"Kremlin\t\tRU\tmetonym\t",
			"Korean peninsula\t\tRU,US\tmulti\t"),
		file("people-a.tsv", KindPeople, hPeople,
			"Q1\tAlpha Person\t\tPresident\thead_of_state\tRU\t2012-05-07\t",
			"Q1\tAlpha Person\t\tPrime Minister\thead_of_government\tRU\t2008-05\t2012-05-07",
			"nw:rex-tillerson\tRex Tillerson\tRex W. Tillerson\tSecretary of State\tforeign\tUS\t2017-02-01\t2018-03-31"),
		file("people-b.tsv", KindPeople, hPeople,
			"Q1\tAlpha Person\tV. Alpha\tPresident\thead_of_state\tRU\t2000\t2008-05-07"),
		file("topics.tsv", KindTopics, hTopics,
			"medtop:11000000\tpolitics\t\t\t",
			"medtop:20000638\tinternational relations\tmedtop:11000000\tbilateral:0.5\t",
			"medtop:20000639\tdiplomacy\tmedtop:20000638\tdiplomat*:0.6|talks:0.3\tpeace talks in football"),
		file("roles.tsv", KindRoles, hRoles, "foreign minister\tMinister of Foreign Affairs\tforeign\t", "kremlin spokesman\tPresidential Press Secretary\tspokesperson\tRU"),
		file("orgs.tsv", KindOrgs, hOrgs, "Federal Reserve\tFed\tUS\tcentral_bank", "United Nations\tUN\tUN\tintl_org"),
	}
}

func TestLoadValid(t *testing.T) {
	g, err := load(base())
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{len(g.Countries), len(g.Places), len(g.People), len(g.Topics), len(g.Roles), len(g.Orgs)}; !slices.Equal(got, []int{3, 3, 2, 3, 2, 2}) {
		t.Errorf("counts = %v", got)
	}
	if c, ok := g.CountryByCode("RU"); !ok || c.Code3 != "RUS" || c.Demonyms[1] != "Russians" {
		t.Errorf("CountryByCode(RU) = %+v, %v", c, ok)
	}
	if c, ok := g.CountryByCode3("USA"); !ok || c.Code != "US" {
		t.Errorf("CountryByCode3(USA) = %+v, %v", c, ok)
	}
	p, ok := g.Person("Q1")
	if !ok || len(p.Terms) != 3 {
		t.Fatalf("Person(Q1) = %+v, %v", p, ok)
	}
	for i := 1; i < len(p.Terms); i++ {
		if p.Terms[i].Start.Before(p.Terms[i-1].Start) {
			t.Errorf("terms not sorted by start: %v", p.Terms)
		}
	}
	if len(p.Aliases) != 1 || p.Aliases[0] != "V. Alpha" {
		t.Errorf("aliases merged across built-in files = %v", p.Aliases)
	}
	if got := g.TopicAncestors("medtop:20000639"); strings.Join(got, ",") != "medtop:20000638,medtop:11000000" {
		t.Errorf("TopicAncestors = %v", got)
	}
	tr, _ := g.Topic("medtop:20000639")
	if len(tr.Phrases) != 2 || tr.Phrases[0] != (Phrase{Text: "diplomat*", Weight: 0.6}) || tr.Negatives[0] != "peace talks in football" {
		t.Errorf("topic = %+v", tr)
	}
	if !strings.HasPrefix(g.Version, "sha256:") || len(g.Version) != len("sha256:")+16 {
		t.Errorf("Version = %q", g.Version)
	}
	if g.People[0].ID != "Q1" || g.Countries[0].Code != "GE" {
		t.Errorf("not sorted: %s %s", g.People[0].ID, g.Countries[0].Code)
	}
}

// TestSourceColumn: a file may end its header with "source"; its rows then
// carry their provenance and load like any other.
func TestSourceColumn(t *testing.T) {
	g, err := load([]source{userFile("x.tsv", hOrgs+"\tsource", "Fed\tFederal Reserve\tUS\tcentral_bank\thand: federalreserve.gov")})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Orgs) != 1 || g.Orgs[0].Name != "Fed" || g.Orgs[0].Kind != "central_bank" {
		t.Errorf("orgs = %+v", g.Orgs)
	}
	if HeaderWithSource(KindPlaces) != "place\taliases\tcountries\tkind\tflags\tsource" || HeaderWithSource("nope") != "" {
		t.Errorf("HeaderWithSource = %q", HeaderWithSource(KindPlaces))
	}
}

// TestSubdivision: an ISO 3166-2 code in the countries cell gives the
// country and the state; the same name with and without it are two rows.
func TestSubdivision(t *testing.T) {
	g, err := load([]source{userFile("x.tsv", hPlaces+"\tsource",
		"Athens\t\tUS-GA\tcity\t\tgeonames 4180386",
		"Athens\t\tUS\tcity\tambiguous\thand: test",
		"London\t\tCA-ON\tcity\tambiguous\tgeonames 6058560",
		"Moore\t\tUS-OK\tcity\tminor\tgeonames 4542975")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range g.Places {
		got = append(got, fmt.Sprint(p.Name, " ", strings.Join(p.Countries, ","), " ", p.Subdivision, " ", p.Ambiguous, " ", p.Minor))
	}
	if want := "Athens US  true false|Athens US US-GA false false|London CA CA-ON true false|Moore US US-OK false true"; strings.Join(got, "|") != want {
		t.Errorf("places = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		srcs []source
		want []string // substrings of the error
	}{
		{"unknown header", []source{userFile("x.tsv", "name\tcode")}, []string{`x.tsv:1: unknown header "name"`}},
		{"wrong header columns", []source{userFile("x.tsv", "place\taliases\tcountry\tkind\tflags")}, []string{"x.tsv:1: header of a places file"}},
		{"kind in wrong directory", []source{file("p.tsv", KindPeople, hPlaces)}, []string{"a places file in the people directory"}},
		{"column count", []source{userFile("x.tsv", hPlaces, "Moscow\tRU\tcapital")}, []string{"x.tsv:2: want 5 tab-separated columns"}},
		{"bad ISO code", []source{userFile("x.tsv", hCountries, "ru\tRUS\tRussia\t\t\t", "RU\tRU\tRussia\t\t\t")}, []string{`x.tsv:2: field "code": "ru" is not`, `x.tsv:3: field "code3"`}},
		{"bad date", []source{userFile("x.tsv", hPeople, "Q5\tX Y\t\tPresident\thead_of_state\tRU\t2017-02-30\t")}, []string{`x.tsv:2: field "start": "2017-02-30": no such date`}},
		{"end before start", []source{userFile("x.tsv", hPeople, "Q5\tX Y\t\tPresident\thead_of_state\tRU\t2017\t2016")}, []string{`field "end": end 2016 is before start 2017`}},
		{"unknown office", []source{userFile("x.tsv", hRoles, "foreign minister\tForeign Minister\tforeign_affairs\t")}, []string{`field "office": unknown office "foreign_affairs"`}},
		{"weight out of range", []source{userFile("x.tsv", hTopics, "medtop:11000000\tpolitics\t\tvote:1.5|poll\t")}, []string{`weight 1.5 out of range`, `"poll": want phrase:weight`}},
		{"topic parent cycle", []source{userFile("x.tsv", hTopics, "medtop:00000001\ta\tmedtop:00000002\t\t", "medtop:00000002\tb\tmedtop:00000001\t\t")}, []string{"topic parent cycle"}},
		{"missing parent", []source{userFile("x.tsv", hTopics, "medtop:00000001\ta\tmedtop:00000009\t\t")}, []string{"parent medtop:00000009 is not a defined topic"}},
		{"duplicate in file", []source{userFile("x.tsv", hOrgs, "Fed\t\tUS\tcentral_bank", "Fed\t\tUS\tcentral_bank")}, []string{`x.tsv:3: field "org": duplicate of line 2`}},
		{"duplicate across built-in files", []source{file("a.tsv", KindRoles, hRoles, "premier\tPremier\thead_of_government\t"), file("b.tsv", KindRoles, hRoles, "premier\tPremier\thead_of_government\t")}, []string{`b.tsv:2: role phrase "premier" is already defined at a.tsv:2`}},
		{"person renamed", []source{file("a.tsv", KindPeople, hPeople, "Q5\tX Y\t\tPresident\thead_of_state\tRU\t\t"), file("b.tsv", KindPeople, hPeople, "Q5\tX Z\t\tPresident\thead_of_state\tUS\t\t")}, []string{`b.tsv:2: field "name": Q5 is named "X Y" at a.tsv:2`}},
		{"several countries not multi", []source{userFile("x.tsv", hPlaces, "Nowhere\t\tRU,US\tcity\t")}, []string{"only allowed for kind multi"}},
		{"bad subdivision", []source{userFile("x.tsv", hPlaces, "Athens\t\tUS-georgia\tcity\t")}, []string{`"US-georgia" is not an ISO 3166-2 subdivision code`}},
		{"subdivision in a multi", []source{userFile("x.tsv", hPlaces, "Twin\t\tUS-GA,CA\tmulti\t")}, []string{"a subdivision code is only allowed alone"}},
		{"ambiguous form not a name", []source{userFile("x.tsv", hCountries, "GE\tGEO\tGeorgia\t\t\tGeorgian")}, []string{`"Georgian" is not the name`}},
		{"unknown country", append(base(), userFile("x.tsv", hPlaces, "Paris\t\tFR\tcapital\t")), []string{`x.tsv:2: field "countries": unknown country FR`}},
		{"bad person id", []source{userFile("x.tsv", hPeople, "Rex\tRex\t\tPresident\thead_of_state\tUS\t\t")}, []string{"neither a Wikidata QID"}},
		{"no header", []source{userFile("x.tsv", "# only a comment")}, []string{"x.tsv:1: no header line"}},
		{"empty source", []source{userFile("x.tsv", hOrgs+"\tsource", "Fed\t\tUS\tcentral_bank\t")}, []string{`x.tsv:2: field "source": empty`}},
		{"source not last", []source{userFile("x.tsv", "org\tsource\taliases\tcountry\tkind")}, []string{"x.tsv:1: header of a orgs file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.srcs)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("no *Error in %v", err)
			}
		})
	}
}

func TestCountryCrossCheckSkippedWithoutCountries(t *testing.T) {
	_, err := load([]source{file("p.tsv", KindPlaces, hPlaces, "Paris\t\tFR\tcapital\t")})
	if err != nil {
		t.Fatalf("with no countries loaded the cross-check must be skipped: %v", err)
	}
}

func TestUserOverrides(t *testing.T) {
	srcs := append(base(),
		userFile("mine.tsv", hPeople, "Q1\tAlpha Person\tA. P.\tForeign Minister\tforeign\tRU\t2004\t"),
		userFile("more.tsv", hCountries, "RU\tRUS\tRussian Federation\tRussia\tRussian\t"),
		userFile("places.tsv", hPlaces, "Moscow\t\tRU\tcity\tambiguous", "Moscow\t\tUS\tcity\tambiguous"),
	)
	g, err := load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := g.Person("Q1")
	if len(p.Terms) != 1 || p.Terms[0].Office != OfficeForeign || strings.Join(p.Aliases, "|") != "A. P." {
		t.Errorf("user rows must replace all built-in terms: %+v", p)
	}
	if c, _ := g.CountryByCode("RU"); c.Name != "Russian Federation" {
		t.Errorf("country not overridden: %+v", c)
	}
	var moscows []string
	for _, pl := range g.Places {
		if pl.Name == "Moscow" {
			moscows = append(moscows, pl.Kind+"/"+pl.Countries[0])
		}
	}
	if strings.Join(moscows, ",") != "city/RU,city/US" {
		t.Errorf("places by name+countries: %v", moscows)
	}
}

func TestVersion(t *testing.T) {
	v := func(srcs []source) string {
		g, err := load(srcs)
		if err != nil {
			t.Fatal(err)
		}
		return g.Version
	}
	a, b := v(base()), v(base())
	if a != b {
		t.Errorf("version not stable: %s %s", a, b)
	}
	changed := base()
	changed[1].data = append(changed[1].data, []byte("Idlib\t\tRU\tregion\t\n")...)
	if v(changed) == a {
		t.Error("version did not change with content")
	}
}

func TestLoadUserFile(t *testing.T) {
	g, err := Load(filepath.Join("testdata", "user-people.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := g.Person("nw:jane-doe")
	if !ok || p.Terms[0].End.Format("2006-01-02") != "2023-06-30" {
		t.Errorf("Person(nw:jane-doe) = %+v, %v", p, ok)
	}
	// The version must not depend on where the user keeps the file.
	data, _ := os.ReadFile(filepath.Join("testdata", "user-people.tsv"))
	other := filepath.Join(t.TempDir(), "user-people.tsv")
	if err := os.WriteFile(other, data, 0o600); err != nil {
		t.Fatal(err)
	}
	g2, err := Load(other)
	if err != nil {
		t.Fatal(err)
	}
	if g.Version != g2.Version {
		t.Errorf("version depends on the directory: %s vs %s", g.Version, g2.Version)
	}
	if _, err := Load(filepath.Join("testdata", "missing.tsv")); err == nil {
		t.Error("missing user file accepted")
	}
}

func TestBuiltin(t *testing.T) {
	start := time.Now()
	g, err := Builtin()
	if err != nil {
		t.Fatalf("built-in data does not load:\n%v", err)
	}
	t.Logf("built-in gazetteer %s: %d countries, %d places, %d people, %d topics, %d roles, %d orgs, loaded in %v",
		g.Version, len(g.Countries), len(g.Places), len(g.People), len(g.Topics), len(g.Roles), len(g.Orgs), time.Since(start))
}
