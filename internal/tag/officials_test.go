package tag

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/pkg/event"
)

// brief renders officials as "Name/Country/status/mentions" for comparison.
func brief(offs []event.Official) string {
	var parts []string
	for _, o := range offs {
		parts = append(parts, fmt.Sprintf("%s/%s/%s/%d", o.Name, o.Country, o.Status, o.Mentions))
	}
	return strings.Join(parts, "; ")
}

func TestOfficials(t *testing.T) {
	tg := newTestTagger(t)
	d2017 := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	d1987 := time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		title string
		text  string
		date  time.Time
		want  string
	}{
		{"title before name", "", "US Secretary of State Rex Tillerson arrived. Tillerson said hello.", d2017,
			"Rex Tillerson/US/in_office/2"},
		{"demonym title", "", "Russian Foreign Minister Sergei Lavrov spoke. Mr Lavrov smiled.", d2017,
			"Sergei Lavrov/RU/in_office/2"},
		{"apposition after", "", "Sergei Lavrov, Russia's foreign minister, spoke.", d2017,
			"Sergei Lavrov/RU/in_office/1"},
		{"apposition role first", "", "He met the prime minister, Theresa May, in London.", d2017,
			"Theresa May/GB/in_office/1"},
		{"former by date", "", "During the presidency of Barack Obama ties worsened. Obama left.", d2017,
			"Barack Obama/US/former/2"},
		{"bare surname resolves by date", "", "Putin spoke with Trump.", d2017,
			"Donald Trump/US/in_office/1; Vladimir Putin/RU/in_office/1"},
		{"not yet in office", "", "Trump bought a hotel.", d1987, ""},
		{"unknown titled person", "", "Japanese Finance Minister Kiichi Miyazawa said yen rose.", d1987,
			"Kiichi Miyazawa/JP/in_office/1"},
		{"org title", "", "Bundesbank President Karl Otto Poehl said rates hold.", d1987,
			"Karl Otto Poehl/DE/in_office/1"},
		{"kremlin spokesman", "", "Kremlin spokesman Dmitry Peskov said no.", d2017,
			"Dmitry Peskov/RU/in_office/1"},
		{"particle name", "", "Syrian President Bashar al-Assad denied it. Assad stayed.", d2017,
			"Bashar al-Assad/SY/in_office/2"},
		{"surname by context", "", "Treasury Secretary James Baker said. Baker added more.", d1987,
			"James Baker/US/in_office/2"},
		{"other first name", "", "Howard Baker met reporters.", d1987, ""},
		{"caps headline", "TREASURY'S BAKER SAYS DOLLAR STABLE", "Officials said.", d1987,
			"James Baker/US/in_office/1"},
		{"company chairman", "", "Chrysler Chairman Lee Iacocca said sales rose.", d1987, ""},
		{"former title", "", "Former President Barack Obama spoke.", d2017, "Barack Obama/US/former/1"},
		{"role coreference", "", "US Secretary of State Rex Tillerson flew in. The secretary of state said.", d2017,
			"Rex Tillerson/US/in_office/2"},
		{"role head coreference", "", "Treasury Secretary James Baker spoke. The secretary said more.", d1987,
			"James Baker/US/in_office/2"},
		{"common word surname", "", "It may rain in May.", d2017, ""},
		{"many capitals", "", strings.Repeat("Alpha Beta Gamma Delta ", 2000), d2017, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Title: c.title, Text: c.text, Date: c.date}
			res, err := tg.Tag(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Officials); got != c.want {
				t.Errorf("officials = %q, want %q", got, c.want)
			}
			checkEvidence(t, in, res)
		})
	}
}
