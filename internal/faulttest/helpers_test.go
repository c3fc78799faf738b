package faulttest

import (
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

// sum adds up per-partition offsets.
func sum(m map[int]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}

// waitOutcomes waits until every input offset has an outcome, judged by
// the auditor of `newsworker audit` (reading the outputs as they grow), and
// returns the outcomes indexed by origin for inspection, and what the audit
// found missing when the timeout passed first.
func waitOutcomes(t *testing.T, brokers []string, in, out, dlq string, parts int, timeout time.Duration) (kafkatest.Outcomes, []audit.Origin) {
	t.Helper()
	rep := kafkatest.Audit(t, brokers, in, out, dlq, timeout)
	recs := kafkatest.ReadAll(t, brokers, out, parts, int(rep.WithRecord)/2, 500*time.Millisecond, 2*time.Minute)
	dls := kafkatest.ReadAll(t, brokers, dlq, 1, 0, 500*time.Millisecond, time.Minute)
	oc, err := kafkatest.Collect(in, recs, dls)
	if err != nil {
		t.Fatal(err)
	}
	return oc, rep.MissingList
}

// watchCommits polls the group's committed offsets until stop is closed and
// reports any partition whose committed offset moved backwards.
func watchCommits(t *testing.T, brokers []string, group, topic string, parts int, stop <-chan struct{}) <-chan []string {
	res := make(chan []string, 1)
	go func() {
		var back []string
		last := map[int]int64{}
		for {
			select {
			case <-stop:
				res <- back
				return
			case <-time.After(100 * time.Millisecond):
			}
			c := kafkatest.Committed(t, brokers, group, topic, parts)
			for p, off := range c {
				if prev, ok := last[p]; ok && off >= 0 && off < prev {
					back = append(back, time.Now().Format("15:04:05.000")+": partition "+itoa(p)+" "+itoa64(prev)+" → "+itoa64(off))
				}
				if off >= 0 {
					last[p] = max(last[p], off)
				}
			}
		}
	}()
	return res
}
