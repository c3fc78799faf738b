package faulttest

import (
	"testing"
	"time"

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

// waitOutcomes waits until every input offset has an outcome and returns
// the outcomes; it fails the test with the missing offsets on timeout.
func waitOutcomes(t *testing.T, brokers []string, in, out, dlq string, parts int, timeout time.Duration) (kafkatest.Outcomes, []kafkatest.Origin) {
	t.Helper()
	end := kafkatest.EndOffsets(t, brokers, in, parts)
	want := sum(end)
	var oc kafkatest.Outcomes
	var missing []kafkatest.Origin
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		have := sum(kafkatest.EndOffsets(t, brokers, out, parts)) + sum(kafkatest.EndOffsets(t, brokers, dlq, 1))
		if have >= want {
			recs := kafkatest.ReadAll(t, brokers, out, parts, int(have)/2, 500*time.Millisecond, 2*time.Minute)
			dls := kafkatest.ReadAll(t, brokers, dlq, 1, 0, 500*time.Millisecond, time.Minute)
			var err error
			if oc, err = kafkatest.Collect(in, recs, dls); err != nil {
				t.Fatal(err)
			}
			if missing = oc.Missing(end); len(missing) == 0 {
				return oc, nil
			}
		}
		time.Sleep(time.Second)
	}
	return oc, missing
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
