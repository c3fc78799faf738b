package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

const benchItems = 20000

// BenchmarkEndToEnd measures newsworker against the real broker next to a
// baseline measured in the same run: a pass-through consumer-producer with
// the same kafka-go settings (consumer group, RequireAll, lz4, batches,
// commit after the write) that copies each message without tagging it.
// Run: make bench-e2e (or go test -run '^$' -bench EndToEnd -benchtime 1x
// ./internal/service with NEWSWORKER_TEST_BROKERS set).
func BenchmarkEndToEnd(b *testing.B) {
	brokers := kafkatest.Brokers(b)
	const parts = 4
	in := kafkatest.Topic(b, brokers, "bench-in", parts)
	msgs, _ := kafkatest.MixedItems(benchItems, 64<<10)
	kafkatest.Produce(b, brokers, in, msgs)

	b.Run("passthrough-baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out := kafkatest.Topic(b, brokers, "bench-pass", parts)
			start := time.Now()
			passThrough(b, brokers, in, out, "pass-"+out)
			b.ReportMetric(benchItems/time.Since(start).Seconds(), "items/s")
		}
	})
	b.Run("newsworker", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			tp := topics{in: in, out: kafkatest.Topic(b, brokers, "bench-out", parts), dlq: kafkatest.Topic(b, brokers, "bench-dlq", 1), group: "bench-" + time.Now().Format("150405.000")}
			cfg := testConfig(b, brokers, tp)
			start := time.Now()
			stop := startWorker(b, cfg)
			waitCount(b, brokers, tp, parts)
			elapsed := time.Since(start)
			if err := stop(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(benchItems/elapsed.Seconds(), "items/s")
		}
	})
}

// waitCount waits until outputs plus dead letters reach benchItems.
func waitCount(b *testing.B, brokers []string, tp topics, parts int) {
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		var n int64
		for _, v := range kafkatest.EndOffsets(b, brokers, tp.out, parts) {
			n += v
		}
		for _, v := range kafkatest.EndOffsets(b, brokers, tp.dlq, 1) {
			n += v
		}
		if n >= benchItems {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.Fatal("timed out")
}

// passThrough copies in → out with a group reader, batched writes and a
// commit after each acknowledged batch, until benchItems are copied.
func passThrough(b *testing.B, brokers []string, in, out, group string) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, GroupID: group, GroupTopics: []string{in}, MinBytes: 1,
		MaxBytes: 10 << 20, MaxWait: 250 * time.Millisecond, QueueCapacity: 1000, StartOffset: kafka.FirstOffset, ReadLagInterval: -1})
	defer r.Close()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: out, Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll,
		BatchSize: 500, BatchBytes: 4 << 20, BatchTimeout: 5 * time.Millisecond, Compression: kafka.Lz4}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	batch := make([]kafka.Message, 0, 500)
	for copied := 0; copied < benchItems; {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, m)
		if len(batch) == cap(batch) || copied+len(batch) == benchItems {
			outMsgs := make([]kafka.Message, len(batch))
			for i, m := range batch {
				outMsgs[i] = kafka.Message{Key: m.Key, Value: m.Value}
			}
			if err := w.WriteMessages(ctx, outMsgs...); err != nil {
				b.Fatal(err)
			}
			if err := r.CommitMessages(ctx, batch...); err != nil {
				b.Fatal(err)
			}
			copied += len(batch)
			batch = batch[:0]
		}
	}
}
