package tag_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

// TestPlacesInLocalNews: namesakes read from the story, as CLAVIN and
// Mordecai read them: a state or province right after the name decides;
// otherwise the other places of the story, then the famous place.
// The sentences are written for this test.
func TestPlacesInLocalNews(t *testing.T) {
	tg := builtinTagger(t)
	cases := []struct {
		name, title, text string
		want              []string // every country mentioned
	}{
		{"paris texas", "", "The rodeo in Paris, Texas drew a record crowd.", []string{"US"}},
		{"paris alone is french", "", "The delegation flew on to Paris for the summit.", []string{"FR"}},
		{"paris with a us official stays french", "", "U.S. Secretary of State Rex Tillerson arrived in Paris on Monday.", []string{"FR", "US"}},
		{"athens ga", "", "The university in Athens, Ga. raised tuition.", []string{"US"}},
		{"athens with the state nearby", "", "Voters in Athens approved the bond. Georgia lawmakers had backed it.", []string{"US"}},
		{"london ont", "", "The plant in London, Ont. will hire 200 workers.", []string{"CA"}},
		{"london with ontario towns", "", "Commuters from London and Kitchener crowded the highway to Toronto.", []string{"CA"}},
		{"alexandria with louisiana", "", "Police in Alexandria arrested two men. The Louisiana State Police assisted.", []string{"US"}},
		{"alexandria with louisiana towns", "", "Alexandria and Pineville schools closed early; buses from Shreveport and Lafayette waited.", []string{"US"}},
		{"alexandria in egypt", "", "Protesters marched in Cairo and Alexandria as Egyptian police watched.", []string{"EG"}},
		{"georgia with atlanta", "", "The governor of Georgia spoke in Atlanta about the budget.", []string{"US"}},
		{"georgia with tbilisi", "", "Georgia's parliament in Tbilisi voted on the bill.", []string{"GE"}},
		{"georgia alone is the state", "", "Farmers in Georgia expect a big peach harvest.", []string{"US"}},
		{"georgia with georgians", "", "The Georgian opposition rallied on Friday. Georgia's president did not resign.", []string{"GE"}},
		{"small towns and a county", "Fire destroys barn near Ozark",
			"Firefighters from Ozark and Nixa fought the blaze until dawn. Christian County deputies closed the road.", []string{"US"}},
		{"a county alone", "", "The Madison County Health Department reopened the clinic.", []string{"US"}},
		{"county first is not american", "", "Farmers in County Cork protested the new levy.", []string{"IE"}},
		{"chinese county", "", "The quake struck Wenchuan County in China's Sichuan province.", []string{"CN"}},
		{"small town name in a company", "MOORE TO SELL UNIT", "Moore Corp Ltd said it would sell its forms unit.", nil},
		{"small town needs its story", "", "He read Moore and Irving on the flight to Tokyo.", []string{"JP"}},
		{"a country's name over a town", "", "Exports from Jamaica rose, U.S. officials said.", []string{"JM", "US"}},
		{"namesakes do not vouch for each other", "", "Traders in Amsterdam and Rotterdam expect prices to rise.", []string{"NL"}},
		{"a state's institution names it", "", "The Minnesota Highway Patrol closed the road.", []string{"US"}},
		{"a town's council", "", "The Mount Pleasant City Council met on Monday.", []string{"US"}},
		{"a town that is a word", "", "Wilson and Normal were named in the Union report from Wellington.", []string{"NZ"}},
		{"dateline after a repeated headline", "Council approves budget",
			"Council approves budget. TORRINGTON — The council approved the budget on Monday.", []string{"US"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := tg.Tag(context.Background(), tag.Input{Title: c.title, Text: c.text, Date: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if got := countryCodes(res.Countries); !slices.Equal(got, c.want) {
				t.Errorf("countries = %v, want %v (%+v)", got, c.want, res.Countries)
			}
		})
	}
}

// TestDatelineNamesake: the qualifier of a dateline reads in the light of
// its city, and a town with its state is that state's town.
func TestDatelineNamesake(t *testing.T) {
	tg := builtinTagger(t)
	for _, c := range []struct {
		place string
		want  []string
	}{
		{"PARIS, Texas", []string{"US"}},
		{"ATHENS, Georgia", []string{"US"}},
		{"TBILISI, Georgia", []string{"GE"}},
		{"LONDON, Ont.", []string{"CA"}},
	} {
		t.Run(c.place, func(t *testing.T) {
			text := c.place + " - The county fair opened on Friday."
			in := tag.Input{Text: text, Dateline: &event.Dateline{Text: c.place, Place: c.place, Start: 0, End: len(c.place)}}
			res, err := tg.Tag(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if got := countryCodes(res.Countries); !slices.Equal(got, c.want) {
				t.Errorf("countries = %v, want %v", got, c.want)
			}
		})
	}
}

func countryCodes(cs []event.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Code)
	}
	slices.Sort(out)
	return out
}

// TestDatelineAfterHeadline: a feed that repeats the headline as the body's
// first sentence puts the dateline after it; it is read there, qualified
// or not, and weighs as a dateline.
func TestDatelineAfterHeadline(t *testing.T) {
	tg := builtinTagger(t)
	for _, text := range []string{
		"Council approves budget. TORRINGTON — The council approved the budget on Monday.",
		"Council approves budget. FAIRFIELD, Conn. — The council approved the budget on Monday.",
	} {
		res, err := tg.Tag(context.Background(), tag.Input{Title: "Council approves budget", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Countries) != 1 || res.Countries[0].Code != "US" || res.Countries[0].Salience < 0.8 {
			t.Errorf("%q: countries = %+v, want US from the dateline (salience ≥ 0.8)", text, res.Countries)
		}
	}
}
