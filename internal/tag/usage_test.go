package tag_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/tag"
)

// TestUsages checks the built-in usages (gazetteer kind "usages") and the
// name rules beside them: a demonym that makes a kind of thing, a language,
// an ethnic group or a surname names no country; one that makes a
// government, a people or a nationality acting still does.
func TestUsages(t *testing.T) {
	tg := builtinTagger(t)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"cuisine", "The new Thai restaurant opened next to a Lebanese bakery.", nil},
		{"food list", "Stalls sold Japanese and Korean food all weekend.", nil},
		{"a drink is its country's, a dog breed no country", "He drank Belgian beer while his Irish setter slept.", []string{"BE"}},
		{"music", "The band played Cuban jazz and Brazilian pop.", nil},
		{"a company of the country", "A Dutch food retailer bought the chain.", []string{"NL"}},
		{"traded goods", "Prices of Colombian coffee rose.", []string{"CO"}},
		{"compound", "Kids ate French toast and Swiss cheese, then played Chinese checkers.", nil},
		{"compound lower case noun", "A German shepherd and a Dutch oven were for sale.", nil},
		{"school subject", "She teaches Spanish classes at the high school.", nil},
		{"language after a verb", "The guide speaks fluent Portuguese and Italian.", nil},
		{"language list", "Forms are printed in English and Vietnamese.", nil},
		{"language with a modifier", "He spoke only Greek at first.", nil},
		{"ethnic group", "Polish-American and Korean American groups marched.", []string{"US"}},
		{"a name is no ethnic group", "Shares of British American Tobacco rose.", []string{"GB", "US"}},
		{"relations of two countries", "After the vote, Chinese-American relations soured.", []string{"CN", "US"}},
		{"surname after a first name", "Council member Sarah English and Tom Holland voted no.", nil},
		{"surname speaks", "The vote was close. English said she would try again.", nil},
		{"a people speaks", "The French said no, and Italians say yes.", []string{"FR", "IT"}},
		{"tribe", "The Cherokee Indians signed the treaty.", nil},
		{"a government acting", "Japanese officials met Brazilian envoys in the capital.", []string{"BR", "JP"}},
		{"nationality", "A Canadian citizen and a Kenyan runner won.", []string{"CA", "KE"}},
		{"language of a place is still a place", "Troops moved in Russian territory.", []string{"RU"}},
		{"a list before a noun", "Investors bought stakes in British and French companies.", []string{"FR", "GB"}},
		{"money is no person", "The 26 mln U.S. Dlr Italian credit was signed.", []string{"IT", "US"}},
	}
	for _, c := range cases {
		if got := mentioned(t, tg, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q: countries = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// mentioned tags one text of 2009 and returns its countries, sorted.
func mentioned(t *testing.T, tg *tag.Tagger, text string) []string {
	t.Helper()
	res, err := tg.Tag(context.Background(), tag.Input{Text: text, Date: time.Date(2009, 3, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return countryCodes(res.Countries)
}

// TestPlaceNameParts: a place's name inside another name or after an
// initial is no mention of the place; a lawmaker's "R-" or "D-" home town
// is American; a country's ambiguous name listed with countries is the
// country.
func TestPlaceNameParts(t *testing.T) {
	tg := builtinTagger(t)
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"initials", "The class read H.G. Wells and T.S. Eliot this term.", nil},
		{"initials of a country", "The U.S. Virginia plant closed.", []string{"US"}},
		{"party and home town", "The bill's sponsor, state Rep. Ann Cole, D-Paris, voted yes.", nil},
		{"name after a hyphen", "Nurses at Methodist Hospital-Houston went on strike.", nil},
		{"hyphenated places", "Flights from the Dallas-Fort Worth airport resumed.", []string{"US"}},
		{"name part", "Homes were built near Henley-on-Thames last year.", nil},
		{"first name", "Board member Peter Flanders and Tom Holland voted no.", nil},
		{"country's town institution", "Students at Lebanon Valley College won the prize.", nil},
		{"a town's institution names it", "The Winnipeg Police Service made an arrest.", []string{"CA"}},
		{"another name", "The Paris Club agreed to a rescheduling.", nil},
		{"country listed with countries", "Shelling near the border with Georgia and Armenia went on.", []string{"AM", "GE"}},
		{"state with countries in a US story", "Farmers in Georgia and Alabama sold peaches to Mexico.", []string{"MX", "US"}},
		{"irish counties", "Floods closed roads in Kerry and Tipperary on Sunday.", []string{"IE"}},
		{"a county that is a first name", "Clare said the flight was late.", nil},
	} {
		if got := mentioned(t, tg, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q: countries = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// TestEventVenue: an event named after its venue ("the Paris accord")
// still mentions the place, but weighs little in what the story is about.
func TestEventVenue(t *testing.T) {
	tg := builtinTagger(t)
	res, err := tg.Tag(context.Background(), tag.Input{Text: "Japanese exporters in Tokyo said the Paris accord had held. Japan's trade surplus grew."})
	if err != nil {
		t.Fatal(err)
	}
	sal := map[string]float64{}
	for _, c := range res.Countries {
		sal[c.Code] = c.Salience
	}
	if fr, ok := sal["FR"]; !ok || fr >= 0.5 || sal["JP"] < 0.5 {
		t.Errorf("salience = %v, want FR mentioned below 0.5 and JP at 0.5 or more", sal)
	}
}
