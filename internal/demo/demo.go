// Package demo provides `newsworker demo`: an embedded Kafka-protocol broker
// in-process (franz-go's kfake), a handful of sample items written by us,
// the real worker (internal/service, the same code as `newsworker run`)
// against it, and the tagged events printed readably. It must never need
// anything installed but Go, and it must exit by itself.
package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/service"
	"github.com/newsworker/newsworker/pkg/event"
)

const (
	inTopic  = "news.raw"
	outTopic = "news.events"
	dlqTopic = "news.deadletter"
)

// Run runs the demo and prints to out. log receives the worker's own logs.
func Run(ctx context.Context, out io.Writer, log zerolog.Logger, proc *pipeline.Processor, showJSON bool) error {
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(2, inTopic), kfake.SeedTopics(1, outTopic, dlqTopic))
	if err != nil {
		return fmt.Errorf("demo: start embedded broker: %w", err)
	}
	defer cluster.Close()
	brokers := cluster.ListenAddrs()
	fmt.Fprintf(out, "embedded Kafka-protocol broker (kfake) on %s\n", strings.Join(brokers, ","))

	// Its own transport, closed below: kafka.DefaultTransport would keep its
	// connection pools (and their goroutines) for the life of the process.
	tr := &kafka.Transport{}
	defer tr.CloseIdleConnections()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: inTopic, Balancer: &kafka.RoundRobin{},
		RequiredAcks: kafka.RequireAll, BatchTimeout: 5 * time.Millisecond, Transport: tr}
	msgs := make([]kafka.Message, len(samples))
	for i, s := range samples {
		msgs[i] = kafka.Message{Key: fmt.Appendf(nil, "sample-%d", i+1), Value: []byte(s.value)}
		if s.contentType != "" {
			msgs[i].Headers = []kafka.Header{{Key: "content-type", Value: []byte(s.contentType)}}
		}
	}
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("demo: publish samples: %w", err)
	}
	_ = w.Close()
	fmt.Fprintf(out, "published %d sample items to %s\n\n", len(samples), inTopic)

	var cfg config.Config
	cfg, err = demoConfig(brokers)
	if err != nil {
		return err
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- service.Run(wctx, cfg, proc, log, service.Hooks{}) }()

	got, err := collect(ctx, brokers, len(samples), done)
	stop() // graceful: drain, commit, leave the group
	if err == nil {
		err = <-done
	}
	print(out, got, showJSON)
	if err != nil {
		return err
	}
	return nil
}

func demoConfig(brokers []string) (config.Config, error) {
	var c config.Config
	c.Brokers, c.InputTopic, c.OutputTopic, c.DLQTopic, c.GroupID = brokers, inTopic, outTopic, dlqTopic, "newsworker-demo"
	c.StartOffset, c.HTTPAddr, c.LogLevel, c.LogFormat = "earliest", "127.0.0.1:0", "warn", "console"
	c.MaxInFlight, c.MaxItemBytes, c.ItemTimeout, c.CommitInterval = 100, 1<<20, 5*time.Second, 200*time.Millisecond
	c.BatchSize, c.BatchTimeout, c.Compression, c.WriteRetries = 100, 5*time.Millisecond, "none", 3
	c.MaxBatchBytes, c.ClientID = 1000000, "newsworker-demo"
	c.RetryBackoffMax, c.ShutdownTimeout, c.SessionTimeout, c.TopicWait = time.Second, 10*time.Second, 10*time.Second, 10*time.Second
	c.LanguageHint = "en"
	return c, c.Validate()
}

type outcome struct {
	rec    *event.Record
	reason string
	errMsg string
	origin string
}

// collect reads the output and dead-letter topics until n outcomes arrived.
func collect(ctx context.Context, brokers []string, n int, workerDone <-chan error) ([]outcome, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	found := make(chan outcome)
	for _, t := range []string{outTopic, dlqTopic} {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: t, Partition: 0, MaxWait: 100 * time.Millisecond})
		defer r.Close()
		go func(r *kafka.Reader, dlq bool) {
			for {
				m, err := r.ReadMessage(ctx)
				if err != nil {
					return
				}
				o := outcome{}
				if dlq {
					for _, h := range m.Headers {
						switch h.Key {
						case event.HeaderDLQReason:
							o.reason = string(h.Value)
						case event.HeaderDLQError:
							o.errMsg = string(h.Value)
						case event.HeaderDLQOffset:
							o.origin = string(h.Value)
						}
					}
				} else {
					var rec event.Record
					if json.Unmarshal(m.Value, &rec) == nil {
						o.rec = &rec
					}
				}
				select {
				case found <- o:
				case <-ctx.Done():
					return
				}
			}
		}(r, t == dlqTopic)
	}
	var got []outcome
	for len(got) < n {
		select {
		case o := <-found:
			got = append(got, o)
		case err := <-workerDone:
			return got, fmt.Errorf("demo: worker stopped early: %v", err)
		case <-ctx.Done():
			return got, errors.New("demo: timed out waiting for the worker's output")
		}
	}
	return got, nil
}
