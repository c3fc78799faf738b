// Package service provides `newsworker run`: it wires configuration, the
// tagger, the Kafka clients, the consumer group, the worker and the HTTP
// endpoints, runs them under one errgroup, and shuts them down in order.
// `newsworker demo` runs this same code against an embedded broker.
package service

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/consume"
	"github.com/newsworker/newsworker/internal/httpapi"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/metrics"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/internal/worker"
)

// Hooks let tests and the demo observe the running service.
type Hooks struct {
	// Started is called once the HTTP listener is up, with its address.
	Started func(httpAddr string)
}

// Run runs the worker until ctx ends (graceful shutdown: stop fetching,
// finish in-flight items, flush, commit, leave the group, all within
// cfg.ShutdownTimeout) or until a part fails (returned as the error).
func Run(ctx context.Context, cfg config.Config, proc *pipeline.Processor, log zerolog.Logger, hooks Hooks) (err error) {
	sec, err := kafkaio.NewSecurity(cfg.TLS, cfg.SASL)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	sec.ClientID = cfg.ClientID
	// Refused credentials, an untrusted certificate or a missing ACL end the
	// run at once; the consumer group would otherwise retry them for ever.
	if err := kafkaio.Check(ctx, cfg.Brokers, sec, cfg.GroupID, cfg.InputTopic, cfg.OutputTopic, cfg.DLQTopic); errors.Is(err, kafkaio.ErrSecurity) {
		return err
	} else if err != nil {
		log.Warn().Err(err).Msg("no broker answered at start; the consumer group keeps trying")
	}
	m := metrics.New()
	m.SetTaggerVersion(tag.Version)
	started := time.Now()
	defer func() { logSummary(m, started, err, log) }()
	if cfg.CreateTopics {
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := kafkaio.EnsureTopics(cctx, cfg.Brokers, sec, 1, 1, cfg.OutputTopic, cfg.DLQTopic)
		cancel()
		if err != nil {
			return err
		}
	}
	// The broker's message.max.bytes bounds a whole record batch, so a batch
	// may not be larger than it; one record must leave room for key and
	// headers inside it.
	maxRecord := cfg.MaxBatchBytes - 16<<10
	w := kafkaio.NewWriter(kafkaio.WriterConfig{Brokers: cfg.Brokers, BatchSize: cfg.BatchSize,
		BatchBytes: int64(cfg.MaxBatchBytes), BatchTimeout: cfg.BatchTimeout, Compression: cfg.Compression,
		Topics: []string{cfg.OutputTopic, cfg.DLQTopic}}, sec, log)
	defer w.Close()

	startOffset := kafka.FirstOffset
	if cfg.StartOffset == "latest" {
		startOffset = kafka.LastOffset
	}
	// Drain within the shutdown timeout, and within the session timeout:
	// kafka-go stops heartbeating when a generation ends, and a member whose
	// session expires can no longer commit what it drained.
	drain := min(cfg.ShutdownTimeout, cfg.SessionTimeout) * 2 / 3
	inFlight := worker.InFlight(cfg.MaxInFlight, cfg.BatchSize)
	if want := worker.InFlightFor(worker.Publishers, cfg.BatchSize); inFlight < want {
		log.Warn().Int("max_in_flight", inFlight).Int("suggested", want).
			Msg("NEWSWORKER_MAX_IN_FLIGHT is below what the publishers hold while a write is acknowledged (5 × NEWSWORKER_BATCH_SIZE): processing pauses on every write; raise it, or lower the batch size")
	}
	group := consume.New(consume.Config{Brokers: cfg.Brokers, Topic: cfg.InputTopic, GroupID: cfg.GroupID,
		StartOffset: startOffset, MaxInFlight: inFlight, CommitInterval: cfg.CommitInterval,
		DrainTimeout: drain, SessionTimeout: cfg.SessionTimeout, Dialer: sec.Dialer()}, log, m)
	conc := cfg.Concurrency
	if conc == 0 {
		conc = runtime.GOMAXPROCS(0)
	}
	wk := worker.New(worker.Config{OutputTopic: cfg.OutputTopic, DLQTopic: cfg.DLQTopic, Concurrency: conc,
		Publishers: worker.Publishers, BatchSize: cfg.BatchSize, Linger: cfg.BatchTimeout, WriteRetries: cfg.WriteRetries,
		BackoffMax: cfg.RetryBackoffMax, MaxRecordBytes: maxRecord, CopyHeaders: cfg.CopyHeaders}, proc, w, log, m)

	topics := &topicWait{}
	ready := func() error {
		switch {
		case topics.err() != nil:
			return topics.err()
		case !group.Joined():
			return errors.New("not in a consumer group generation")
		case !wk.WriterHealthy():
			return errors.New("the last write to the output failed")
		}
		return nil
	}
	var srv *httpapi.Server
	if cfg.HTTPAddr != "" {
		if srv, err = httpapi.New(cfg.HTTPAddr, m.Registry, ready, cfg.EnablePprof); err != nil {
			return fmt.Errorf("config: NEWSWORKER_HTTP_ADDR: %w", err)
		}
		log.Info().Str("addr", srv.Addr()).Msg("serving /metrics, /healthz and /readyz")
		if hooks.Started != nil {
			hooks.Started(srv.Addr())
		}
	}

	// hard is cancelled when the shutdown timeout runs out or a part fails.
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHard()
	g, gctx := errgroup.WithContext(hard)
	acts := newActors()
	g.Go(acts.wrap("consume", func() error {
		if err := topics.wait(gctx, ctx, cfg, sec, log); err != nil {
			return err
		}
		return group.Run(gctx)
	}))
	g.Go(acts.wrap("worker", func() error {
		// The worker returns once the group has closed its deliveries and
		// everything fetched is published: then the rest may stop.
		err := wk.Run(gctx, group.Deliveries())
		cancelHard()
		return err
	}))
	if srv != nil {
		g.Go(acts.wrap("http", func() error { return srv.Run(gctx) }))
	}
	g.Go(acts.wrap("stats", func() error { return logStats(gctx, m, cfg.StatsInterval, log) }))
	expired := make(chan struct{})
	g.Go(func() error {
		// Stop order: stop fetching → in-flight items finish and are
		// published → final commits → leave the group → worker flushes and
		// returns → HTTP stops. The timer bounds all of it.
		select {
		case <-ctx.Done():
		case <-gctx.Done():
			return nil
		}
		log.Info().Float64("timeout_s", cfg.ShutdownTimeout.Seconds()).Msg("shutting down")
		group.Stop()
		t := time.NewTimer(cfg.ShutdownTimeout)
		defer t.Stop()
		select {
		case <-t.C:
			cancelHard()
			close(expired)
			return errShutdownTimeout
		case <-gctx.Done():
			return nil
		}
	})
	done := make(chan error, 1)
	go func() { done <- g.Wait() }()
	select {
	case err := <-done:
		return err
	case <-expired:
	}
	// Past the timeout every part has been cancelled. Run still returns only
	// after each has exited (a caller in the same process, the demo or a
	// test, must not find our goroutines running on), and says meanwhile
	// which ones it is waiting for.
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for waited := 0; ; waited++ {
		select {
		case err := <-done:
			if err == nil {
				err = errShutdownTimeout
			}
			return err
		case <-tick.C:
			if waited%5 == 0 {
				log.Error().Strs("still_running", acts.names()).Float64("timeout_s", cfg.ShutdownTimeout.Seconds()).
					Msg("shutdown is past its timeout; waiting for these parts to exit")
			}
		}
	}
}

// errShutdownTimeout is Run's error when a graceful shutdown took longer
// than its timeout: the process exits non-zero.
var errShutdownTimeout = errors.New("shutdown timed out; unacknowledged items will be redelivered")
