package kafkaio

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/segmentio/kafka-go"
)

// Writer is the shared *kafka.Writer with one change: a failed batch returns
// one entry per distinct cause instead of kafka-go's one per message. A batch
// of 500 refused for a missing ACL made a ~40 KB error string, logged at
// every attempt and returned on exit.
type Writer struct{ *kafka.Writer }

// WriteMessages writes msgs synchronously; see kafka.Writer.WriteMessages.
func (w *Writer) WriteMessages(ctx context.Context, msgs ...kafka.Message) error {
	return condense(w.Writer.WriteMessages(ctx, msgs...))
}

// writeErrors is kafka.WriteErrors grouped by cause, in first-seen order.
type writeErrors struct {
	failed, total int
	causes        []error
	counts        []int
}

func (e *writeErrors) Error() string {
	parts := make([]string, len(e.causes))
	for i, c := range e.causes {
		parts[i] = fmt.Sprintf("%d× %v", e.counts[i], c)
	}
	return fmt.Sprintf("kafka write errors (%d/%d messages): %s", e.failed, e.total, strings.Join(parts, "; "))
}

// Unwrap keeps errors.Is/As working on the causes (kafka.TopicAuthorizationFailed, ...).
func (e *writeErrors) Unwrap() []error { return e.causes }

func condense(err error) error {
	var we kafka.WriteErrors
	if !errors.As(err, &we) {
		return err
	}
	out := &writeErrors{total: len(we)}
	seen := map[string]int{}
	for _, e := range we {
		if e == nil {
			continue
		}
		out.failed++
		key := e.Error()
		if i, ok := seen[key]; ok {
			out.counts[i]++
			continue
		}
		seen[key] = len(out.causes)
		out.causes = append(out.causes, e)
		out.counts = append(out.counts, 1)
	}
	return out
}

// Close flushes and closes the writer, then closes the transport's idle
// connections: kafka-go closes only a transport it created itself.
func (w *Writer) Close() error {
	err := w.Writer.Close()
	if t, ok := w.Writer.Transport.(*kafka.Transport); ok {
		t.CloseIdleConnections()
	}
	return err
}
