// Package kafkatest provides helpers for tests that run against the real
// broker started by deploy/kafka/kafka.sh (address in NEWSWORKER_TEST_BROKERS):
// unique topics, producing, reading whole topics, committed and end offsets.
// It must only be imported by tests.
package kafkatest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// EnvBrokers names the variable holding the test broker address.
const EnvBrokers = "NEWSWORKER_TEST_BROKERS"

// Brokers returns the test brokers or skips the test, saying why.
func Brokers(t testing.TB) []string {
	t.Helper()
	v := strings.TrimSpace(os.Getenv(EnvBrokers))
	if v == "" {
		t.Skipf("skipping: no Kafka broker (set %s, or run `make test`, which starts a real Kafka 4.x broker)", EnvBrokers)
	}
	return strings.Split(v, ",")
}

// Topic creates a topic with a unique name and the given partitions.
func Topic(t testing.TB, brokers []string, prefix string, partitions int) string {
	t.Helper()
	name := fmt.Sprintf("%s-%d-%04x", prefix, time.Now().UnixNano()%1e9, rand.IntN(1<<16))
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 30 * time.Second}
	res, err := c.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{
		Topics: []kafka.TopicConfig{{Topic: name, NumPartitions: partitions, ReplicationFactor: 1}}})
	if err != nil {
		t.Fatalf("create topic: %v", err)
	}
	if err := res.Errors[name]; err != nil {
		t.Fatalf("create topic %s: %v", name, err)
	}
	waitTopic(t, brokers, name, partitions)
	return name
}

func waitTopic(t testing.TB, brokers []string, topic string, partitions int) {
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		md, err := c.Metadata(context.Background(), &kafka.MetadataRequest{Topics: []string{topic}})
		if err == nil && len(md.Topics) == 1 && md.Topics[0].Error == nil && len(md.Topics[0].Partitions) == partitions {
			ok := true
			for _, p := range md.Topics[0].Partitions {
				ok = ok && p.Leader.ID >= 0 && p.Error == nil
			}
			if ok {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("topic %s not ready", topic)
}

// Produce writes msgs to topic with acks from all replicas.
func Produce(t testing.TB, brokers []string, topic string, msgs []kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.RoundRobin{},
		RequiredAcks: kafka.RequireAll, BatchSize: 1000, BatchBytes: 900 << 10, BatchTimeout: 5 * time.Millisecond}
	defer w.Close()
	for len(msgs) > 0 {
		n := min(len(msgs), 1000)
		if err := w.WriteMessages(context.Background(), msgs[:n]...); err != nil {
			t.Fatalf("produce: %v", err)
		}
		msgs = msgs[n:]
	}
}

// ReadAll reads every partition of topic from the start until at least want
// messages arrived and no more come for quiet, or timeout passes.
func ReadAll(t testing.TB, brokers []string, topic string, partitions, want int, quiet, timeout time.Duration) []kafka.Message {
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
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, Partition: p, MaxWait: 200 * time.Millisecond, MaxBytes: 16 << 20})
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

// Committed returns the group's committed offset per partition (-1 none).
func Committed(t testing.TB, brokers []string, group, topic string, partitions int) map[int]int64 {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	ps := make([]int, partitions)
	for i := range ps {
		ps[i] = i
	}
	var res *kafka.OffsetFetchResponse
	retry(t, "offset fetch", func() (err error) {
		res, err = c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ps}})
		return err
	})
	out := map[int]int64{}
	for _, p := range res.Topics[topic] {
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// EndOffsets returns each partition's high watermark.
func EndOffsets(t testing.TB, brokers []string, topic string, partitions int) map[int]int64 {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	req := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for p := 0; p < partitions; p++ {
		req.Topics[topic] = append(req.Topics[topic], kafka.LastOffsetOf(p))
	}
	var res *kafka.ListOffsetsResponse
	retry(t, "list offsets", func() (err error) {
		if res, err = c.ListOffsets(context.Background(), req); err != nil {
			return err
		}
		for _, p := range res.Topics[topic] {
			if p.Error != nil {
				return fmt.Errorf("partition %d: %w", p.Partition, p.Error)
			}
		}
		return nil
	})
	out := map[int]int64{}
	for _, p := range res.Topics[topic] {
		out[p.Partition] = p.LastOffset
	}
	return out
}

// retry runs f until it succeeds, for at most 30 s. A single-node broker on
// a loaded machine now and then answers "broker not available" for a moment
// (KRaft fences it when a heartbeat is late), which says nothing about the
// code under test; a lasting failure still fails the test.
func retry(t testing.TB, what string, f func() error) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		err := f()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %v", what, err)
		}
	}
}
