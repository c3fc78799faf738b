package topictrain

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/internal/topicmodel"
)

func broader(t *testing.T) map[string]string {
	t.Helper()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return eval.BroaderOf(g.Topics)
}

func TestReadFormats(t *testing.T) {
	in := strings.Join([]string{
		`{"text": "Striker scores twice\n\nThe home side won the match.", "topic": "medtop:15000000"}`,
		``,
		`{"id": "e1", "item": "Senate passes the bill\n\nLawmakers voted late.", "gold": {"topic_top": "medtop:11000000"}}`,
		`{"id": "e2", "item": {"title": "Shares fall", "body": "Markets slid."}, "gold": {"topic_top": "medtop:04000000"}}`,
		`{"text": "Diplomats meet", "topic": "medtop:20000639"}`,
	}, "\n")
	items, err := Read(strings.NewReader(in), "in", broader(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, top, value string }{
		{"in:1", "medtop:15000000", "Striker scores twice\n\nThe home side won the match."},
		{"e1", "medtop:11000000", "Senate passes the bill\n\nLawmakers voted late."},
		{"e2", "medtop:04000000", `{"title": "Shares fall", "body": "Markets slid."}`},
		{"in:5", "medtop:11000000", "Diplomats meet"}, // diplomacy counts for politics
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		if items[i].ID != w.id || items[i].Top != w.top || string(items[i].Value) != w.value {
			t.Errorf("item %d: got %+v, want %+v", i, items[i], w)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for name, line := range map[string]string{
		"no topic":      `{"text": "x"}`,
		"unknown topic": `{"text": "x", "topic": "medtop:99999999"}`,
		"no item":       `{"id": "a", "gold": {"topic_top": "medtop:15000000"}}`,
		"not json":      `{"text": `,
	} {
		if _, err := Read(strings.NewReader(line), "in", broader(t)); err == nil || !strings.Contains(err.Error(), "in:1") {
			t.Errorf("%s: got %v, want an error naming in:1", name, err)
		}
	}
}

// TestTrainDeterministicItems trains twice on the same items through the
// pipeline and compares the files.
func TestTrainDeterministicItems(t *testing.T) {
	var lines []string
	for _, l := range []string{
		`{"text": "Striker scores twice\n\nthe home side won the match at the stadium", "topic": "medtop:15000000"}`,
		`{"text": "Senate passes the bill\n\nlawmakers voted on the budget bill late", "topic": "medtop:11000000"}`,
	} {
		for range 3 {
			lines = append(lines, l)
		}
	}
	items, err := Read(strings.NewReader(strings.Join(lines, "\n")), "in", broader(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Train(context.Background(), items, topicmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(context.Background(), items, topicmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Marshal(), b.Marshal()) {
		t.Fatal("two trainings on the same items gave different files")
	}
	if got := a.Classes(); len(got) != 2 || got[0] != "medtop:11000000" || got[1] != "medtop:15000000" {
		t.Errorf("classes %v, want the two top-level concepts in code order", got)
	}
}

// TestBuiltinModelRebuilds trains on the shared HuffPost file as `make
// data` does and checks that the result is the embedded model, byte for
// byte.
func TestBuiltinModelRebuilds(t *testing.T) {
	path := sharedtest.Path(t, "eval/topics-modern-dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err := Read(f, path, broader(t))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), items, topicmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.Marshal(), topicmodel.BuiltinBytes()) {
		t.Fatalf("training on %s does not give the embedded %s: run make data", path, topicmodel.BuiltinPath)
	}
}
