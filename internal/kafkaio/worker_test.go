package kafkaio_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/service"
)

// workerEnv is one worker's settings, applied through the real NEWSWORKER_*
// variables so the variable names are under test too.
type workerEnv struct {
	group     string
	mechanism string
	user      string
	password  string
	caFile    string
	extra     map[string]string
}

func (b *secureBroker) workerConfig(t *testing.T, e workerEnv) config.Config {
	t.Helper()
	vars := map[string]string{
		"BROKERS": b.addr, "INPUT_TOPIC": topicIn, "OUTPUT_TOPIC": topicOut, "DLQ_TOPIC": topicDLQ,
		"GROUP_ID": e.group, "HTTP_ADDR": "127.0.0.1:0", "COMMIT_INTERVAL": "200ms",
		"MAX_ITEM_BYTES": "65536", "SESSION_TIMEOUT": "10s", "LOG_LEVEL": "debug",
		"TLS_ENABLED": "true", "TLS_CA_FILE": e.caFile,
		"SASL_MECHANISM": e.mechanism, "SASL_USERNAME": e.user, "SASL_PASSWORD": e.password,
	}
	for k, v := range e.extra {
		vars[k] = v
	}
	for k, v := range vars {
		t.Setenv(config.Prefix+"_"+k, v)
	}
	cfg, err := config.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// workerRun is service.Run in-process, logging at debug level into logs.
type workerRun struct {
	logs    *kafkatest.LogBuffer
	started time.Time
	httpc   chan string
	done    chan error
	cancel  context.CancelFunc
	once    sync.Once
	err     error
}

func startWorker(t *testing.T, cfg config.Config, proc *pipeline.Processor) *workerRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &workerRun{logs: &kafkatest.LogBuffer{}, started: time.Now(), httpc: make(chan string, 1), done: make(chan error, 1), cancel: cancel}
	log := zerolog.New(w.logs).Level(zerolog.DebugLevel).With().Timestamp().Logger()
	// The line `newsworker run` writes first (cmd/newsworker/run.go).
	log.Info().Interface("config", cfg).Msg("starting")
	go func() {
		w.done <- service.Run(ctx, cfg, proc, log, service.Hooks{Started: func(a string) { w.httpc <- a }})
	}()
	t.Cleanup(func() { _ = w.stop(t) })
	return w
}

// exited waits up to timeout for Run to return on its own.
func (w *workerRun) exited(timeout time.Duration) (err error, ok bool) {
	select {
	case err := <-w.done:
		w.once.Do(func() { w.err = err; w.cancel() })
		return err, true
	case <-time.After(timeout):
		return nil, false
	}
}

// stop shuts the worker down gracefully and returns Run's error.
func (w *workerRun) stop(t *testing.T) error {
	w.once.Do(func() {
		w.cancel()
		select {
		case w.err = <-w.done:
		case <-time.After(60 * time.Second):
			w.err = fmt.Errorf("worker did not stop within 60 s")
			t.Errorf("worker did not stop within 60 s; log tail:\n%s", tail(w.logs.String(), 3000))
		}
	})
	return w.err
}

// scrape fetches path from the worker's HTTP endpoint.
func (w *workerRun) scrape(t *testing.T, path string) string {
	t.Helper()
	var addr string
	select {
	case addr = <-w.httpc:
		w.httpc <- addr
	case <-time.After(30 * time.Second):
		t.Fatal("the worker's HTTP endpoint never started")
	}
	res, err := http.Get("http://" + addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
