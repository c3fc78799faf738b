package faulttest

import (
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestRebalance: three workers in one group; members are added and removed,
// gracefully and by SIGKILL, mid-stream. Zero missing, and no partition's
// committed offset ever moves backwards (the late-commit trap of kafka-go
// #1308: a member that lost a partition must not rewind it).
func TestRebalance(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 30000, 6
	in := kafkatest.Topic(t, brokers, "rebal-in", parts)
	out := kafkatest.Topic(t, brokers, "rebal-out", parts)
	dlq := kafkatest.Topic(t, brokers, "rebal-dlq", 1)
	group := "rebal-" + in
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	// Slow each worker down (one item at a time) so the stream outlives the
	// membership changes.
	env := kafkatest.Env(brokers[0], in, out, dlq, group, "NEWSWORKER_CONCURRENCY=1", "NEWSWORKER_MAX_IN_FLIGHT=100")
	stop := make(chan struct{})
	backwards := watchCommits(t, brokers, group, in, parts, stop)
	progress := func() int64 {
		return sum(kafkatest.EndOffsets(t, brokers, out, parts)) + sum(kafkatest.EndOffsets(t, brokers, dlq, 1))
	}
	at := func(frac float64) {
		waitFor(t, 3*time.Minute, "progress", func() bool { return progress() >= int64(frac*n) })
	}
	start := time.Now()
	w := []*kafkatest.Worker{kafkatest.StartWorker(t, bin, env), kafkatest.StartWorker(t, bin, env), kafkatest.StartWorker(t, bin, env)}
	rebalances := 0
	at(0.15)
	w = append(w, kafkatest.StartWorker(t, bin, env)) // join
	rebalances++
	at(0.30)
	if err := w[0].Stop(30 * time.Second); err != nil { // graceful leave
		t.Errorf("graceful stop of worker 1: %v", err)
	}
	rebalances++
	at(0.45)
	w[1].Kill() // crash: its partitions move after the session timeout
	rebalances++
	at(0.60)
	w = append(w, kafkatest.StartWorker(t, bin, env))
	rebalances++
	at(0.75)
	w[2].Kill()
	rebalances++

	oc, missing := waitOutcomes(t, brokers, in, out, dlq, parts, 5*time.Minute)
	elapsed := time.Since(start)
	var rss int64
	for _, x := range w[3:] {
		rss = max(rss, x.PeakRSS())
		if err := x.Stop(40 * time.Second); err != nil {
			t.Errorf("graceful stop: %v", err)
		}
	}
	close(stop)
	back := <-backwards
	t.Logf("items=%d workers_started=%d membership_changes=%d graceful_leaves=1 kills=2 missing=%d duplicates=%d commits_backwards=%d elapsed=%s peak_rss=%d KiB",
		n, len(w), rebalances, len(missing), oc.Duplicates, len(back), elapsed.Round(time.Second), rss)
	if len(missing) > 0 {
		t.Errorf("%d missing, e.g. %v", len(missing), missing[:min(5, len(missing))])
	}
	if len(back) > 0 {
		t.Errorf("committed offsets moved backwards: %v", back)
	}
	end := kafkatest.EndOffsets(t, brokers, in, parts)
	committed := kafkatest.Committed(t, brokers, group, in, parts)
	for p, e := range end {
		if committed[p] != e {
			t.Errorf("partition %d committed %d, end %d", p, committed[p], e)
		}
	}
}
