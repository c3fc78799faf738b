package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsworker/newsworker/internal/decode"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event/eventtest"
)

// FuzzPipeline fuzzes decode → normalize → tag together: it never panics,
// every error is a classified rejection, every evidence offset quotes its
// field, and the output is deterministic.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"Russia and US take stance on Syria\n\nBy bne IntelliNews April 12, 2017\n\nUS Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow.",
		`{"title":"U.S. SUGAR IMPORTS DOWN","body":"WASHINGTON, March 3 - Agriculture Secretary Richard Lyng said imports fell.","published_at":"1987-03-03"}`,
		`{"headline":"Putin meets Erdogan","html":"<p>Kremlin spokesman Dmitry Peskov said the talks in Sochi went well.</p>"}`,
		"Georgia and Jordan\n\nJordan said Georgia's capital Tbilisi was calm; Chad Smith disagreed.",
		"LONDON, Ontario, March 3 - The Korean peninsular talks; the White House and Downing Street.",
	} {
		f.Add([]byte(s))
	}
	fixed := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p, err := pipeline.NewDefault(nil, "", pipeline.Options{MaxItemBytes: 1 << 20, ItemTimeout: 10 * time.Second, Now: func() time.Time { return fixed }})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		rec, err := p.Process(context.Background(), pipeline.Message{Value: v})
		if err != nil {
			var rej *decode.Error
			if !errors.As(err, &rej) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		if err := eventtest.Offsets(rec); err != nil {
			t.Fatal(err)
		}
		again, err := p.Process(context.Background(), pipeline.Message{Value: v})
		if err != nil {
			t.Fatalf("second run failed: %v", err)
		}
		if d := cmp.Diff(rec, again); d != "" {
			t.Fatalf("not deterministic:\n%s", d)
		}
		if _, err := json.Marshal(rec); err != nil {
			t.Fatal(err)
		}
	})
}
