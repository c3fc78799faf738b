package service_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

// sentHeader carries the send time (Unix nanoseconds) of a paced item; the
// worker copies it onto the record (NEWSWORKER_COPY_HEADERS), so that a
// reader downstream knows each record's latency without parsing it.
const sentHeader = "x-bench-sent"

// BenchmarkLatency measures end-to-end latency against the real broker, on
// real news (the 9,456 reuters-dev and bbc-dev items): first the maximum
// rate (maxRate), then a fresh worker fed at half of it by a paced
// producer for 10 s. A record's latency runs from
// its input's send time (the input's broker timestamp, CreateTime) to when
// a reader downstream received it, a little after the broker acknowledged
// it to the worker (what newsworker_end_to_end_seconds measures); it
// reports p50, p99 and p999 of that. Run: go test -run '^$' -bench Latency
// -benchtime 1x ./internal/service with NEWSWORKER_TEST_BROKERS set.
func BenchmarkLatency(b *testing.B) {
	brokers := kafkatest.Brokers(b)
	values := kafkatest.DevValues(b)
	const parts, paced = 4, 10 * time.Second
	processor(b)
	for i := 0; i < b.N; i++ {
		b.Setenv("NEWSWORKER_COPY_HEADERS", sentHeader)
		maxRate := maxRate(b, brokers, values, parts)

		// Half of it, at a steady pace.
		tp := newTopics(b, brokers, parts)
		stop, addr := startWorkerHTTP(b, testConfig(b, brokers, tp))
		lat := newLatencies(b, brokers, tp.out, parts)
		pace(b, brokers, tp.in, values[:1], 1, time.Second) // the first record says the worker has joined
		lat.wait(b, 1, time.Minute)
		start := time.Now()
		sent := pace(b, brokers, tp.in, values, maxRate/2, paced)
		got := lat.wait(b, 1+sent, time.Minute)[1:]
		// The worker's own view, to the bucket: input timestamp → ack, and
		// fetch → ack.
		b.ReportMetric(1000*histogramQuantile(b, addr, "newsworker_end_to_end_seconds", 0.99), "e2e-hist-p99-ms")
		b.ReportMetric(1000*histogramQuantile(b, addr, "newsworker_processing_seconds", 0.99), "proc-hist-p99-ms")
		if err := stop(); err != nil {
			b.Fatal(err)
		}
		slices.Sort(got)
		q := func(p float64) float64 { return float64(got[int(p*float64(len(got)-1))]) / 1e6 }
		b.ReportMetric(maxRate, "max-items/s")
		b.ReportMetric(float64(sent)/time.Since(start).Seconds(), "paced-items/s")
		b.ReportMetric(q(0.50), "p50-ms")
		b.ReportMetric(q(0.99), "p99-ms")
		b.ReportMetric(q(0.999), "p999-ms")
	}
}

// maxRate is the rate at which a worker publishes the dev items twice over
// while everything the paced phase runs runs too: a producer, here writing
// as fast as it can, and the reader downstream. Measured without them, on
// a prefilled topic, half of it was more than half of what the machine
// had left for the worker once they ran.
func maxRate(b *testing.B, brokers []string, values [][]byte, parts int) float64 {
	tp := newTopics(b, brokers, parts)
	stop := startWorker(b, testConfig(b, brokers, tp))
	lat := newLatencies(b, brokers, tp.out, parts)
	pace(b, brokers, tp.in, values[:1], 1, time.Second)
	lat.wait(b, 1, time.Minute)
	n := 2 * len(values)
	w := kafkatest.WatchEnd(b, brokers, int64(1+n), kafkatest.Part{Topic: tp.out, Partitions: parts}, kafkatest.Part{Topic: tp.dlq, Partitions: 1})
	// The producer keeps 2,000 items ahead of the records downstream: it
	// works all along, at the worker's pace, as in the paced phase.
	pw := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: tp.in, Balancer: &kafka.RoundRobin{}, RequiredAcks: kafka.RequireAll,
		BatchSize: 10000, BatchTimeout: time.Millisecond}
	defer pw.Close()
	for sent := 0; sent < n; time.Sleep(5 * time.Millisecond) {
		due := min(lat.count()+2000-sent, n-sent)
		if due > 0 {
			if err := pw.WriteMessages(context.Background(), stamped(values, sent, due)...); err != nil {
				b.Fatal(err)
			}
			sent += due
		}
	}
	rate := w.Wait(5 * time.Minute).Rate()
	if err := stop(); err != nil {
		b.Fatal(err)
	}
	return rate
}

// stamped returns n messages, the values from the one after the first
// sent in turn, each stamped with the time now.
func stamped(values [][]byte, sent, n int) []kafka.Message {
	msgs := make([]kafka.Message, n)
	now := time.Now()
	for i := range msgs {
		msgs[i] = kafka.Message{Key: []byte(strconv.Itoa(sent + i)), Value: values[(sent+i)%len(values)], Time: now,
			Headers: []kafka.Header{{Key: sentHeader, Value: []byte(strconv.FormatInt(now.UnixNano(), 10))}}}
	}
	return msgs
}

// pace produces values in turn at rate items/s for d, every 5 ms what is
// due, each stamped with its send time, and returns how many it sent.
func pace(b *testing.B, brokers []string, topic string, values [][]byte, rate float64, d time.Duration) int {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.RoundRobin{}, RequiredAcks: kafka.RequireAll,
		BatchSize: 10000, BatchTimeout: time.Millisecond}
	defer w.Close()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	start := time.Now()
	sent := 0
	for now := start; now.Sub(start) < d; now = <-tick.C {
		due := max(1, int(rate*now.Sub(start).Seconds())) - sent
		if due <= 0 {
			continue
		}
		if err := w.WriteMessages(context.Background(), stamped(values, sent, due)...); err != nil {
			b.Fatal(err)
		}
		sent += due
	}
	return sent
}

// latencies reads every partition of the output as it grows and keeps each
// record's latency, in order of arrival.
type latencies struct {
	mu     sync.Mutex
	ns     []int64
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newLatencies(b *testing.B, brokers []string, topic string, parts int) *latencies {
	ctx, cancel := context.WithCancel(context.Background())
	l := &latencies{cancel: cancel}
	for p := 0; p < parts; p++ {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, Partition: p, MinBytes: 1, MaxWait: 100 * time.Millisecond, MaxBytes: 16 << 20})
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			defer r.Close()
			for {
				m, err := r.ReadMessage(ctx)
				if err != nil {
					return
				}
				now := time.Now().UnixNano()
				sent, err := strconv.ParseInt(audit.Header(m, sentHeader), 10, 64)
				if err != nil {
					panic(fmt.Sprintf("record without %s header: %v", sentHeader, err))
				}
				l.mu.Lock()
				l.ns = append(l.ns, now-sent)
				l.mu.Unlock()
			}
		}()
	}
	b.Cleanup(func() { l.cancel(); l.wg.Wait() })
	return l
}

// count is how many records arrived.
func (l *latencies) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.ns)
}

// wait waits for n records and returns a copy of their latencies.
func (l *latencies) wait(b *testing.B, n int, timeout time.Duration) []int64 {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		l.mu.Lock()
		if len(l.ns) >= n {
			out := slices.Clone(l.ns)
			l.mu.Unlock()
			return out
		}
		l.mu.Unlock()
	}
	b.Fatalf("%d records not there after %s", n, timeout)
	return nil
}
