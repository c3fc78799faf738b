package tag_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/normalize"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

// FuzzTag: the tagger never panics on normalized text, every evidence span
// quotes its field, salience and scores stay in [0,1], and the same input
// gives the same output.
func FuzzTag(f *testing.F) {
	for _, s := range [][2]string{
		{"Russia and US take stance on Syria", "US Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow. Lavrov said the Kremlin wanted talks."},
		{"U.S. SUGAR IMPORTS DOWN", "WASHINGTON, March 3 - Agriculture Secretary Richard Lyng said imports fell."},
		{"Georgia and Jordan", "Jordan said Georgia's capital Tbilisi was calm; Chad Smith disagreed in Reading."},
		{"", "LONDON, Ontario, March 3 - The Korean peninsular talks; the White House and Downing Street."},
	} {
		f.Add(s[0], s[1])
	}
	g, err := gazetteer.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	tg, err := tag.New(g)
	if err != nil {
		f.Fatal(err)
	}
	date := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, title, text string) {
		in := tag.Input{Title: normalize.Line(title), Text: normalize.Text(text), Date: date, Language: "en"}
		res, err := tg.Tag(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		check := func(ev []event.Evidence) {
			for _, e := range ev {
				src := in.Text
				if e.Field == "title" {
					src = in.Title
				}
				if e.Start < 0 || e.End > len(src) || e.Start > e.End || src[e.Start:e.End] != e.Text {
					t.Fatalf("evidence %+v does not quote the %s", e, e.Field)
				}
			}
		}
		for _, c := range res.Countries {
			check(c.Evidence)
			if c.Salience < 0 || c.Salience > 1 {
				t.Fatalf("salience %v", c.Salience)
			}
		}
		for _, o := range res.Officials {
			check(o.Evidence)
		}
		for _, tp := range res.Topics {
			check(tp.Evidence)
			if tp.Score < 0 || tp.Score > 1 {
				t.Fatalf("score %v", tp.Score)
			}
		}
		again, _ := tg.Tag(context.Background(), in)
		if d := cmp.Diff(res, again); d != "" {
			t.Fatalf("not deterministic: %s", d)
		}
	})
}
