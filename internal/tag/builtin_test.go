package tag_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

func builtinTagger(t *testing.T) *tag.Tagger {
	t.Helper()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Countries) == 0 || len(g.Places) == 0 || len(g.People) == 0 {
		t.Fatal("built-in gazetteer incomplete: the embedded data is broken")
	}
	tg, err := tag.New(g)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestBuiltinAmbiguity checks the hard cases of the brief against the real
// built-in data: place names that are words or people, qualifiers, datelines.
func TestBuiltinAmbiguity(t *testing.T) {
	tg := builtinTagger(t)
	cases := []struct {
		name, title, text, place string
		want                     []string
	}{
		{"albany qualified", "", "The plant in Albany, N.Y. will close.", "", []string{"US"}},
		{"columbia university", "", "Students at Columbia University protested.", "", nil},
		{"colombia", "", "Coffee exports from Colombia rose.", "", []string{"CO"}},
		{"nice alone", "", "It was a nice day and Nice weather.", "", nil},
		{"reading alone", "", "Reading the report, he frowned.", "", nil},
		{"mobile alone", "", "Mobile phones sold well.", "", nil},
		{"chad smith", "", "Chad Smith said the band would tour.", "", nil},
		{"jordan said", "", "Jordan said he would retire.", "", nil},
		{"jordan country", "", "King Hussein returned to Jordan after talks in Amman.", "", []string{"JO"}},
		{"kremlin", "", "The Kremlin denied the report.", "", []string{"RU"}},
		{"korean peninsula", "", "Tensions on the Korean peninsula rose.", "", []string{"KP", "KR"}},
		{"london ontario", "", "LONDON, Ontario - The company said sales rose.", "LONDON, Ontario", []string{"CA"}},
		{"santa cruz calif", "", "SANTA CRUZ, Calif. - The company said sales rose.", "SANTA CRUZ, Calif.", []string{"US"}},
		{"moscow reuters", "", "MOSCOW (Reuters) - The ministry said prices rose.", "MOSCOW", []string{"RU"}},
		{"caps headline", "U.S. SUGAR IMPORTS DOWN IN WEEK - USDA", "Imports fell.", "", []string{"US"}},
		{"company name", "", "Credit Suisse First Boston and Manufacturers Hanover led the issue.", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := tag.Input{Title: c.title, Text: c.text, Date: time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC)}
			if c.place != "" {
				in.Dateline = &event.Dateline{Text: c.place, Place: c.place, Start: 0, End: strings.Index(c.text, c.place) + len(c.place)}
			}
			res, err := tg.Tag(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, cc := range res.Countries {
				got = append(got, cc.Code)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("countries = %v, want %v (%+v)", got, c.want, res.Countries)
			}
		})
	}
}
