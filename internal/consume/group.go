// Package consume provides the input side of the worker: it joins the
// consumer group, reads each assigned partition, hands every message to the
// worker as a Delivery, and commits, per partition and within the generation
// that owns the partition, the highest offset below which every delivery has
// been acknowledged. It must never commit an offset whose message (or an
// earlier one) has not been acknowledged, and never commit through a
// generation that no longer owns the partition (kafka-go #1308: a Reader
// commits through whatever generation is current; a Generation's own commits
// carry its id and are refused by the broker once it has ended).
package consume

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/metrics"
)

// Delivery is one fetched message. The worker must call Ack exactly once,
// after the message's output or dead letter is acknowledged by the broker.
// A delivery that is never acked is never committed and will be redelivered.
type Delivery struct {
	Msg     kafka.Message
	Fetched time.Time
	ack     func()
	once    sync.Once
}

// Ack marks the delivery done. Safe to call more than once.
func (d *Delivery) Ack() { d.once.Do(d.ack) }

// Config is what the group needs.
type Config struct {
	Brokers        []string
	Topic          string
	GroupID        string
	StartOffset    int64 // kafka.FirstOffset or kafka.LastOffset
	MaxInFlight    int
	CommitInterval time.Duration
	DrainTimeout   time.Duration // how long a revoked partition waits for in-flight work
	SessionTimeout time.Duration
	Dialer         *kafka.Dialer
}

// Group consumes one topic as a member of a consumer group.
type Group struct {
	cfg     Config
	log     zerolog.Logger
	m       *metrics.Metrics
	out     chan *Delivery
	slots   chan struct{}
	stop    chan struct{}
	stopped sync.Once
	mu      sync.Mutex
	joined  bool
	// resolveOffset turns FirstOffset/LastOffset into an offset; g.resolve,
	// replaced in tests to inject faults.
	resolveOffset func(ctx context.Context, partition int, which int64) (int64, error)
}

// New returns a Group; Run starts it.
func New(cfg Config, log zerolog.Logger, m *metrics.Metrics) *Group {
	g := &Group{
		cfg:   cfg,
		log:   log.With().Str("component", "consume").Logger(),
		m:     m,
		out:   make(chan *Delivery),
		slots: make(chan struct{}, cfg.MaxInFlight),
		stop:  make(chan struct{}),
	}
	g.resolveOffset = g.resolve
	return g
}

// Deliveries is the stream of fetched messages. It is closed when Run returns.
func (g *Group) Deliveries() <-chan *Delivery { return g.out }

// Joined reports whether the group currently holds a generation.
func (g *Group) Joined() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.joined
}

func (g *Group) setJoined(v bool) {
	g.mu.Lock()
	g.joined = v
	g.mu.Unlock()
}

// Stop asks Run to stop fetching, wait for in-flight deliveries (bounded by
// DrainTimeout), commit, leave the group and return.
func (g *Group) Stop() { g.stopped.Do(func() { close(g.stop) }) }

// Run consumes until Stop is called or ctx ends. Cancelling ctx abandons
// in-flight work without committing it (it will be redelivered); Stop is the
// graceful path.
func (g *Group) Run(ctx context.Context) error {
	defer close(g.out)
	cg, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		ID:                g.cfg.GroupID,
		Brokers:           g.cfg.Brokers,
		Dialer:            g.cfg.Dialer,
		Topics:            []string{g.cfg.Topic},
		StartOffset:       g.cfg.StartOffset,
		SessionTimeout:    g.cfg.SessionTimeout,
		HeartbeatInterval: 3 * time.Second,
		RebalanceTimeout:  g.cfg.DrainTimeout + 10*time.Second,
		JoinGroupBackoff:  2 * time.Second,
		Timeout:           10 * time.Second,
		Logger:            kafka.LoggerFunc(func(f string, a ...any) { g.log.Debug().Msgf(f, a...) }),
		ErrorLogger:       kafkaErrorLog(g.log),
	})
	if err != nil {
		return fmt.Errorf("consume: join group %s: %w", g.cfg.GroupID, err)
	}
	defer cg.Close() // leaves the group
	nctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-g.stop:
		case <-ctx.Done():
		}
		cancel()
		// Close here, not after the generation: when a generation ends,
		// kafka-go's ConsumerGroup.run rejoins at once (consumergroup.go
		// nextGeneration returns nil → run loops), which rebalances the whole
		// group and makes this Stop wait for every other member's drain; and
		// a member with no partition never sees its generation end at all.
		// Close ends the generation (gen.close waits for our partition
		// functions to drain and commit) and then leaves the group.
		_ = cg.Close()
	}()
	for {
		gen, err := cg.Next(nctx)
		switch {
		case err == nil:
		case nctx.Err() != nil || errors.Is(err, kafka.ErrGroupClosed):
			return nil
		default:
			g.log.Warn().Err(err).Msg("joining the group failed; retrying")
			continue
		}
		g.m.Rebalances.Inc()
		g.runGeneration(ctx, gen)
		select {
		case <-g.stop:
			return nil
		default:
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// runGeneration starts one fetch loop per assigned partition and one commit
// loop, and returns when the generation has ended and all of them returned.
func (g *Group) runGeneration(ctx context.Context, gen *kafka.Generation) {
	assigned := gen.Assignments[g.cfg.Topic]
	g.log.Info().Int32("generation", gen.ID).Int("partitions", len(assigned)).Msg("joined group generation")
	g.setJoined(true)
	defer g.setJoined(false)
	trackers := make(map[int]*tracker, len(assigned))
	for _, a := range assigned {
		trackers[a.ID] = newTracker()
	}
	var wg sync.WaitGroup
	for _, a := range assigned {
		wg.Add(1)
		a, tr := a, trackers[a.ID]
		gen.Start(func(gctx context.Context) {
			defer wg.Done()
			g.partition(ctx, gctx, gen, a, tr)
		})
	}
	wg.Add(1)
	gen.Start(func(gctx context.Context) {
		defer wg.Done()
		g.commitLoop(gctx, gen, trackers)
	})
	wg.Wait()
}

// commitLoop commits acknowledged offsets every CommitInterval until the
// generation ends. It must not return earlier: any Start function returning
// ends the generation.
func (g *Group) commitLoop(gctx context.Context, gen *kafka.Generation, trackers map[int]*tracker) {
	t := time.NewTicker(g.cfg.CommitInterval)
	defer t.Stop()
	for {
		select {
		case <-gctx.Done():
			return
		case <-g.stop:
			<-gctx.Done()
			return
		case <-t.C:
			for p, tr := range trackers {
				g.commit(gen, p, tr)
			}
		}
	}
}

// commit commits tr's acknowledged offset through gen, if it moved.
func (g *Group) commit(gen *kafka.Generation, partition int, tr *tracker) {
	tr.commitMu.Lock()
	defer tr.commitMu.Unlock()
	off, ok := tr.toCommit()
	if !ok {
		return
	}
	err := gen.CommitOffsets(map[string]map[int]int64{g.cfg.Topic: {partition: off}})
	if err != nil {
		g.m.CommitErrors.Inc()
		g.log.Warn().Err(err).Int("partition", partition).Int64("offset", off).Msg("commit failed; will retry")
		return
	}
	tr.committedUpTo(off)
	g.m.Commits.Inc()
}

// NewDelivery makes a Delivery whose Ack calls ack; for other sources of
// messages and for tests.
func NewDelivery(msg kafka.Message, ack func()) *Delivery {
	return &Delivery{Msg: msg, Fetched: time.Now(), ack: ack}
}
