package consume

import (
	"context"
	"strconv"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
)

// partition fetches one assigned partition until the generation ends, Stop
// is called or ctx ends; then it waits for the partition's in-flight
// deliveries (bounded by DrainTimeout, skipped when ctx ended) and commits
// what was acknowledged, through this generation.
func (g *Group) partition(ctx, gctx context.Context, gen *kafka.Generation, a kafka.PartitionAssignment, tr *tracker) {
	log := g.log.With().Int("partition", a.ID).Int32("generation", gen.ID).Logger()
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:         g.cfg.Brokers,
		Topic:           g.cfg.Topic,
		Partition:       a.ID,
		Dialer:          g.cfg.Dialer,
		MinBytes:        1,
		MaxBytes:        10 << 20,
		MaxWait:         250 * time.Millisecond,
		QueueCapacity:   64, // prefetch outside the in-flight cap: keep it small
		ReadLagInterval: -1,
		ErrorLogger:     kafkaErrorLog(log),
	})
	defer r.Close()
	if a.Offset < 0 {
		// No committed offset: resolve "earliest"/"latest" now and commit it,
		// so a crash before the first acknowledgement does not make the next
		// owner resolve "latest" again and skip what arrived meanwhile
		// (kafka-go #904/#711).
		off, ok := g.startOffset(ctx, gctx, a.ID, a.Offset, log)
		if !ok {
			return // the generation, Stop or ctx ended while retrying
		}
		if err := gen.CommitOffsets(map[string]map[int]int64{g.cfg.Topic: {a.ID: off}}); err != nil {
			log.Warn().Err(err).Int64("offset", off).Msg("cannot commit the start offset")
		}
		tr.committedUpTo(off)
		a.Offset = off
	}
	if err := r.SetOffset(a.Offset); err != nil {
		// SetOffset fails only on a closed or group-managed Reader, never
		// for a transient reason: this one is ours and open. Returning would
		// end the generation for every member, so wait for it to end instead.
		log.Error().Err(err).Int64("offset", a.Offset).Msg("cannot seek partition; idle until the generation ends")
		select {
		case <-gctx.Done():
		case <-g.stop:
		case <-ctx.Done():
		}
		return
	}
	fctx, cancel := context.WithCancel(gctx)
	defer cancel()
	go func() {
		select {
		case <-g.stop:
		case <-ctx.Done():
		case <-fctx.Done():
		}
		cancel()
	}()
	label := strconv.Itoa(a.ID)
	g.fetchLoop(fctx, r, tr, label)
	if ctx.Err() == nil {
		select {
		case <-tr.waitIdle():
		case <-time.After(g.cfg.DrainTimeout):
			log.Warn().Int("in_flight", tr.pending()).Msg("drain timed out; unacknowledged items will be redelivered")
		case <-ctx.Done():
		}
	}
	g.commit(gen, a.ID, tr)
	g.m.Lag.DeleteLabelValues(label) // another member may own it next
	log.Info().Msg("partition released")
}

func (g *Group) fetchLoop(fctx context.Context, r *kafka.Reader, tr *tracker, label string) {
	for {
		msg, err := r.FetchMessage(fctx)
		if err != nil {
			if fctx.Err() != nil {
				return
			}
			g.log.Warn().Err(err).Str("partition", label).Msg("fetch failed; retrying")
			select {
			case <-time.After(time.Second):
			case <-fctx.Done():
				return
			}
			continue
		}
		select {
		case g.slots <- struct{}{}:
		case <-fctx.Done():
			return // not handed over: not acked, not committed, fetched again later
		}
		if !tr.add(msg.Offset) {
			<-g.slots
			g.log.Warn().Int64("offset", msg.Offset).Str("partition", label).Msg("offset went backwards; skipping redelivered message within generation")
			continue
		}
		g.m.Consumed.Inc()
		g.m.InFlight.Inc()
		if msg.HighWaterMark > 0 {
			g.m.Lag.WithLabelValues(label).Set(float64(msg.HighWaterMark - msg.Offset - 1))
		}
		off := msg.Offset
		d := &Delivery{Msg: msg, Fetched: time.Now(), ack: func() {
			tr.ack(off)
			<-g.slots
			g.m.InFlight.Dec()
		}}
		select {
		case g.out <- d:
		case <-fctx.Done():
			tr.drop(off)
			<-g.slots
			g.m.InFlight.Dec()
			return
		}
	}
}

// startOffset resolves which (kafka.FirstOffset or LastOffset) for a
// partition, retrying with backoff: a partition function that returns ends
// the generation (kafka-go runs them under the generation), so one transient
// dial error must not make the whole group rebalance. It gives up only when
// the generation, Stop or ctx ends.
func (g *Group) startOffset(ctx, gctx context.Context, partition int, which int64, log zerolog.Logger) (int64, bool) {
	backoff := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		off, err := g.resolveOffset(gctx, partition, which)
		if err == nil {
			return off, true
		}
		log.Warn().Err(err).Int("attempt", attempt).Float64("retry_in_s", backoff.Seconds()).Msg("cannot resolve the start offset; retrying")
		select {
		case <-time.After(backoff):
		case <-gctx.Done():
			return 0, false
		case <-g.stop:
			return 0, false
		case <-ctx.Done():
			return 0, false
		}
		backoff = min(2*backoff, 10*time.Second)
	}
}

// resolve turns kafka.FirstOffset or kafka.LastOffset into a real offset.
func (g *Group) resolve(ctx context.Context, partition int, which int64) (int64, error) {
	var lastErr error
	for _, b := range g.cfg.Brokers {
		conn, err := g.cfg.Dialer.DialLeader(ctx, "tcp", b, g.cfg.Topic, partition)
		if err != nil {
			lastErr = err
			continue
		}
		defer conn.Close()
		if which == kafka.LastOffset {
			return conn.ReadLastOffset()
		}
		return conn.ReadFirstOffset()
	}
	return 0, lastErr
}
