package tag_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

// TestSeed checks the project's specification article end to end with the
// built-in gazetteer: every country the article mentions and no other
// (gold.countries_mentioned, scored against the whole countries list), focus
// exactly the labeled focus and each focus country about the story
// (salience ≥ 0.5), every labeled official with the right country and status.
func TestSeed(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "eval/seed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var c struct {
		Item string `json:"item"`
		Gold struct {
			Countries []string `json:"countries_mentioned"`
			Focus     []string `json:"focus_countries"`
			Officials []struct {
				Name, Country, Status string
			} `json:"officials"`
		} `json:"gold"`
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	if !sc.Scan() {
		t.Fatal("empty seed file")
	}
	if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Countries) == 0 || len(g.Places) == 0 {
		t.Fatal("built-in gazetteer has no countries or places: the embedded data is broken")
	}
	tg, err := tag.New(g)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := pipeline.New(tg, pipeline.Options{}).Process(context.Background(), pipeline.Message{Value: []byte(c.Item)})
	if err != nil {
		t.Fatal(err)
	}
	var got, focus []string
	for _, cc := range rec.Countries {
		got = append(got, cc.Code)
		if cc.Focus {
			focus = append(focus, cc.Code)
		}
	}
	slices.Sort(got)
	slices.Sort(focus)
	if !slices.Equal(got, c.Gold.Countries) {
		t.Errorf("countries = %v, want %v", got, c.Gold.Countries)
	}
	if !slices.Equal(focus, c.Gold.Focus) {
		t.Errorf("focus = %v, want %v", focus, c.Gold.Focus)
	}
	for _, cc := range rec.Countries {
		if slices.Contains(c.Gold.Focus, cc.Code) && cc.Salience < 0.5 {
			t.Errorf("focus country %s has salience %.2f, want ≥ 0.5", cc.Code, cc.Salience)
		}
	}
	for _, want := range c.Gold.Officials {
		o := findOfficial(rec.Officials, want.Name)
		if o == nil {
			t.Errorf("official %s not found", want.Name)
			continue
		}
		status := map[string]string{"in office": event.StatusInOffice, "former": event.StatusFormer}[want.Status]
		if o.Country != want.Country || o.Status != status {
			t.Errorf("official %s: country %s status %s, want %s %s", want.Name, o.Country, o.Status, want.Country, status)
		}
	}
	if len(rec.Officials) != len(c.Gold.Officials) {
		t.Errorf("%d officials, want %d: %+v", len(rec.Officials), len(c.Gold.Officials), rec.Officials)
	}
}

func findOfficial(offs []event.Official, name string) *event.Official {
	for i := range offs {
		if offs[i].Name == name {
			return &offs[i]
		}
	}
	return nil
}
