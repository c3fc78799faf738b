// Package progress reports how a long offline run advances: items done,
// items per second and the time left, redrawn in place on a terminal and
// as a plain line every few seconds otherwise (a log file, CI). It writes
// only to the writer it is given (stderr), never to the command's output.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Meter counts finished items and reports them until Stop.
type Meter struct {
	w       io.Writer
	label   string
	total   int64 // 0 when unknown
	tty     bool
	every   time.Duration
	start   time.Time
	done    atomic.Int64
	stop    chan struct{}
	stopped sync.WaitGroup
	once    sync.Once
}

// IsTerminal tells whether w is a character device (a terminal), where the
// meter redraws one line in place.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Start begins reporting on w: every 200 ms in place on a terminal, else a
// line every 5 s. total is the number of items expected, 0 if unknown.
func Start(w io.Writer, label string, total int64) *Meter {
	m := &Meter{w: w, label: label, total: total, tty: IsTerminal(w), start: time.Now(), stop: make(chan struct{})}
	m.every = 5 * time.Second
	if m.tty {
		m.every = 200 * time.Millisecond
	}
	m.stopped.Add(1)
	go m.run()
	return m
}

// Add counts n finished items. Safe for concurrent use.
func (m *Meter) Add(n int64) { m.done.Add(n) }

// SetTotal changes the number of items expected.
func (m *Meter) SetTotal(total int64) { atomic.StoreInt64(&m.total, total) }

// Stop ends the reporting and writes the final line.
func (m *Meter) Stop() {
	m.once.Do(func() {
		close(m.stop)
		m.stopped.Wait()
		fmt.Fprintln(m.w, m.line(true))
	})
}

func (m *Meter) run() {
	defer m.stopped.Done()
	t := time.NewTicker(m.every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			if m.tty {
				fmt.Fprint(m.w, "\r\033[K") // clear the line the final one replaces
			}
			return
		case <-t.C:
			if m.tty {
				fmt.Fprint(m.w, "\r\033[K"+m.line(false))
			} else {
				fmt.Fprintln(m.w, m.line(false))
			}
		}
	}
}

// line is one report: "replay: 12,000/50,000 items (24.0%), 3,100 items/s, 12 s left".
func (m *Meter) line(final bool) string {
	done, total := m.done.Load(), atomic.LoadInt64(&m.total)
	secs := time.Since(m.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(done) / secs
	}
	s := fmt.Sprintf("%s: %d", m.label, done)
	if total > 0 {
		s += fmt.Sprintf("/%d items (%.1f%%)", total, 100*float64(done)/float64(total))
	} else {
		s += " items"
	}
	s += fmt.Sprintf(", %.0f items/s", rate)
	switch {
	case final:
		s += fmt.Sprintf(", done in %.1f s", secs)
	case total > 0 && rate > 0 && done < total:
		s += fmt.Sprintf(", %.0f s left", float64(total-done)/rate)
	}
	return s
}
