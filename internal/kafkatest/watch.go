package kafkatest

import (
	"context"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// Part is a topic and its partition count.
type Part struct {
	Topic      string
	Partitions int
}

// Watch follows the sum of the end offsets of some topics from a goroutine
// of its own, for throughput figures: when the first message arrived (the
// first beyond those there at the start) and when the sum reached the goal.
type Watch struct {
	t          testing.TB
	done       chan struct{}
	first      time.Time // the first poll that saw a message
	firstCount int64     // how many it saw
	last       time.Time // the first poll that saw goal messages
	goal       int64
}

// WatchEnd starts polling every 10 ms until the topics hold goal messages.
func WatchEnd(t testing.TB, brokers []string, goal int64, parts ...Part) *Watch {
	t.Helper()
	w := &Watch{t: t, done: make(chan struct{}), goal: goal}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	req := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for _, p := range parts {
		for i := 0; i < p.Partitions; i++ {
			req.Topics[p.Topic] = append(req.Topics[p.Topic], kafka.LastOffsetOf(i))
		}
	}
	go func() {
		defer close(w.done)
		base := int64(-1) // what the topics held at the first poll
		for ctx.Err() == nil {
			res, err := c.ListOffsets(ctx, req)
			now := time.Now()
			if err == nil {
				var n int64
				for _, ps := range res.Topics {
					for _, p := range ps {
						n += max(p.LastOffset, 0)
					}
				}
				if base < 0 {
					base = n
				}
				if n > base && w.first.IsZero() {
					w.first, w.firstCount = now, n
				}
				if n >= goal {
					w.last = now
					return
				}
			}
			// A failed poll (the broker busy for a moment) is polled again.
			time.Sleep(10 * time.Millisecond)
		}
	}()
	return w
}

// Wait waits until the goal is reached, failing the test after timeout.
func (w *Watch) Wait(timeout time.Duration) *Watch {
	w.t.Helper()
	select {
	case <-w.done:
	case <-time.After(timeout):
		w.t.Fatalf("%d messages not there after %s", w.goal, timeout)
	}
	if w.last.IsZero() {
		w.t.Fatal("watch stopped before its goal")
	}
	return w
}

// Rate is the messages per second from the first poll that saw any to the
// one that saw the goal (the messages seen first are not counted: they
// took no measured time).
func (w *Watch) Rate() float64 {
	d := w.last.Sub(w.first).Seconds()
	if d <= 0 {
		return 0
	}
	return float64(w.goal-w.firstCount) / d
}

// Elapsed is the time from the first message to the goal.
func (w *Watch) Elapsed() time.Duration { return w.last.Sub(w.first) }
