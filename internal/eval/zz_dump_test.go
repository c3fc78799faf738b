package eval_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/tag"
)

// TestDump writes records as JSON lines (scratch, not committed).
func TestDump(t *testing.T) {
	f := os.Getenv("DUMP_IN")
	if f == "" {
		t.Skip()
	}
	g, _ := gazetteer.Builtin()
	tg, _ := tag.New(g)
	p := pipeline.New(tg, pipeline.Options{})
	cases, err := eval.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(os.Getenv("DUMP_OUT"))
	defer out.Close()
	for _, c := range cases {
		r, err := p.Process(context.Background(), pipeline.Message{Value: c.Value})
		r.Notes = append(r.Notes, fmt.Sprint(len(r.Text)))
		if os.Getenv("DUMP_TEXT") == "" {
			r.Text = ""
		}
		b, _ := json.Marshal(map[string]any{"id": c.ID, "gold": c.Gold, "rec": r, "err": fmt.Sprint(err)})
		out.Write(append(b, '\n'))
	}
}
