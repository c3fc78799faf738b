package service

import (
	"context"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/metrics"
)

// logStats writes one throughput line every interval until ctx ends: what
// an operator tails to see the worker move (items, rate, dead letters, lag).
func logStats(ctx context.Context, m *metrics.Metrics, interval time.Duration, log zerolog.Logger) error {
	if interval <= 0 {
		<-ctx.Done()
		return nil
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	last, lastAt := m.Totals(), time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case now := <-t.C:
			cur := m.Totals()
			secs := now.Sub(lastAt).Seconds()
			log.Info().Float64("consumed", cur.Consumed).Float64("produced", cur.Produced).
				Float64("dead_lettered", cur.DeadLettered).Float64("write_errors", cur.WriteErrors).Float64("lag", cur.Lag).
				Float64("items_per_s", (cur.Consumed-last.Consumed)/secs).Float64("interval_s", secs).Msg("throughput")
			last, lastAt = cur, now
		}
	}
}

// logSummary is the last line of a run: totals since start.
func logSummary(m *metrics.Metrics, started time.Time, err error, log zerolog.Logger) {
	t := m.Totals()
	ev := log.Info()
	if err != nil {
		ev = log.Error().Err(err)
	}
	ev.Float64("consumed", t.Consumed).Float64("produced", t.Produced).Float64("dead_lettered", t.DeadLettered).
		Float64("write_errors", t.WriteErrors).Float64("ran_s", time.Since(started).Seconds()).Msg("stopped")
}
