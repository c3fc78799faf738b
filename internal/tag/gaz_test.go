package tag

import (
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// testGazetteer is a small hand-written gazetteer, so unit tests do not
// move when the built-in data grows.
func testGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	person := func(id, name, aliases string, terms ...[5]string) gazetteer.Person {
		p := gazetteer.Person{ID: id, Name: name}
		if aliases != "" {
			p.Aliases = splitBar(aliases)
		}
		for _, tm := range terms {
			p.Terms = append(p.Terms, gazetteer.Term{Role: tm[0], Office: tm[1], Country: tm[2], Start: day(tm[3]), End: day(tm[4])})
		}
		return p
	}
	country := func(code, code3, name, aliases, demonyms, amb string) gazetteer.Country {
		return gazetteer.Country{Code: code, Code3: code3, Name: name, Aliases: splitBar(aliases), Demonyms: splitBar(demonyms), Ambiguous: splitBar(amb)}
	}
	place := func(name, aliases, countries, kind string, amb bool) gazetteer.Place {
		return gazetteer.Place{Name: name, Aliases: splitBar(aliases), Countries: strings.Split(countries, ","), Kind: kind, Ambiguous: amb}
	}
	return &gazetteer.Gazetteer{
		Version: "sha256:test",
		Cues:    builtinCues(t),
		Countries: []gazetteer.Country{
			country("RU", "RUS", "Russia", "Russian Federation|Soviet Union|USSR", "Russian|Russians|Soviet", ""),
			country("US", "USA", "United States", "United States of America|USA|U.S.|US|America", "American|Americans", ""),
			country("SY", "SYR", "Syria", "", "Syrian|Syrians", ""),
			country("UA", "UKR", "Ukraine", "", "Ukrainian|Ukrainians", ""),
			country("GB", "GBR", "United Kingdom", "Britain|Great Britain|UK|U.K.", "British|Briton|Britons", ""),
			country("KP", "PRK", "North Korea", "", "North Korean", ""),
			country("KR", "KOR", "South Korea", "", "South Korean", ""),
			country("JP", "JPN", "Japan", "", "Japanese", ""),
			country("DE", "DEU", "Germany", "West Germany", "German|West German", ""),
			country("JO", "JOR", "Jordan", "", "Jordanian", "Jordan"),
			country("GE", "GEO", "Georgia", "", "Georgian", "Georgia"),
			country("TD", "TCD", "Chad", "", "Chadian", "Chad"),
			country("CA", "CAN", "Canada", "", "Canadian", ""),
			country("IQ", "IRQ", "Iraq", "", "Iraqi", ""),
			country("FR", "FRA", "France", "", "French", ""),
		},
		Places: []gazetteer.Place{
			place("Moscow", "", "RU", "capital", false),
			place("Washington", "", "US", "capital", false),
			place("Damascus", "", "SY", "capital", false),
			place("Idlib", "", "SY", "region", false),
			place("Kremlin", "", "RU", "metonym", false),
			place("White House", "", "US", "metonym", false),
			place("Korean peninsula", "Korean peninsular", "KP,KR", "multi", false),
			place("London", "", "GB", "capital", false),
			place("Tokyo", "", "JP", "capital", false),
			place("Amman", "", "JO", "capital", false),
			place("California", "Calif.", "US", "state", false),
			place("Georgia", "Ga.", "US", "state", true),
			place("Idaho", "", "US", "state", false),
			place("Ontario", "Ont.", "CA", "state", false),
			place("Santa Cruz", "", "US", "city", true),
			place("Nice", "", "FR", "city", true),
		},
		People: []gazetteer.Person{
			person("nw:rex-tillerson", "Rex Tillerson", "Rex W. Tillerson", [5]string{"Secretary of State", "foreign", "US", "2017-02-01", "2018-03-31"}),
			person("Q178294", "Sergei Lavrov", "Sergey Lavrov", [5]string{"Minister of Foreign Affairs", "foreign", "RU", "2004-03-09", ""}),
			person("Q7747", "Vladimir Putin", "", [5]string{"President", "head_of_state", "RU", "2012-05-07", ""}),
			person("nw:bashar-al-assad", "Bashar al-Assad", "Bashar Assad", [5]string{"President", "head_of_state", "SY", "2000-07-17", "2024-12-08"}),
			person("nw:dmitry-peskov", "Dmitry Peskov", "", [5]string{"Press Secretary of the President", "spokesperson", "RU", "2012-05-22", ""}),
			person("Q57641", "Petro Poroshenko", "", [5]string{"President", "head_of_state", "UA", "2014-06-07", "2019-05-20"}),
			person("Q22686", "Donald Trump", "", [5]string{"President", "head_of_state", "US", "2017-01-20", "2021-01-20"}),
			person("Q76", "Barack Obama", "", [5]string{"President", "head_of_state", "US", "2009-01-20", "2017-01-20"}),
			person("nw:james-baker", "James Baker", "James A. Baker|James A. Baker III", [5]string{"Secretary of the Treasury", "finance", "US", "1985-02-04", "1988-08-17"}),
			person("nw:kenneth-baker", "Kenneth Baker", "", [5]string{"Home Secretary", "interior", "GB", "1990-11-28", "1992-04-10"}),
			person("nw:paul-volcker", "Paul Volcker", "", [5]string{"Chair of the Federal Reserve", "central_bank", "US", "1979-08-06", "1987-08-11"}),
			person("nw:theresa-may", "Theresa May", "", [5]string{"Prime Minister", "head_of_government", "GB", "2016-07-13", "2019-07-24"}),
		},
		Roles: []gazetteer.Role{
			{Phrase: "secretary of state", Role: "Secretary of State", Office: "foreign"},
			{Phrase: "foreign minister", Role: "Minister of Foreign Affairs", Office: "foreign"},
			{Phrase: "president", Role: "President", Office: "head_of_state"},
			{Phrase: "kremlin spokesman", Role: "Press Secretary of the President", Office: "spokesperson", Country: "RU"},
			{Phrase: "prime minister", Role: "Prime Minister", Office: "head_of_government"},
			{Phrase: "treasury secretary", Role: "Secretary of the Treasury", Office: "finance", Country: "US"},
			{Phrase: "finance minister", Role: "Minister of Finance", Office: "finance"},
			{Phrase: "chairman", Role: "Chairman", Office: "org_leader"},
		},
		Orgs: []gazetteer.Org{
			{Name: "Federal Reserve", Aliases: []string{"Fed", "Federal Reserve Board"}, Country: "US", Kind: "central_bank"},
			{Name: "Bundesbank", Country: "DE", Kind: "central_bank"},
			{Name: "Chrysler Corp", Aliases: []string{"Chrysler"}, Country: "US", Kind: "company"},
		},
	}
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

func newTestTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New(testGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	return tg
}
