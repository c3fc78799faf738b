package worker

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
	"go.uber.org/goleak"

	"github.com/newsworker/newsworker/internal/consume"
	"github.com/newsworker/newsworker/internal/decode"
	"github.com/newsworker/newsworker/internal/metrics"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeWriter records written messages and fails the first failures calls.
type fakeWriter struct {
	mu       sync.Mutex
	msgs     []kafka.Message
	failures int
	calls    int
}

func (f *fakeWriter) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.failures != 0 {
		if f.failures > 0 {
			f.failures--
		}
		return errors.New("broker unavailable")
	}
	f.msgs = append(f.msgs, msgs...)
	return nil
}

// fakeProc rejects values starting with "bad", panics on "panic", else
// returns a record.
type fakeProc struct{}

func (fakeProc) Process(_ context.Context, m pipeline.Message) (event.Record, error) {
	switch string(m.Value) {
	case "bad":
		return event.Record{}, &decode.Error{Reason: decode.ReasonNoText, Msg: "no text"}
	case "panic":
		panic("boom")
	}
	return event.Record{SchemaVersion: 1, ID: "id-" + string(m.Value), Origin: &event.Origin{Offset: m.Offset}}, nil
}

func newWorker(w Writer, retries int) *Worker {
	return New(Config{OutputTopic: "out", DLQTopic: "dlq", Concurrency: 3, Publishers: 2, BatchSize: 10,
		Linger: time.Millisecond, WriteRetries: retries, BackoffMax: time.Millisecond, MaxRecordBytes: 1 << 20},
		fakeProc{}, w, zerolog.Nop(), metrics.New())
}

func feed(values ...string) (chan *consume.Delivery, *atomic.Int64) {
	in := make(chan *consume.Delivery, len(values))
	var acked atomic.Int64
	for i, v := range values {
		in <- consume.NewDelivery(kafka.Message{Topic: "in", Offset: int64(i), Value: []byte(v)}, func() { acked.Add(1) })
	}
	close(in)
	return in, &acked
}

func TestRecordsAndDeadLetters(t *testing.T) {
	fw := &fakeWriter{failures: 2}
	in, acked := feed("a", "bad", "b", "panic", "c")
	if err := newWorker(fw, 5).Run(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if acked.Load() != 5 {
		t.Fatalf("acked %d of 5", acked.Load())
	}
	byTopic := map[string]int{}
	reasons := map[string]bool{}
	for _, m := range fw.msgs {
		byTopic[m.Topic]++
		if m.Topic == "dlq" {
			reasons[header(m.Headers, event.HeaderDLQReason)] = true
			if header(m.Headers, event.HeaderDLQOffset) == "" || string(m.Value) == "" {
				t.Errorf("dead letter lacks origin or value: %+v", m)
			}
		} else if string(m.Key) == "" || header(m.Headers, "schema-version") != "1" {
			t.Errorf("record message lacks key or headers: %+v", m)
		}
	}
	if byTopic["out"] != 3 || byTopic["dlq"] != 2 || !reasons["no_text"] || !reasons["internal_error"] {
		t.Fatalf("got %v %v", byTopic, reasons)
	}
}

func TestWriteFailureStopsWithoutAck(t *testing.T) {
	fw := &fakeWriter{failures: -1} // always fails
	in, acked := feed("a", "b", "c")
	err := newWorker(fw, 3).Run(context.Background(), in)
	if err == nil {
		t.Fatal("want an error when the output cannot be written")
	}
	if acked.Load() != 0 {
		t.Fatalf("acked %d deliveries whose output was never written", acked.Load())
	}
	if !newWorker(fw, 1).WriterHealthy() || newWorkerAfter(fw).WriterHealthy() {
		t.Fatal("writer health not tracked")
	}
}

func newWorkerAfter(fw *fakeWriter) *Worker {
	w := newWorker(fw, 1)
	in, _ := feed("x")
	_ = w.Run(context.Background(), in)
	return w
}

func TestDeadLetterTruncatesHugeValue(t *testing.T) {
	in := kafka.Message{Topic: "in", Partition: 2, Offset: 7, Value: make([]byte, 5000),
		Headers: []kafka.Header{{Key: "content-type", Value: []byte("text/plain")}}}
	m := deadLetterMessage("dlq", in, "too_large", "big", time.Unix(0, 0), 1000)
	if len(m.Value) >= 1000 || header(m.Headers, event.HeaderDLQTruncated) != "5000" || header(m.Headers, "content-type") != "text/plain" {
		t.Fatalf("got %d bytes, headers %v", len(m.Value), m.Headers)
	}
	if header(m.Headers, event.HeaderDLQPartition) != "2" || header(m.Headers, event.HeaderDLQOffset) != "7" {
		t.Fatal("origin headers wrong")
	}
}

// dlqRefused accepts records but refuses every dead letter.
type dlqRefused struct{}

func (dlqRefused) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	for _, m := range msgs {
		if m.Topic == "dlq" {
			return errors.New("TOPIC_AUTHORIZATION_FAILED")
		}
	}
	return nil
}

