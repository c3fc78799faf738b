package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/topicmodel"
)

func TestTrainHelp(t *testing.T) {
	for _, flag := range []string{"-h", "-help"} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"train", flag}, nil, &stdout, &stderr); err != nil {
			t.Fatalf("train %s: %v", flag, err)
		}
		for _, want := range []string{"usage: newsworker train", `"topic": "medtop:`, `"gold": {"topic_top"`, "-cv", "NEWSWORKER_TOPIC_MODEL"} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("train %s: usage lacks %q:\n%s", flag, want, stdout.String())
			}
		}
	}
}

func TestTrainUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no file":   {"train", "-o", "x"},
		"no output": {"train", "in.jsonl"},
		"bad flag":  {"train", "-nope"},
	} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, nil, &stdout, &stderr); !errors.Is(err, errUsage) {
			t.Errorf("%s: got %v, want a usage error", name, err)
		}
	}
}

// TestTrainBothFormats trains on a file mixing the two line formats, writes
// a model the worker can load, and cross-validates it.
func TestTrainBothFormats(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 6 { // two of each, so that both folds hold both classes
		sport := `{"text": "Striker scores twice\n\nthe home side won the match at the stadium", "topic": "medtop:15000000"}`
		politics := `{"id": "p` + string(rune('a'+i)) + `", "item": "Senate passes the bill\n\nlawmakers voted on the budget", "gold": {"topic_top": "medtop:11000000"}}`
		lines = append(lines, sport, sport, politics, strings.Replace(politics, `"p`, `"q`, 1))
	}
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.nwtm")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"train", "-cv", "2", "-o", out, in}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train: %v (%s)", err, stderr.String())
	}
	for _, want := range []string{"2-fold", "model alone", "rules alone", "model and rules"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	m, err := topicmodel.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Classes(); len(got) != 2 {
		t.Errorf("classes %v, want 2", got)
	}
	t.Setenv("NEWSWORKER_TOPIC_MODEL", out)
	stdout.Reset()
	if err := run(context.Background(), []string{"tag"}, strings.NewReader(`"Striker scores\n\nthe home side won"`+"\n"), &stdout, &stderr); err != nil {
		t.Fatalf("tag with the trained model: %v", err)
	}
	if !strings.Contains(stdout.String(), "medtop:15000000") {
		t.Errorf("tag with the trained model found no sport: %s", stdout.String())
	}
}
