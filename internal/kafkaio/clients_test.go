package kafkaio_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
)

// The helpers below mirror internal/kafkatest's, but connect through a
// kafkaio.Security: kafkatest's clients speak PLAINTEXT only.

func security(t *testing.T, tc config.TLS, mechanism, user, password string) kafkaio.Security {
	t.Helper()
	sec, err := kafkaio.NewSecurity(tc, config.SASL{Mechanism: mechanism, Username: user, Password: config.Secret(password)})
	if err != nil {
		t.Fatal(err)
	}
	return sec
}

func produce(t *testing.T, addr string, sec kafkaio.Security, topic string, msgs []kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(addr), Topic: topic, Balancer: &kafka.RoundRobin{}, Transport: sec.Transport(),
		RequiredAcks: kafka.RequireAll, BatchSize: 1000, BatchBytes: 900 << 10, BatchTimeout: 5 * time.Millisecond}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// readAll reads every partition of topic from the start until at least want
// messages arrived and no more came for quiet, or timeout passed.
func readAll(t *testing.T, addr string, sec kafkaio.Security, topic string, partitions, want int, quiet, timeout time.Duration) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var (
		mu   sync.Mutex
		got  []kafka.Message
		last = time.Now()
		wg   sync.WaitGroup
	)
	for p := 0; p < partitions; p++ {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{addr}, Topic: topic, Partition: p, Dialer: sec.Dialer(),
			MaxWait: 200 * time.Millisecond, MaxBytes: 16 << 20})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer r.Close()
			for {
				m, err := r.ReadMessage(ctx)
				if err != nil {
					return
				}
				mu.Lock()
				got, last = append(got, m), time.Now()
				mu.Unlock()
			}
		}()
	}
	for ctx.Err() == nil {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		done := len(got) >= want && time.Since(last) > quiet
		mu.Unlock()
		if done {
			break
		}
	}
	cancel()
	wg.Wait()
	return got
}

func client(addr string, sec kafkaio.Security) *kafka.Client {
	return &kafka.Client{Addr: kafka.TCP(addr), Transport: sec.Transport(), Timeout: 10 * time.Second}
}

// committed returns the group's committed offset per partition (-1: none).
func committed(t *testing.T, addr string, sec kafkaio.Security, group, topic string, partitions int) map[int]int64 {
	t.Helper()
	ps := make([]int, partitions)
	for i := range ps {
		ps[i] = i
	}
	res, err := client(addr, sec).OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ps}})
	if err != nil {
		t.Fatalf("offset fetch: %v", err)
	}
	out := map[int]int64{}
	for _, p := range res.Topics[topic] {
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// endOffsets returns each partition's high watermark.
func endOffsets(t *testing.T, addr string, sec kafkaio.Security, topic string, partitions int) map[int]int64 {
	t.Helper()
	req := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for p := 0; p < partitions; p++ {
		req.Topics[topic] = append(req.Topics[topic], kafka.LastOffsetOf(p))
	}
	res, err := client(addr, sec).ListOffsets(context.Background(), req)
	if err != nil {
		t.Fatalf("list offsets: %v", err)
	}
	out := map[int]int64{}
	for _, p := range res.Topics[topic] {
		if p.Error != nil {
			t.Fatalf("list offsets %s/%d: %v", topic, p.Partition, p.Error)
		}
		out[p.Partition] = p.LastOffset
	}
	return out
}

func sum(m map[int]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}
