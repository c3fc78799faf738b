package tag

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/pkg/event"
)

func dateline(text, place string) *event.Dateline {
	i := strings.Index(text, place)
	return &event.Dateline{Text: place, Place: place, Start: i, End: i + len(place)}
}

func codes(cs []event.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Code)
	}
	slices.Sort(out)
	return out
}

func focus(cs []event.Country) []string {
	var out []string
	for _, c := range cs {
		if c.Focus {
			out = append(out, c.Code)
		}
	}
	slices.Sort(out)
	return out
}

func TestCountries(t *testing.T) {
	tg := newTestTagger(t)
	cases := []struct {
		name      string
		title     string
		text      string
		place     string // dateline place inside text
		want      []string
		wantFocus []string
	}{
		{"names and demonyms", "", "Russian officials met Syrian envoys in Damascus.", "", []string{"RU", "SY"}, nil},
		{"possessive", "", "Syria's Idlib province and Russia's ally.", "", []string{"RU", "SY"}, nil},
		{"us pronoun is no country", "", "Let us talk about it.", "", nil, nil},
		{"U.S. with dots", "", "The U.S. said so.", "", []string{"US"}, nil},
		{"metonym", "", "The Kremlin said the White House was wrong.", "", []string{"RU", "US"}, nil},
		{"multi", "", "Tensions on the Korean peninsular rose.", "", []string{"KP", "KR"}, nil},
		{"ambiguous alone", "", "Jordan said he would play.", "", nil, nil},
		{"ambiguous person", "", "Michael Jordan scored in the game.", "", nil, nil},
		{"ambiguous corroborated", "", "The Jordanian king flew home to Jordan.", "", []string{"JO"}, nil},
		{"ambiguous by preposition", "", "Refugees arrived in Jordan last week.", "", []string{"JO"}, nil},
		{"ambiguous in a list", "", "Iraq, Jordan and Syria agreed.", "", []string{"IQ", "JO", "SY"}, nil},
		{"georgia the state", "", "Atlanta is in Georgia, the governor said. He met Americans.", "", []string{"US"}, nil},
		{"moscow idaho", "", "The plant in Moscow, Idaho closed.", "", []string{"US"}, nil},
		{"abbrev needs comma", "", "The Calif. plan.", "", nil, nil},
		{"dateline state", "", "SANTA CRUZ, Calif. - The company said profits rose.", "SANTA CRUZ, Calif.", []string{"US"}, []string{"US"}},
		{"dateline london ontario", "", "LONDON, Ontario - The company said profits rose.", "LONDON, Ontario", []string{"CA"}, []string{"CA"}},
		{"dateline moscow", "", "MOSCOW - The ministry said.", "MOSCOW", []string{"RU"}, []string{"RU"}},
		{"caps title", "U.S. SAYS JAPAN MUST OPEN MARKETS", "Officials spoke.", "", []string{"JP", "US"}, []string{"JP", "US"}},
		{"caps title ambiguous", "TURKEY PRICES AND CHAD", "Officials spoke.", "", nil, nil},
		{"blocked region", "", "Latin American debt worried bankers.", "", nil, nil},
		{"headline focus", "Russia and US talk", "They discussed Ukraine.", "", []string{"RU", "UA", "US"}, []string{"RU", "US"}},
		{"repeated in the lead is focus", "Russia and US talk", "They discussed Ukraine, Ukraine and Ukraine.", "", []string{"RU", "UA", "US"}, []string{"RU", "UA", "US"}},
		{"passing mention is listed, not focus", "", "Russia and the US talked in Moscow for hours about Russia. Russia said the US must act. Russian troops stayed. A British diplomat watched.", "", []string{"GB", "RU", "US"}, []string{"RU", "US"}},
		{"nice france", "", "He lives in Nice, France.", "", []string{"FR"}, nil},
		{"nice alone", "", "It was a Nice day.", "", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Title: c.title, Text: c.text, Date: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)}
			if c.place != "" {
				in.Dateline = dateline(c.text, c.place)
			}
			res, err := tg.Tag(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(res.Countries); !slices.Equal(got, c.want) {
				t.Errorf("countries = %v, want %v (%+v)", got, c.want, res.Countries)
			}
			if c.wantFocus != nil {
				if got := focus(res.Countries); !slices.Equal(got, c.wantFocus) {
					t.Errorf("focus = %v, want %v", got, c.wantFocus)
				}
			}
			checkEvidence(t, in, res)
		})
	}
}

// checkEvidence asserts that every evidence span points at its text.
func checkEvidence(t *testing.T, in Input, res Result) {
	t.Helper()
	check := func(ev []event.Evidence) {
		for _, e := range ev {
			src := in.Text
			if e.Field == "title" {
				src = in.Title
			}
			if e.Start < 0 || e.End > len(src) || e.Start > e.End || src[e.Start:e.End] != e.Text {
				t.Errorf("bad evidence %+v", e)
			}
		}
	}
	for _, c := range res.Countries {
		check(c.Evidence)
	}
	for _, o := range res.Officials {
		check(o.Evidence)
	}
	for _, tp := range res.Topics {
		check(tp.Evidence)
	}
}
