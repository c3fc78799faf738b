package main

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

func sum(m map[int]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}

// TestCrashRestart: a stream of items; the worker is SIGKILLed at several
// random moments and restarted each time. Zero missing; duplicates counted.
func TestCrashRestart(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	n, kills := 50000, 5
	if testing.Short() {
		n, kills = 10000, 2
	}
	if v, err := strconv.Atoi(os.Getenv("NEWSWORKER_SOAK_ITEMS")); err == nil && v > 0 {
		n, kills = v, 10 // `make soak`: the long variant
	}
	const parts = 4
	in := kafkatest.Topic(t, brokers, "crash-in", parts)
	out := kafkatest.Topic(t, brokers, "crash-out", parts)
	dlq := kafkatest.Topic(t, brokers, "crash-dlq", 1)
	group := "crash-" + in
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := kafkatest.BuildWorker(t)
	env := kafkatest.Env(brokers[0], in, out, dlq, group)
	outputs := func() int64 {
		return sum(kafkatest.EndOffsets(t, brokers, out, parts)) + sum(kafkatest.EndOffsets(t, brokers, dlq, 1))
	}
	start := time.Now()
	p := kafkatest.StartWorker(t, bin, env) // killed by the test's cleanup if it fails midway
	restarts := 0
	for k := 0; k < kills; k++ {
		// Kill at a random point of the stream's progress.
		target := int64(float64(n) * (float64(k) + rand.Float64()) / float64(kills+1))
		for deadline := time.Now().Add(3 * time.Minute); outputs() < target && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		p.Kill()
		t.Logf("kill %d at %d outputs", k+1, outputs())
		p = kafkatest.StartWorker(t, bin, env)
		restarts++
	}
	// The auditor of `newsworker audit`, waiting for the last worker to
	// catch up: done as soon as every input has an outcome.
	end := kafkatest.EndOffsets(t, brokers, in, parts)
	o := audit.Options{Brokers: brokers, Input: in, Output: out, DLQ: dlq, FromOffset: -1, ToOffset: -1, Wait: 5 * time.Minute}
	a := audit.New(o)
	defer a.Close()
	rep, err := a.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	rss := p.PeakRSS()
	if err := p.Stop(time.Minute); err != nil {
		t.Errorf("graceful stop after the run: %v", err)
	}
	committed := kafkatest.Committed(t, brokers, group, in, parts)
	t.Logf("items=%d kills=%d restarts=%d missing=%d duplicates=%d elapsed=%s committed=%d/%d peak_rss(last run)=%d KiB",
		n, kills, restarts, rep.Missing, rep.Duplicates, elapsed.Round(time.Millisecond), sum(committed), sum(end), rss)
	if rep.Missing > 0 || rep.Inputs != int64(n) {
		t.Fatalf("%d of %d inputs have no outcome, e.g. %v\nlast worker's log tail:\n%s", rep.Missing, rep.Inputs, rep.MissingList[:min(10, len(rep.MissingList))], p.LogTail(3000))
	}
	for p, e := range end {
		if committed[p] != e {
			t.Errorf("partition %d committed %d, end %d", p, committed[p], e)
		}
	}
	report, err := auditTopics(t, brokers, in, out, dlq)
	t.Logf("newsworker audit:\n%s", report)
	if err != nil {
		t.Errorf("audit: %v", err)
	}
}
