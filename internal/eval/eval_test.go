package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/pkg/event"
)

// fakeProcessor returns canned records keyed by the message value.
type fakeProcessor map[string]event.Record

func (f fakeProcessor) Process(_ context.Context, v []byte) (event.Record, error) {
	r, ok := f[string(v)]
	if !ok {
		return event.Record{}, errors.New("boom")
	}
	return r, nil
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func officials(names ...string) []event.Official {
	var out []event.Official
	for _, n := range names {
		out = append(out, event.Official{Name: n})
	}
	return out
}

func TestReadItemForms(t *testing.T) {
	in := `{"id":"a","item":"Head\n\nBody é","gold":{}}
{"id":"b","item":{"title":"T", "body":"B"},"gold":{"countries":[]}}
`
	cases, err := Read(strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	if string(cases[0].Value) != "Head\n\nBody é" {
		t.Errorf("string item = %q", cases[0].Value)
	}
	if string(cases[1].Value) != `{"title":"T", "body":"B"}` {
		t.Errorf("object item = %q", cases[1].Value)
	}
	if cases[0].Gold.Countries != nil || cases[1].Gold.Countries == nil {
		t.Errorf("absent and empty countries must differ")
	}
}

func TestCountriesMicro(t *testing.T) {
	cases := []Case{
		{ID: "1", Value: []byte("1"), Gold: Gold{Countries: []string{"SU", "US"}}},
		{ID: "2", Value: []byte("2"), Gold: Gold{Countries: []string{"GB"}}},
		{ID: "3", Value: []byte("3"), Gold: Gold{Countries: []string{"JP"}}}, // errors: counts as empty
	}
	p := fakeProcessor{
		"1": {Countries: []event.Country{{Code: "RU", Salience: 0.9}, {Code: "US", Salience: 0.5}, {Code: "FR", Salience: 0.7}, {Code: "DE", Salience: 0.49}}},
		"2": {Countries: []event.Country{{Code: "GB", Salience: 1}}},
	}
	recs, errs := process(context.Background(), p, cases, 2)
	r := Score("f", cases, recs, errs, nil, true)
	c := r.Countries
	if c.TP != 3 || c.FP != 1 || c.FN != 1 || r.Errors != 1 {
		t.Fatalf("counts = %+v errors %d (DE below 0.5 must not count)", c, r.Errors)
	}
	if !near(c.Precision, 0.75) || !near(c.Recall, 0.75) || !near(c.F1, 0.75) {
		t.Errorf("prf = %+v", c)
	}
	if len(r.Details) != 2 {
		t.Errorf("details = %+v", r.Details)
	}
	if r.Mentioned != nil {
		t.Errorf("countries mentioned scored without gold.countries_mentioned: %+v", r.Mentioned)
	}
}

// TestCountriesMentioned: gold.countries_mentioned is scored against the
// whole countries list, whatever the salience.
func TestCountriesMentioned(t *testing.T) {
	cases := []Case{
		{ID: "1", Value: []byte("1"), Gold: Gold{Mentioned: []string{"US", "CA", "YU"}}},
	}
	p := fakeProcessor{
		"1": {Countries: []event.Country{{Code: "US", Salience: 0.9}, {Code: "RS", Salience: 0.1}, {Code: "MX", Salience: 0.05}}},
	}
	recs, errs := process(context.Background(), p, cases, 1)
	r := Score("f", cases, recs, errs, nil, false)
	m := r.Mentioned
	if r.Countries != nil || m == nil {
		t.Fatalf("countries %+v mentioned %+v", r.Countries, m)
	}
	if m.TP != 2 || m.FP != 1 || m.FN != 1 {
		t.Errorf("counts = %+v, want tp 2 fp 1 fn 1", m)
	}
}

func TestNameRule(t *testing.T) {
	cases := []struct {
		label, name string
		want        bool
	}{
		{"james-baker", "James Baker", true},
		{"james-baker", "James A. Baker III", true},
		{"james-baker", "Kenneth Baker", false},
		{"reagan", "Ronald Reagan", true},
		{"poehl", "Karl Otto Pöhl", true}, // umlauts match their transliteration
		{"karl-otto-poehl", "Karl Otto Pöhl", true},
		{"pohl", "Karl Otto Pöhl", true}, // and the letter without its accent
		{"strauss", "Franz Josef Strauß", true},
		{"schlueter", "Poul Schlüter", true},
		{"poehl", "Karl Otto Pohl", false}, // a name written without the umlaut is not a transliteration
		{"jose-sarney", "José Sarney", true},
		{"reagan", "Reagan Smith", false},
		{"von-weizsaecker", "Richard von Weizsaecker", true},
		{"de-larosiere", "Jacques de Larosière", true},
		{"bashar-al-assad", "Bashar al-Assad", true},
		{"Bashar al-Assad", "Bashar Assad", false},
		{"du-plessis", "Barend du Plessis Jr.", true},
	}
	for _, c := range cases {
		t.Run(c.label+"/"+c.name, func(t *testing.T) {
			if got := nameMatches(nameTokens(c.label), nameTokens(c.name)); got != c.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

func TestPeopleRecall(t *testing.T) {
	var r Ratio
	missed := peopleRecall(&r, []string{"james-baker", "volcker", "lawson"}, officials("James Baker", "Paul Volcker", "Nigel Lawsons"))
	r.finish()
	if r.Found != 2 || r.Total != 3 || len(missed) != 1 || missed[0] != "lawson" {
		t.Errorf("r = %+v missed %v", r, missed)
	}
}

func TestOfficialsScore(t *testing.T) {
	gold := []GoldOfficial{
		{Name: "Rex Tillerson", Country: "US", Status: "in office"},
		{Name: "Barack Obama", Country: "US", Status: "former"},
		{Name: "Sergei Lavrov", Country: "RU", Status: "in office"},
	}
	pred := []event.Official{
		{Name: "Rex Tillerson", Country: "US", Status: "in_office"},
		{Name: "Barack Obama", Country: "US", Status: "in_office"},
		{Name: "John Smith", Country: "GB", Status: "in_office"},
	}
	var s OfficialsScore
	Score("f", nil, nil, nil, nil, false) // no cases: no metrics, no panic
	officialsScore(&s, gold, pred)
	if s.TP != 2 || s.FN != 1 || s.FP != 1 || s.Correct != 2 || s.CountryAgree != 2 || s.StatusAgree != 1 {
		t.Errorf("s = %+v", s)
	}
}

func TestTopics(t *testing.T) {
	broader := map[string]string{"medtop:20000639": "medtop:20000638", "medtop:20000638": "medtop:11000000", "medtop:04000000": ""}
	t.Run("top1 follows broader links", func(t *testing.T) {
		got := topOne([]event.Topic{{Code: "medtop:04000000", Score: 0.3}, {Code: "medtop:20000639", Score: 0.9}}, broader)
		if got != "medtop:11000000" {
			t.Errorf("got %q", got)
		}
		if topOne(nil, broader) != "" {
			t.Errorf("empty record must give no topic")
		}
	})
	t.Run("must coverage and precision", func(t *testing.T) {
		var s TopicsScore
		topicsScore(&s, []string{"medtop:11000000", "medtop:20000638", "medtop:16000000"}, []string{"medtop:04000000"},
			[]event.Topic{{Code: "medtop:20000639"}, {Code: "medtop:04000000"}, {Code: "medtop:15000000"}}, broader)
		if s.MustCovered.Found != 2 || s.MustCovered.Total != 3 || s.Precision.Found != 1 || s.Precision.Total != 3 {
			t.Errorf("s = %+v", s)
		}
	})
}

func TestRunTableAndJSON(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "cases.jsonl")
	line := `{"id":"x","item":"Russia talks","gold":{"countries":["RU"],"people":["putin"],"topic_top":"medtop:11000000"}}` + "\n"
	if err := os.WriteFile(f, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	p := fakeProcessor{"Russia talks": {Countries: []event.Country{{Code: "RU", Salience: 1}}, Officials: officials("Vladimir Putin"),
		Topics: []event.Topic{{Code: "medtop:11000000", Score: 1}}}}
	var out bytes.Buffer
	if err := Run(context.Background(), []string{f}, p, Options{Broader: map[string]string{}}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"countries", "1.000", "people", "1/1 found", "topic top-1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := Run(context.Background(), []string{f}, p, Options{JSON: true, Broader: map[string]string{}}, &out); err != nil {
		t.Fatal(err)
	}
	var reps []Report
	if err := json.Unmarshal(out.Bytes(), &reps); err != nil || len(reps) != 1 || reps[0].Countries.F1 != 1 {
		t.Errorf("json = %s (%v)", out.String(), err)
	}
}
