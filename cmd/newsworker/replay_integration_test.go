package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestReplayRange: a replay of one partition's offset range writes one
// outcome per input of the range to the chosen topic, with the same record
// ids on a second run (consumers upsert), and its audit finds nothing
// missing; the other partition is left alone.
func TestReplayRange(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	in := kafkatest.Topic(t, brokers, "replay-in", 2)
	out := kafkatest.Topic(t, brokers, "replay-out", 2)
	dlq := kafkatest.Topic(t, brokers, "replay-dlq", 1)
	msgs, _ := kafkatest.MixedItems(400, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	t.Setenv("NEWSWORKER_BROKERS", brokers[0])
	t.Setenv("NEWSWORKER_MAX_ITEM_BYTES", "65536")
	replayOnce := func() map[string]any {
		var stdout, stderr bytes.Buffer
		start := time.Now()
		err := run(context.Background(), []string{"replay", "-input", in, "-output", out, "-dlq", dlq,
			"-partitions", "1", "-from-offset", "10", "-to-offset", "110", "-json"}, nil, &stdout, &stderr)
		t.Logf("replay took %s: %v\nstderr: %s", time.Since(start).Round(time.Millisecond), err, lastLine(stderr.String()))
		if err != nil {
			t.Fatalf("replay: %v\n%s", err, stdout.String())
		}
		var res map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatalf("summary is not JSON: %v\n%s", err, stdout.String())
		}
		if !strings.Contains(stderr.String(), "replay: 100/100 items") {
			t.Errorf("no final progress line on stderr: %q", stderr.String())
		}
		return res
	}
	res := replayOnce()
	a := res["audit"].(map[string]any)
	if res["items"].(float64) != 100 || a["inputs"].(float64) != 100 || a["missing"].(float64) != 0 {
		t.Fatalf("first replay: %v", res)
	}
	outputs := func() int64 {
		return sum(kafkatest.EndOffsets(t, brokers, out, 2)) + sum(kafkatest.EndOffsets(t, brokers, dlq, 1))
	}
	if n := outputs(); n != 100 {
		t.Fatalf("%d outcomes written for a range of 100", n)
	}
	res = replayOnce()
	a = res["audit"].(map[string]any)
	// Every record of the second run repeats an id of the first.
	recs := a["with_record"].(float64)
	if a["missing"].(float64) != 0 || a["duplicates"].(float64) != 100 || a["duplicate_ids"].(float64) != recs {
		t.Fatalf("second replay: %v", a)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