// TestOnePublisherFailingStopsRun: one batch fails for good while the input
// stays open (as the consumer group's channel does): Run must return the
// error rather than keep the other publishers going.
func TestOnePublisherFailingStopsRun(t *testing.T) {
	w := New(Config{OutputTopic: "out", DLQTopic: "dlq", Concurrency: 2, Publishers: 4, BatchSize: 10,
		Linger: time.Millisecond, WriteRetries: 2, BackoffMax: time.Millisecond, MaxRecordBytes: 1 << 20},
		fakeProc{}, dlqRefused{}, zerolog.Nop(), metrics.New())
	in := make(chan *consume.Delivery, 10)
	in <- consume.NewDelivery(kafka.Message{Topic: "in", Offset: 0, Value: []byte("bad")}, func() {})
	in <- consume.NewDelivery(kafka.Message{Topic: "in", Offset: 1, Value: []byte("a")}, func() {})
	done := make(chan error, 1)
	go func() { done <- w.Run(context.Background(), in) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "TOPIC_AUTHORIZATION_FAILED") {
			t.Fatalf("Run returned %v", err)
		}
	case <-time.After(5 * time.Second):
		close(in)
		<-done
		t.Fatal("Run kept going after a batch exhausted its retries")
	}
}

// TestCopyHeaders: the input headers the user names travel onto the output
// record (a trace goes on), matched case-insensitively; others and our own
// record headers are not copied.
func TestCopyHeaders(t *testing.T) {
	in := []kafka.Header{{Key: "traceparent", Value: []byte("00-abc-01")}, {Key: "X-Secret", Value: []byte("s")},
		{Key: "TraceState", Value: []byte("k=v")}, {Key: event.HeaderContentType, Value: []byte("text/plain")}}
	out := copyHeaders([]kafka.Header{{Key: event.HeaderContentType, Value: []byte(event.ContentType)}}, in, []string{"traceparent", "tracestate", event.HeaderContentType})
	var keys []string
	for _, h := range out {
		keys = append(keys, h.Key+"="+string(h.Value))
	}
	want := []string{event.HeaderContentType + "=" + event.ContentType, "traceparent=00-abc-01", "TraceState=k=v"}
	if !slices.Equal(keys, want) {
		t.Errorf("headers = %v, want %v", keys, want)
	}
	if got := copyHeaders(nil, in, nil); got != nil {
		t.Errorf("nothing named, got %v", got)
	}
}

// TestInFlight: 0 gives room for every publisher's full batch and one more
// being processed; a configured window is kept.
func TestInFlight(t *testing.T) {
	if got := InFlight(0, 500); got != 2500 {
		t.Errorf("InFlight(0, 500) = %d, want 2500", got)
	}
	if got := InFlight(100, 500); got != 100 {
		t.Errorf("InFlight(100, 500) = %d, want the configured 100", got)
	}
}
