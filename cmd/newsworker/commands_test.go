package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/pkg/event/eventtest"
)

// TestTagOneLinePerLine: `newsworker tag` writes exactly one line per input
// line, in order: a valid record or an error naming the line.
func TestTagOneLinePerLine(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","title":"Russia and Syria","body":"MOSCOW (Reuters) - Russian President Vladimir Putin met Syrian President Bashar al-Assad."}`,
		`"Plain text headline\n\nBy Test Desk April 12, 2017\n\nUS Secretary of State Rex Tillerson visited Moscow."`,
		``,
		`[1,2,3]`,
		`{"broken json`,
		`42`,
		`{"title":42}`,
		`"<p>HTML as plain text</p><p>in Paris</p>"`,
	}, "\n") + "\n"
	lines := checkTag(t, []byte(input), 8)
	for i, want := range []string{"", "", "empty_value", "unsupported_json_type", "invalid_json", "unsupported_json_type", "no_text", ""} {
		var e struct {
			Error *struct{ Reason string } `json:"error"`
			Line  int                      `json:"line"`
		}
		_ = json.Unmarshal(lines[i], &e)
		got := ""
		if e.Error != nil {
			got = e.Error.Reason
			if e.Line != i+1 {
				t.Errorf("line %d: error names line %d", i+1, e.Line)
			}
		}
		if got != want {
			t.Errorf("line %d: got reason %q, want %q", i+1, got, want)
		}
	}
}

// TestTagEvalFiles keeps the contract on the shared eval items.
func TestTagEvalFiles(t *testing.T) {
	for _, name := range []string{"seed.jsonl", "bbc-dev.jsonl", "reuters-dev.jsonl"} {
		b, err := os.ReadFile(sharedtest.Path(t, "eval/"+name))
		if err != nil {
			t.Fatal(err)
		}
		var items bytes.Buffer
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		n := 0
		for sc.Scan() && n < 600 {
			var c struct{ Item json.RawMessage }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatal(err)
			}
			items.Write(c.Item)
			items.WriteByte('\n')
			n++
		}
		t.Run(name, func(t *testing.T) { checkTag(t, items.Bytes(), n) })
	}
}

func checkTag(t *testing.T, input []byte, want int) [][]byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, input, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"tag", in}, nil, &out, &errOut); err != nil {
		t.Fatalf("tag: %v\n%s", err, errOut.String())
	}
	lines := bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != want {
		t.Fatalf("got %d output lines for %d input lines", len(lines), want)
	}
	// Progress goes to stderr, never into the output.
	if p := fmt.Sprintf("tag: %d items", want); !strings.Contains(errOut.String(), p) {
		t.Errorf("stderr %q lacks the final progress line %q", errOut.String(), p)
	}
	v, err := eventtest.New()
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		if bytes.HasPrefix(l, []byte(`{"error"`)) {
			continue
		}
		if err := v.Validate(l); err != nil {
			t.Fatalf("line %d: %v\n%s", i+1, err, l)
		}
	}
	return lines
}

// TestDemo runs the README's first command end to end on the embedded broker,
// and checks that it leaves no goroutine behind (service.Run returns only
// after every part it started has exited).
func TestDemo(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"demo"}, nil, &out, &errOut); err != nil {
		t.Fatalf("demo: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	s := out.String()
	if strings.Count(s, "EVENT ") != 5 || strings.Count(s, "DEAD LETTER") != 2 {
		t.Fatalf("unexpected demo output:\n%s", s)
	}
}

func TestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), nil, nil, &out, &errOut); exitCode(err) != 2 {
		t.Fatalf("no command: exit %d", exitCode(err))
	}
	if err := run(context.Background(), []string{"version"}, nil, &out, &errOut); err != nil || !strings.Contains(out.String(), "newsworker") {
		t.Fatalf("version: %v %q", err, out.String())
	}
	t.Setenv("NEWSWORKER_LOG_LEVEL", "loud")
	if err := run(context.Background(), []string{"run"}, nil, &out, &errOut); err == nil || !strings.Contains(err.Error(), "NEWSWORKER_LOG_LEVEL") {
		t.Fatalf("bad config: %v", err)
	}
}

// TestEveryCommandHelp: every subcommand answers -h with its usage and
// exit 0, and runs nothing (run -h lists every variable with its default).
func TestEveryCommandHelp(t *testing.T) {
	for _, cmd := range []string{"run", "demo", "tag", "eval", "audit", "import", "train"} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{cmd, "-h"}, strings.NewReader(""), &out, &errOut)
		if err != nil {
			t.Errorf("%s -h: %v", cmd, err)
		}
		if out.Len()+errOut.Len() == 0 {
			t.Errorf("%s -h printed nothing", cmd)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"run", "-h"}, nil, &out, io.Discard); err != nil ||
		!strings.Contains(out.String(), "NEWSWORKER_SASL_PASSWORD") || !strings.Contains(out.String(), "[127.0.0.1:9092]") {
		t.Errorf("run -h: %v\n%s", err, out.String())
	}
	// A file name before -h must not make eval run on it.
	if err := run(context.Background(), []string{"eval", "no-such-file.jsonl", "-h"}, nil, io.Discard, io.Discard); err != nil {
		t.Errorf("eval FILE -h: %v", err)
	}
}

// TestUnknownVariableRefused: a misspelt NEWSWORKER_ variable stops every
// command that reads the configuration, naming the closest valid one.
func TestUnknownVariableRefused(t *testing.T) {
	t.Setenv("NEWSWORKER_BROKER", "kafka:9092")
	err := run(context.Background(), []string{"tag"}, strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "did you mean NEWSWORKER_BROKERS") {
		t.Fatalf("err = %v", err)
	}
}
