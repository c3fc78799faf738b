package faulttest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestDownstreamBroken: the output topic does not exist and cannot be
// auto-created. Nothing is committed, memory stays bounded, the worker exits
// non-zero after NEWSWORKER_TOPIC_WAIT with a message naming the topic and
// the fix, and once the topic exists a restart loses nothing. (A topic that
// refuses writes mid-run — the retry budget, "not acknowledged" — is
// kafkaio's TestNoWriteACL.)
func TestDownstreamBroken(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 5000, 2
	in := kafkatest.Topic(t, brokers, "broken-in", parts)
	dlq := kafkatest.Topic(t, brokers, "broken-dlq", 1)
	out := "broken-out-" + in // never created (yet)
	group := "broken-" + in
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	env := kafkatest.Env(brokers[0], in, out, dlq, group, "NEWSWORKER_WRITE_RETRIES=4", "NEWSWORKER_RETRY_BACKOFF_MAX=1s", "NEWSWORKER_MAX_IN_FLIGHT=500")
	start := time.Now()
	w := kafkatest.StartWorker(t, bin, env)
	var rss int64
	deadline := time.Now().Add(3 * time.Minute)
	var err error
	for {
		rss = max(rss, w.PeakRSS())
		if err = w.Wait(200 * time.Millisecond); err == nil || !strings.Contains(err.Error(), "did not exit") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("worker kept running with a broken downstream")
		}
	}
	exitAfter := time.Since(start)
	if err == nil {
		t.Fatal("worker exited 0 with a broken downstream")
	}
	log := w.LogTail(4000)
	for _, want := range []string{out, "does not exist", "NEWSWORKER_CREATE_TOPICS", "NEWSWORKER_TOPIC_WAIT"} {
		if !strings.Contains(log, want) {
			t.Errorf("exit message does not say %q:\n%s", want, log)
		}
	}
	committed := kafkatest.Committed(t, brokers, group, in, parts)
	for p, off := range committed {
		if off > 0 {
			t.Errorf("partition %d committed %d although no record could be written", p, off)
		}
	}
	t.Logf("broken downstream: exit after %s (%v), committed %v, peak_rss=%d KiB", exitAfter.Round(100*time.Millisecond), err, committed, rss)
	if rss > 400<<10 {
		t.Errorf("peak RSS %d KiB over the 400 MiB bound", rss)
	}

	// Fix the fault and restart: nothing is lost.
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 30 * time.Second}
	if _, err := c.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: out, NumPartitions: parts, ReplicationFactor: 1}}}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	w2 := kafkatest.StartWorker(t, bin, env)
	oc, missing := waitOutcomes(t, brokers, in, out, dlq, parts, 3*time.Minute)
	if err := w2.Stop(40 * time.Second); err != nil {
		t.Errorf("graceful stop: %v", err)
	}
	t.Logf("after the fix: items=%d missing=%d duplicates=%d", n, len(missing), oc.Duplicates)
	if len(missing) > 0 {
		t.Fatalf("%d missing after restart", len(missing))
	}
}

// TestSlowDownstream: produce is throttled by a broker quota on the worker's
// client id. In-flight and memory stay bounded, lag grows, nothing is lost.
func TestSlowDownstream(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 3000, 2
	in := kafkatest.Topic(t, brokers, "slow-in", parts)
	out := kafkatest.Topic(t, brokers, "slow-out", parts)
	dlq := kafkatest.Topic(t, brokers, "slow-dlq", 1)
	client := "slow-" + in
	quota(t, client, "producer_byte_rate=30000")
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	w := kafkatest.StartWorker(t, bin, kafkatest.Env(brokers[0], in, out, dlq, "slow-"+in, "NEWSWORKER_CLIENT_ID="+client, "NEWSWORKER_MAX_IN_FLIGHT=200"))
	start := time.Now()
	var rss, maxInFlight int64
	done := false
	for deadline := time.Now().Add(4 * time.Minute); !done && time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		rss = max(rss, w.PeakRSS())
		maxInFlight = max(maxInFlight, metric(w, "newsworker_in_flight"))
		done = sum(kafkatest.EndOffsets(t, brokers, out, parts))+sum(kafkatest.EndOffsets(t, brokers, dlq, 1)) >= n
	}
	elapsed := time.Since(start)
	oc, missing := waitOutcomes(t, brokers, in, out, dlq, parts, time.Minute)
	if err := w.Stop(40 * time.Second); err != nil {
		t.Errorf("graceful stop: %v", err)
	}
	t.Logf("slow downstream (30 kB/s quota): items=%d elapsed=%s (%.0f items/s) max_in_flight=%d peak_rss=%d KiB missing=%d duplicates=%d",
		n, elapsed.Round(time.Second), float64(n)/elapsed.Seconds(), maxInFlight, rss, len(missing), oc.Duplicates)
	if maxInFlight > 200 {
		t.Errorf("in flight %d over the cap of 200", maxInFlight)
	}
	if len(missing) > 0 {
		t.Fatalf("%d missing", len(missing))
	}
}
