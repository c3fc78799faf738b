package consume

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/metrics"
)

// TestResolveErrorKeepsGeneration: a dial error while resolving a
// partition's start offset is retried inside the generation. It used to
// return from the partition function, which in kafka-go ends the generation,
// so one transient error rebalanced the whole group.
func TestResolveErrorKeepsGeneration(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	topic := kafkatest.Topic(t, brokers, "resolve-retry", 2)
	var msgs []kafka.Message
	for i := range 20 {
		msgs = append(msgs, kafka.Message{Partition: i % 2, Value: fmt.Appendf(nil, "m%d", i)})
	}
	kafkatest.Produce(t, brokers, topic, msgs)

	m := metrics.New()
	g := New(Config{
		Brokers: brokers, Topic: topic, GroupID: "resolve-retry-" + topic,
		StartOffset: kafka.FirstOffset, MaxInFlight: 8,
		CommitInterval: 200 * time.Millisecond, DrainTimeout: 5 * time.Second, SessionTimeout: 10 * time.Second,
		Dialer: &kafka.Dialer{Timeout: 5 * time.Second},
	}, zerolog.Nop(), m)
	var failures atomic.Int32
	g.resolveOffset = func(ctx context.Context, partition int, which int64) (int64, error) {
		if failures.Add(1) <= 3 {
			return 0, errors.New("dial tcp: connect: connection refused (injected)")
		}
		return g.resolve(ctx, partition, which)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- g.Run(ctx) }()
	got := 0
	for got < len(msgs) {
		select {
		case d := <-g.Deliveries():
			d.Ack()
			got++
		case <-ctx.Done():
			t.Fatalf("%d of %d delivered before the deadline", got, len(msgs))
		}
	}
	g.Stop()
	for range g.Deliveries() {
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var pb dto.Metric
	if err := m.Rebalances.Write(&pb); err != nil {
		t.Fatal(err)
	}
	gens := pb.GetCounter().GetValue()
	t.Logf("items=%d, injected resolve failures=3, generations=%v", got, gens)
	if gens != 1 {
		t.Errorf("%v generations, want 1: a resolve error ended the generation", gens)
	}
}
