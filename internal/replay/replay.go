// Package replay provides `newsworker replay`: it re-processes a range of
// the input topic (by partition, offsets or time) into an output topic of
// the user's choice with the worker's own pipeline, encoding and publishing
// (so records keep their ids and consumers can upsert), and then audits the
// range. It never commits a consumer group's offsets.
package replay

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/consume"
	"github.com/newsworker/newsworker/internal/metrics"
	"github.com/newsworker/newsworker/internal/worker"
)

// Writer is the output side: kafkaio.Writer.
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Counter is a progress meter.
type Counter interface {
	SetTotal(n int64)
	Add(n int64)
}

// Config says what to replay and where to.
type Config struct {
	// Range names the input topic, the partitions, offsets or times to
	// replay, and the output and dead-letter topics to write to; the audit
	// at the end checks the same range.
	Range       audit.Options
	Worker      worker.Config // its OutputTopic and DLQTopic are taken from Range
	MaxInFlight int           // items read but not yet acknowledged
	SkipAudit   bool
}

// Result is what a replay did.
type Result struct {
	Ranges  map[int][2]int64 `json:"ranges"`
	Items   int64            `json:"items"`
	Seconds float64          `json:"seconds"`
	Audit   *audit.Report    `json:"audit,omitempty"`
}

// Run replays the range and returns once every item's record or dead letter
// is acknowledged by the broker (and audited, unless SkipAudit).
func Run(ctx context.Context, c Config, proc worker.Processor, w Writer, log zerolog.Logger, meter Counter) (Result, error) {
	start := time.Now()
	a := audit.New(c.Range)
	defer a.Close()
	ranges, err := a.Ranges(ctx, c.Range)
	if err != nil {
		return Result{}, err
	}
	res := Result{Ranges: ranges}
	for _, r := range ranges {
		res.Items += r[1] - r[0]
	}
	meter.SetTotal(res.Items)
	wc := c.Worker
	wc.OutputTopic, wc.DLQTopic = c.Range.Output, c.Range.DLQ
	wk := worker.New(wc, proc, w, log, metrics.New())

	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	in := make(chan *consume.Delivery)
	slots := make(chan struct{}, max(c.MaxInFlight, 1))
	var readers sync.WaitGroup
	for _, p := range partitions(ranges) {
		readers.Add(1)
		go func() {
			defer readers.Done()
			err := a.Read(rctx, c.Range.Input, p, ranges[p][0], ranges[p][1], func(m kafka.Message) {
				select {
				case slots <- struct{}{}:
				case <-rctx.Done():
					return
				}
				d := consume.NewDelivery(m, func() { <-slots; meter.Add(1) })
				select {
				case in <- d:
				case <-rctx.Done():
				}
			})
			if err != nil {
				cancel(fmt.Errorf("read %s/%d: %w", c.Range.Input, p, err))
			}
		}()
	}
	go func() { readers.Wait(); close(in) }()
	werr := wk.Run(rctx, in) // returns once in is closed and everything is published
	if werr != nil {
		cancel(werr) // readers blocked on a full pipeline give up
	}
	readers.Wait()
	if werr != nil {
		return res, werr
	}
	if rctx.Err() != nil {
		return res, context.Cause(rctx)
	}
	res.Seconds = time.Since(start).Seconds()
	if c.SkipAudit {
		return res, nil
	}
	o := c.Range
	o.Progress, o.Wait = nil, time.Minute // outputs are acknowledged; the wait covers a lagging replica
	rep, err := a.Run(ctx, o)
	if err != nil {
		return res, fmt.Errorf("audit of the replayed range: %w", err)
	}
	res.Audit = &rep
	return res, nil
}

func partitions(r map[int][2]int64) []int {
	out := make([]int, 0, len(r))
	for p := range r {
		out = append(out, p)
	}
	sort.Ints(out)
	return out
}
