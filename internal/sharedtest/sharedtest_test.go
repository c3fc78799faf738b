package sharedtest

import (
	"fmt"
	"strings"
	"testing"
)

type fakeTB struct{ skipped, failed string }

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Skipf(format string, a ...any)  { f.skipped = fmt.Sprintf(format, a...) }
func (f *fakeTB) Fatalf(format string, a ...any) { f.failed = fmt.Sprintf(format, a...) }

func TestMissingSkipsOrFailsInCI(t *testing.T) {
	t.Setenv("NEWSWORKER_SHARED", t.TempDir())
	t.Setenv("CI", "")
	var f fakeTB
	Path(&f, "eval/nope.jsonl")
	if f.skipped == "" || f.failed != "" || !strings.Contains(f.skipped, "eval/nope.jsonl") {
		t.Errorf("outside CI: skipped %q failed %q", f.skipped, f.failed)
	}
	t.Setenv("CI", "true")
	f = fakeTB{}
	Path(&f, "eval/nope.jsonl")
	if f.failed == "" || !strings.Contains(f.failed, "CI=true") {
		t.Errorf("in CI: skipped %q failed %q", f.skipped, f.failed)
	}
}

func TestPresent(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NEWSWORKER_SHARED", dir)
	var f fakeTB
	if p := Path(&f, "."); p == "" || f.skipped != "" || f.failed != "" {
		t.Errorf("present dir: %q %+v", p, f)
	}
}

func TestItemText(t *testing.T) {
	for _, tc := range []struct {
		item, want string
		ok         bool
	}{
		{`"Headline\n\nBody."`, "Headline\n\nBody.", true},
		{`{"title": "T", "body": "B", "id": "x"}`, "T\n\nB", true},
		{`[1, 2]`, "", false},
	} {
		if got, ok := ItemText([]byte(tc.item)); got != tc.want || ok != tc.ok {
			t.Errorf("ItemText(%s) = %q, %v; want %q, %v", tc.item, got, ok, tc.want, tc.ok)
		}
	}
}
