package faulttest

import (
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestIdleMemberStops: with more workers than partitions one member holds
// nothing; SIGTERM must still stop it promptly, and stopping the busy one
// must not wait for a rebalance of the whole group.
func TestIdleMemberStops(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	in := kafkatest.Topic(t, brokers, "idle-in", 1)
	out := kafkatest.Topic(t, brokers, "idle-out", 1)
	dlq := kafkatest.Topic(t, brokers, "idle-dlq", 1)
	msgs, _ := kafkatest.MixedItems(2000, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	env := kafkatest.Env(brokers[0], in, out, dlq, "idle-"+in, "NEWSWORKER_SHUTDOWN_TIMEOUT=20s")
	a := kafkatest.StartWorker(t, bin, env)
	waitFor(t, time.Minute, "first worker ready", func() bool { return a.Ready() == 200 })
	b := kafkatest.StartWorker(t, bin, env)
	waitFor(t, time.Minute, "second worker serving", func() bool { return b.Ready() != 0 })
	time.Sleep(3 * time.Second) // let the group settle with one idle member
	start := time.Now()
	errB := b.Stop(30 * time.Second)
	tookB := time.Since(start)
	start = time.Now()
	errA := a.Stop(30 * time.Second)
	tookA := time.Since(start)
	t.Logf("stop of the second member took %s (%v); of the first %s (%v)", tookB.Round(time.Millisecond), errB, tookA.Round(time.Millisecond), errA)
	if errA != nil || errB != nil {
		t.Fatalf("stops failed:\n%s\n%s", b.LogTail(2000), a.LogTail(2000))
	}
	if tookA > 15*time.Second || tookB > 15*time.Second {
		t.Errorf("a graceful stop took more than 15 s")
	}
	oc, missing := waitOutcomes(t, brokers, in, out, dlq, 1, 10*time.Second)
	_ = oc
	if len(missing) > 0 {
		// Not a loss: a third worker would pick them up; here we only check
		// that what was committed has outcomes.
		committed := kafkatest.Committed(t, brokers, "idle-"+in, in, 1)
		for _, m := range missing {
			if m.Offset < committed[0] {
				t.Fatalf("offset %d committed without an outcome", m.Offset)
			}
		}
	}
}
