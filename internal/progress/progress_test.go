package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type buf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *buf) Write(p []byte) (int, error) { b.mu.Lock(); defer b.mu.Unlock(); return b.b.Write(p) }
func (b *buf) String() string              { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

func TestPlainLinesAndFinal(t *testing.T) {
	var out buf
	m := Start(&out, "replay", 100)
	m.Add(40)
	m.Stop()
	s := out.String()
	if !strings.Contains(s, "replay: 40/100 items (40.0%)") || !strings.Contains(s, "done in") {
		t.Errorf("output %q", s)
	}
	if strings.Contains(s, "\r") {
		t.Errorf("carriage return in non-terminal output: %q", s)
	}
}

func TestLineShowsTimeLeft(t *testing.T) {
	m := &Meter{label: "tag", total: 1000, start: time.Now().Add(-10 * time.Second)}
	m.done.Store(100)
	if l := m.line(false); !strings.Contains(l, "100/1000 items (10.0%), 10 items/s, 90 s left") {
		t.Errorf("line = %q", l)
	}
	m.total = 0
	if l := m.line(false); !strings.Contains(l, "tag: 100 items, 10 items/s") || strings.Contains(l, "left") {
		t.Errorf("line without total = %q", l)
	}
}
