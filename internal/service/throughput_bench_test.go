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
// baseline measured in the same iteration: a pass-through consumer-producer
// with the same kafka-go settings (consumer group, RequireAll, lz4, batches,
// commit after the write) that copies each message without tagging it.
// Each iteration runs the baseline, then newsworker, over the same 20,000
// prefilled items and reports both rates and their ratio, so that a burst
// of load from a neighbour on a shared machine shows in both figures of one
// line rather than in one side only. A rate counts from the first output to
// the last: joining the group is not throughput.
// Run: make bench-e2e (or go test -run '^$' -bench EndToEnd -benchtime 1x
// -count 3 ./internal/service with NEWSWORKER_TEST_BROKERS set).
func BenchmarkEndToEnd(b *testing.B) {
	brokers := kafkatest.Brokers(b)
	const parts = 4
	in := kafkatest.Topic(b, brokers, "bench-in", parts)
	msgs, _ := kafkatest.MixedItems(benchItems, 64<<10)
	kafkatest.Produce(b, brokers, in, msgs)
	processor(b) // the tagger's start-up is not throughput either
	warmUp(b, brokers, in)

	var pass, nw float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := kafkatest.Topic(b, brokers, "bench-pass", parts)
		w := kafkatest.WatchEnd(b, brokers, benchItems, kafkatest.Part{Topic: out, Partitions: parts})
		passThrough(b, brokers, in, out, "pass-"+out, benchItems)
		pass += w.Wait(5 * time.Minute).Rate()

		tp := topics{in: in, out: kafkatest.Topic(b, brokers, "bench-out", parts), dlq: kafkatest.Topic(b, brokers, "bench-dlq", 1),
			group: "bench-" + time.Now().Format("150405.000")}
		w = kafkatest.WatchEnd(b, brokers, benchItems, kafkatest.Part{Topic: tp.out, Partitions: parts}, kafkatest.Part{Topic: tp.dlq, Partitions: 1})
		stop := startWorker(b, testConfig(b, brokers, tp))
		nw += w.Wait(5 * time.Minute).Rate()
		if err := stop(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(pass/float64(b.N), "pass-items/s")
	b.ReportMetric(nw/float64(b.N), "items/s")
	b.ReportMetric(nw/pass, "ratio")
}

// warmUp has a throwaway group copy a few items, so that the broker creates
// its offsets topic (on a fresh broker, the first group waits for it) before
// anything is timed.
func warmUp(b *testing.B, brokers []string, in string) {
	out := kafkatest.Topic(b, brokers, "bench-warm", 1)
	passThrough(b, brokers, in, out, "warm-"+out, 100)
}

// passThrough copies in → out with a group reader, batched writes and a
// commit after each acknowledged batch, until n items are copied.
func passThrough(b *testing.B, brokers []string, in, out, group string, n int) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, GroupID: group, GroupTopics: []string{in}, MinBytes: 1,
		MaxBytes: 10 << 20, MaxWait: 250 * time.Millisecond, QueueCapacity: 1000, StartOffset: kafka.FirstOffset, ReadLagInterval: -1})
	defer r.Close()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: out, Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll,
		BatchSize: 500, BatchBytes: 4 << 20, BatchTimeout: 5 * time.Millisecond, Compression: kafka.Lz4}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	batch := make([]kafka.Message, 0, 500)
	for copied := 0; copied < n; {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, m)
		if len(batch) == cap(batch) || copied+len(batch) == n {
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
