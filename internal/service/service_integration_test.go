package service_test

import (
	"os"
	"sync"
	"testing"

	"go.uber.org/goleak"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/sharedtest"
	"github.com/newsworker/newsworker/pkg/event/eventtest"
)

const testMaxItem = 64 << 10

var (
	procOnce sync.Once
	proc     *pipeline.Processor
	procErr  error
)

func processor(t testing.TB) *pipeline.Processor {
	t.Helper()
	procOnce.Do(func() {
		proc, procErr = pipeline.NewDefault(nil, "", pipeline.Options{MaxItemBytes: testMaxItem, ItemTimeout: 5 * time.Second})
	})
	if procErr != nil {
		t.Fatal(procErr)
	}
	return proc
}

type topics struct{ in, out, dlq, group string }

func newTopics(t testing.TB, brokers []string, parts int) topics {
	return topics{
		in:    kafkatest.Topic(t, brokers, "in", parts),
		out:   kafkatest.Topic(t, brokers, "out", parts),
		dlq:   kafkatest.Topic(t, brokers, "dlq", 1),
		group: "g-" + t.Name(),
	}
}

func testConfig(t testing.TB, brokers []string, tp topics) config.Config {
	t.Helper()
	t.Setenv("NEWSWORKER_BROKERS", brokers[0])
	t.Setenv("NEWSWORKER_INPUT_TOPIC", tp.in)
	t.Setenv("NEWSWORKER_OUTPUT_TOPIC", tp.out)
	t.Setenv("NEWSWORKER_DLQ_TOPIC", tp.dlq)
	t.Setenv("NEWSWORKER_GROUP_ID", tp.group)
	t.Setenv("NEWSWORKER_HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("NEWSWORKER_COMMIT_INTERVAL", "200ms")
	t.Setenv("NEWSWORKER_MAX_ITEM_BYTES", "65536")
	t.Setenv("NEWSWORKER_SESSION_TIMEOUT", "10s")
	cfg, err := config.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// startWorker runs the service in-process; stop shuts it down gracefully
// and returns its error.
func startWorker(t testing.TB, cfg config.Config) (stop func() error) {
	t.Helper()
	stop, _ = startWorkerHTTP(t, cfg)
	return stop
}

// TestMixedItemsEndToEnd: 10,000 mixed items with ~2% of each rejection
// kind give exactly 10,000 outcomes, every input offset accounted for by its
// origin, ids unique per input, every record valid against the schema; a
// graceful stop leaves every partition committed to its end.
func TestMixedItemsEndToEnd(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 10000, 3
	tp := newTopics(t, brokers, parts)
	msgs, want := kafkatest.MixedItems(n, testMaxItem)
	kafkatest.Produce(t, brokers, tp.in, msgs)

	start := time.Now()
	stop := startWorker(t, testConfig(t, brokers, tp))
	var recs, dls []kafka.Message
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		recs = kafkatest.ReadAll(t, brokers, tp.out, parts, 1, 300*time.Millisecond, 20*time.Second)
		dls = kafkatest.ReadAll(t, brokers, tp.dlq, 1, 0, 300*time.Millisecond, 10*time.Second)
		if len(recs)+len(dls) >= n {
			break
		}
	}
	elapsed := time.Since(start)
	if err := stop(); err != nil {
		t.Fatalf("worker stopped with error: %v", err)
	}
	oc, err := kafkatest.Collect(tp.in, recs, dls)
	if err != nil {
		t.Fatal(err)
	}
	rep := kafkatest.Audit(t, brokers, tp.in, tp.out, tp.dlq, 0)
	missing := rep.MissingList
	t.Logf("items=%d records=%d dead_letters=%d missing=%d duplicates=%d elapsed=%s (%.0f items/s)",
		n, len(recs), len(dls), rep.Missing, rep.Duplicates, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
	if rep.Missing > 0 || len(recs)+len(dls) != n || rep.Duplicates != 0 || rep.Inputs != int64(n) {
		t.Fatalf("want exactly %d outcomes, one per input; missing %v", n, first(missing, 10))
	}
	v, err := eventtest.New()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]kafkatest.Origin{}
	for k, raws := range oc.Raw {
		for _, b := range raws {
			if err := v.Validate(b); err != nil {
				t.Fatalf("record from %v invalid: %v\n%s", k, err, b)
			}
		}
		r := oc.Records[k][0]
		if prev, dup := ids[r.ID]; dup {
			t.Fatalf("inputs %v and %v share record id %s", prev, k, r.ID)
		}
		ids[r.ID] = k
		if want[r.Origin.Key] != "" {
			t.Errorf("%s: got a record, want dead letter %s", r.Origin.Key, want[r.Origin.Key])
		}
	}
	for _, ms := range oc.DeadLetters {
		m := ms[0]
		if got, w := audit.Header(m, "dlq-reason"), want[string(m.Key)]; got != w {
			t.Errorf("%s: dead letter reason %q, want %q (%s)", m.Key, got, w, audit.Header(m, "dlq-error"))
		}
	}
	committed := kafkatest.Committed(t, brokers, tp.group, tp.in, parts)
	for p, r := range rep.Ranges {
		if e := r[1]; committed[p] != e {
			t.Errorf("partition %d: committed %d after graceful stop, end offset %d", p, committed[p], e)
		}
	}
}

// TestSeedArticle: the seed article as a plain-text message.
func TestSeedArticle(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	seed, err := os.ReadFile(sharedtest.Path(t, "eval/seed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	text := seedText(t, seed)
	tp := newTopics(t, brokers, 1)
	kafkatest.Produce(t, brokers, tp.in, []kafka.Message{{Key: []byte("seed"), Value: []byte(text)}})
	stop := startWorker(t, testConfig(t, brokers, tp))
	recs := kafkatest.ReadAll(t, brokers, tp.out, 1, 1, 100*time.Millisecond, 60*time.Second)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("got %d records", len(recs))
	}
	checkSeedRecord(t, recs[0].Value)
}

func first[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestGracefulStopMidStream: stopped mid-stream with periodic commits
// switched off (COMMIT_INTERVAL=1h), the worker's final commits alone must
// cover everything it acknowledged: in every partition, every offset below
// the committed one has an outcome, and nothing acknowledged is left
// uncommitted beyond what was still in flight.
func TestGracefulStopMidStream(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 20000, 3
	tp := newTopics(t, brokers, parts)
	msgs, _ := kafkatest.MixedItems(n, testMaxItem)
	kafkatest.Produce(t, brokers, tp.in, msgs)
	cfg := testConfig(t, brokers, tp)
	cfg.CommitInterval = time.Hour
	cfg.Concurrency = 1
	before := goleak.IgnoreCurrent()
	stop := startWorker(t, cfg)
	waitOutputs(t, brokers, tp.out, parts, n/4+1, 2*time.Minute)
	start := time.Now()
	if err := stop(); err != nil {
		t.Fatalf("graceful stop: %v", err)
	}
	stopTook := time.Since(start)
	// service.Run returns only after every goroutine it started has exited.
	if err := goleak.Find(before); err != nil {
		t.Errorf("goroutines left running after service.Run returned: %v", err)
	}
	recs := kafkatest.ReadAll(t, brokers, tp.out, parts, 1, 500*time.Millisecond, time.Minute)
	dls := kafkatest.ReadAll(t, brokers, tp.dlq, 1, 0, 500*time.Millisecond, 30*time.Second)
	oc, err := kafkatest.Collect(tp.in, recs, dls)
	if err != nil {
		t.Fatal(err)
	}
	committed := kafkatest.Committed(t, brokers, tp.group, tp.in, parts)
	var total int64
	for p := 0; p < parts; p++ {
		c := committed[p]
		if c <= 0 {
			t.Errorf("partition %d: nothing committed by the graceful stop", p)
			continue
		}
		total += c
		for off := int64(0); off < c; off++ {
			k := kafkatest.Origin{Partition: p, Offset: off}
			if len(oc.Records[k]) == 0 && len(oc.DeadLetters[k]) == 0 {
				t.Fatalf("partition %d: offset %d committed without an outcome", p, off)
			}
		}
		// Everything acknowledged was committed: the outcome right at the
		// committed offset, if any, is one that was still being written.
		var beyond int
		for off := c; off < c+2000; off++ {
			k := kafkatest.Origin{Partition: p, Offset: off}
			if len(oc.Records[k])+len(oc.DeadLetters[k]) > 0 {
				beyond++
			}
		}
		if beyond > 0 {
			t.Errorf("partition %d: %d outcomes exist beyond the committed offset %d (acknowledged work left uncommitted)", p, beyond, c)
		}
	}
	t.Logf("graceful stop mid-stream: stop took %s, committed %d of %d, outcomes %d, committed=%v",
		stopTook.Round(time.Millisecond), total, n, len(recs)+len(dls), committed)
}
