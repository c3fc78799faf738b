package eval_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

// valueProcessor adapts the pipeline to the eval's Processor.
type valueProcessor struct{ p *pipeline.Processor }

func (v valueProcessor) Process(ctx context.Context, value []byte) (event.Record, error) {
	return v.p.Process(ctx, pipeline.Message{Value: value})
}

// TestSharedEval runs the real pipeline on the shared eval files and logs
// the report. The seed always runs when ../shared is present; the large
// files only with NEWSWORKER_EVAL=1 (they take a while and are a
// measurement, not a test).
func TestSharedEval(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "eval/seed.jsonl"))
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New(g)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join(dir, "seed.jsonl")}
	if os.Getenv("NEWSWORKER_EVAL") == "1" {
		files = append(files, filepath.Join(dir, "reuters-dev.jsonl"), filepath.Join(dir, "bbc-dev.jsonl"),
			filepath.Join(dir, "geo-lgl-dev.jsonl"), filepath.Join(dir, "topics-modern-dev.jsonl"))
	}
	var out bytes.Buffer
	opts := eval.Options{Verbose: os.Getenv("NEWSWORKER_EVAL_V") == "1", JSON: os.Getenv("NEWSWORKER_EVAL_JSON") == "1"}
	if err := eval.Run(context.Background(), files, valueProcessor{pipeline.New(tg, pipeline.Options{})}, opts, &out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if p := os.Getenv("NEWSWORKER_EVAL_OUT"); p != "" {
		if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
