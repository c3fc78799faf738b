package offline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// echo "tags" a value by putting it in the record's title.
type echo struct{}

func (echo) Process(_ context.Context, m pipeline.Message) (event.Record, error) {
	return event.Record{Title: string(m.Value)}, nil
}

// endless yields JSON string lines for ever.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	line := fmt.Sprintf("%q\n", fmt.Sprintf("item %d", e.n))
	e.n++
	return copy(p, line), nil // lines are short; a partial copy only splits one
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errDisk = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		w := f.n
		f.n = 0
		return w, errDisk
	}
	f.n -= len(p)
	return len(p), nil
}

func TestRunInOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	var in strings.Builder
	for i := range 500 {
		fmt.Fprintf(&in, "%q\n", fmt.Sprintf("item %d", i))
	}
	in.WriteString("[1,2]\n")
	var out bytes.Buffer
	if err := Run(context.Background(), echo{}, strings.NewReader(in.String()), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 501 {
		t.Fatalf("%d lines, want 501", len(lines))
	}
	for i := range 500 {
		if want := fmt.Sprintf(`"title":"item %d"`, i); !strings.Contains(lines[i], want) {
			t.Fatalf("line %d = %s, want %s", i+1, lines[i], want)
		}
	}
	if !strings.Contains(lines[500], `"reason":"unsupported_json_type"`) || !strings.Contains(lines[500], `"line":501`) {
		t.Errorf("last line = %s", lines[500])
	}
}

// TestRunWriteError: when the output fails, Run returns the write error and
// leaves no goroutine behind (the reader used to block on its queue for
// ever, its error never read), even on input that never ends.
func TestRunWriteError(t *testing.T) {
	defer goleak.VerifyNone(t)
	err := Run(context.Background(), echo{}, &endless{}, &failAfter{n: 3 << 20})
	if !errors.Is(err, errDisk) {
		t.Fatalf("err = %v, want the write error", err)
	}
}

// failingReader fails after some lines.
type failingReader struct{ r io.Reader }

var errRead = errors.New("read: connection reset")

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errRead
	}
	return n, err
}

func TestRunReadError(t *testing.T) {
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	err := Run(context.Background(), echo{}, failingReader{strings.NewReader("\"a\"\n\"b\"\n")}, &out)
	if !errors.Is(err, errRead) {
		t.Fatalf("err = %v, want the read error", err)
	}
	if strings.Count(out.String(), "\n") != 2 {
		t.Errorf("output = %q, want both lines before the error", out.String())
	}
}
