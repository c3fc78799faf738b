package service_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.uber.org/goleak"

	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/service"
)

// Operating the worker: shutdown past its timeout, missing topics, the
// operator's log lines.

// TestShutdownPastTimeout: a shutdown that cannot finish within its timeout
// (10,000 items in flight, 1 ms allowed) returns an error, so the process
// exits non-zero, and still only after every goroutine it started has
// exited.
func TestShutdownPastTimeout(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	const n, parts = 10000, 2
	tp := newTopics(t, brokers, parts)
	msgs, _ := kafkatest.MixedItems(n, testMaxItem)
	kafkatest.Produce(t, brokers, tp.in, msgs)
	cfg := testConfig(t, brokers, tp)
	cfg.ShutdownTimeout = time.Millisecond
	cfg.Concurrency = 1
	before := goleak.IgnoreCurrent()
	stop := startWorker(t, cfg)
	waitOutputs(t, brokers, tp.out, parts, 1, time.Minute)
	start := time.Now()
	err := stop()
	t.Logf("stop past its timeout took %s: %v", time.Since(start).Round(time.Millisecond), err)
	if err == nil || !strings.Contains(err.Error(), "shutdown timed out") {
		t.Errorf("stop = %v, want the shutdown timeout error", err)
	}
	if err := goleak.Find(before); err != nil {
		t.Errorf("goroutines left running after service.Run returned: %v", err)
	}
}

// waitOutputs waits until topic holds at least min records, or timeout.
func waitOutputs(t *testing.T, brokers []string, topic string, parts int, min int64, timeout time.Duration) {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var got int64
		for _, v := range kafkatest.EndOffsets(t, brokers, topic, parts) {
			got += v
		}
		if got >= min {
			return
		}
	}
}

// TestMissingTopicsFailFast: a misspelt input topic and a missing output
// topic make the worker not ready, naming both with what to do, and it exits
// with that error after NEWSWORKER_TOPIC_WAIT instead of running with no
// partitions.
func TestMissingTopicsFailFast(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	tp := newTopics(t, brokers, 1)
	tp.in += "-typo"
	tp.out += "-missing"
	cfg := testConfig(t, brokers, tp)
	cfg.TopicWait = 3 * time.Second
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	addr := make(chan string, 1)
	done := make(chan error, 1)
	proc := processor(t)
	start := time.Now()
	go func() {
		done <- service.Run(context.Background(), cfg, proc, log, service.Hooks{Started: func(a string) { addr <- a }})
	}()
	var readyz string
	select {
	case a := <-addr:
		time.Sleep(500 * time.Millisecond)
		resp, err := http.Get("http://" + a + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		readyz = fmt.Sprintf("%d %s", resp.StatusCode, b)
	case err := <-done:
		t.Fatalf("Run returned before serving /readyz: %v", err)
	}
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the worker did not give up waiting for its topics")
	}
	t.Logf("exit after %s: %v; /readyz meanwhile: %s", time.Since(start).Round(time.Millisecond), err, readyz)
	for _, want := range []string{tp.in, "NEWSWORKER_INPUT_TOPIC", tp.out, "NEWSWORKER_CREATE_TOPICS", "NEWSWORKER_TOPIC_WAIT"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %q", err, want)
		}
	}
	if !strings.HasPrefix(readyz, "503") || !strings.Contains(readyz, tp.in) {
		t.Errorf("/readyz while waiting = %q, want 503 naming %s", readyz, tp.in)
	}
}

// TestOperatorLogLines: the listen address at start, a periodic throughput
// line, and a final summary with the totals.
func TestOperatorLogLines(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	tp := newTopics(t, brokers, 1)
	msgs, _ := kafkatest.MixedItems(200, testMaxItem)
	kafkatest.Produce(t, brokers, tp.in, msgs)
	cfg := testConfig(t, brokers, tp)
	cfg.StatsInterval = 200 * time.Millisecond
	var logs kafkatest.LogBuffer
	proc := processor(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- service.Run(ctx, cfg, proc, zerolog.New(&logs), service.Hooks{}) }()
	waitOutputs(t, brokers, tp.out, 1, 100, time.Minute)
	time.Sleep(500 * time.Millisecond)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	for _, want := range []string{`"message":"serving /metrics, /healthz and /readyz"`, `"message":"throughput"`, `"items_per_s"`, `"message":"stopped"`, `"consumed":200`} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s", want)
		}
	}
	if t.Failed() {
		t.Logf("logs:\n%s", out)
	}
}
