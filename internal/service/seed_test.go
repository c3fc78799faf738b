package service_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/newsworker/newsworker/pkg/event"
	"github.com/newsworker/newsworker/pkg/event/eventtest"
)

func seedText(t *testing.T, jsonl []byte) string {
	t.Helper()
	var c struct {
		Item string `json:"item"`
	}
	if err := json.Unmarshal(bytes.SplitN(jsonl, []byte("\n"), 2)[0], &c); err != nil {
		t.Fatal(err)
	}
	return c.Item
}

// checkSeedRecord asserts the floor issue 2 sets for the seed article.
func checkSeedRecord(t *testing.T, b []byte) {
	t.Helper()
	v, err := eventtest.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(b); err != nil {
		t.Fatalf("seed record invalid: %v", err)
	}
	var r event.Record
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range r.Countries {
		got[c.Code] = true
	}
	for _, c := range []string{"RU", "US", "SY", "UA"} {
		if !got[c] {
			t.Errorf("seed: country %s missing; got %v", c, got)
		}
	}
	officials := map[string]string{}
	for _, o := range r.Officials {
		officials[o.Name] = o.Country
	}
	for name, country := range map[string]string{"Rex Tillerson": "US", "Sergei Lavrov": "RU", "Vladimir Putin": "RU", "Bashar al-Assad": "SY"} {
		if officials[name] != country {
			t.Errorf("seed: official %s (%s) missing or wrong; got %v", name, country, officials)
		}
	}
	if r.PublishedAt != "2017-04-12T00:00:00Z" || r.PublishedAtSource != event.DateFromByline {
		t.Errorf("seed: published %s from %s; want 2017-04-12 from byline", r.PublishedAt, r.PublishedAtSource)
	}
}
