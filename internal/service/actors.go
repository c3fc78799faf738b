package service

import (
	"slices"
	"sync"
)

// actors names the goroutines Run starts, so that a shutdown past its
// timeout can say which of them are still running (oklog/run: Run returns
// only after every actor has exited, so the operator must see what it is
// waiting for).
type actors struct {
	mu      sync.Mutex
	running map[string]int
}

func newActors() *actors { return &actors{running: map[string]int{}} }

// wrap marks name running from now until f returns.
func (a *actors) wrap(name string, f func() error) func() error {
	a.mu.Lock()
	a.running[name]++
	a.mu.Unlock()
	return func() error {
		defer func() {
			a.mu.Lock()
			if a.running[name]--; a.running[name] == 0 {
				delete(a.running, name)
			}
			a.mu.Unlock()
		}()
		return f()
	}
}

// names lists the actors still running, sorted.
func (a *actors) names() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]string, 0, len(a.running))
	for n := range a.running {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
