package faulttest

import (
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestBrokerOutage: the broker is stopped for 25 s mid-stream and started
// again while the worker keeps running. /readyz goes not-ready and back; the
// worker resumes by itself; zero missing.
func TestBrokerOutage(t *testing.T) {
	b := kafkatest.StartBroker(t)
	brokers := []string{b.Addr}
	const n, parts = 20000, 3
	in := kafkatest.Topic(t, brokers, "outage-in", parts)
	out := kafkatest.Topic(t, brokers, "outage-out", parts)
	dlq := kafkatest.Topic(t, brokers, "outage-dlq", 1)
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	w := kafkatest.StartWorker(t, bin, kafkatest.Env(b.Addr, in, out, dlq, "outage-"+in, "NEWSWORKER_MAX_IN_FLIGHT=200", "NEWSWORKER_CONCURRENCY=1"))

	waitFor(t, 60*time.Second, "worker ready", func() bool { return w.Ready() == 200 })
	waitFor(t, 60*time.Second, "some progress", func() bool {
		return sum(kafkatest.EndOffsets(t, brokers, out, parts)) > n/10
	})
	b.Run(t, "stop")
	stopped := time.Now()
	waitFor(t, 40*time.Second, "/readyz not ready during the outage", func() bool { return w.Ready() == 503 })
	notReadyAfter := time.Since(stopped)
	time.Sleep(25*time.Second - time.Since(stopped))
	b.Run(t, "start")
	restarted := time.Now()
	waitFor(t, 90*time.Second, "/readyz ready after the outage", func() bool { return w.Ready() == 200 })
	readyAgain := time.Since(restarted)

	oc, missing := waitOutcomes(t, brokers, in, out, dlq, parts, 5*time.Minute)
	rss := w.PeakRSS()
	if err := w.Stop(40 * time.Second); err != nil {
		t.Errorf("graceful stop: %v\n%s", err, w.LogTail(3000))
	}
	t.Logf("items=%d outage=25s not_ready_after=%s ready_again_after=%s missing=%d duplicates=%d peak_rss=%d KiB",
		n, notReadyAfter.Round(100*time.Millisecond), readyAgain.Round(100*time.Millisecond), len(missing), oc.Duplicates, rss)
	if len(missing) > 0 {
		t.Fatalf("%d missing, e.g. %v\n%s", len(missing), missing[:min(5, len(missing))], w.LogTail(4000))
	}
}

func waitFor(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
