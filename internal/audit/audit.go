// Package audit provides `newsworker audit`: a completeness check of the
// input topic against the output and dead-letter topics. For every input
// offset in range it finds the record (by its origin) or the dead letter
// (by its origin headers), and counts what is missing, duplicated and
// orphaned. It only reads; it must never write to any topic or commit.
package audit

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
)

// Options says what to audit.
type Options struct {
	Brokers      []string
	Dialer       *kafka.Dialer
	Transport    *kafka.Transport
	Input        string
	Output       string
	DLQ          string
	Since, Until time.Time // input message timestamps; zero: unbounded
	// Partitions, when not empty, limits the audit to these input
	// partitions.
	Partitions []int
	// FromOffset and ToOffset bound the input offsets audited in every
	// partition: [FromOffset, ToOffset); negative means unbounded.
	FromOffset, ToOffset int64
	// Wait keeps reading the outputs, as they grow, until every input in
	// range is accounted for or Wait has passed; zero reads the outputs up
	// to their end offsets at the start.
	Wait time.Duration
	// Progress, when set, learns the number of inputs in range and is told
	// of each one accounted for.
	Progress Progress
	// FetchWait is how long one fetch may take before the audit asks
	// whether the broker is slow or the partition ends in a gap; zero means
	// 30 s.
	FetchWait time.Duration
}

// Progress is a progress meter (internal/progress.Meter).
type Progress interface {
	SetTotal(n int64)
	Add(n int64)
}

// Origin names one input message.
type Origin struct {
	Partition int   `json:"partition"`
	Offset    int64 `json:"offset"`
}

// Report is the audit's result.
type Report struct {
	Input        string           `json:"input"`
	Ranges       map[int][2]int64 `json:"ranges"` // partition → [first, end)
	Inputs       int64            `json:"inputs"`
	WithRecord   int64            `json:"with_record"`
	WithDLQ      int64            `json:"with_dead_letter"`
	Missing      int64            `json:"missing"`
	MissingList  []Origin         `json:"missing_offsets,omitempty"` // first 1,000
	Duplicates   int64            `json:"duplicates"`                // outcomes beyond the first for an input
	DuplicateIDs int64            `json:"duplicate_ids"`             // record ids seen more than once
	Orphans      int64            `json:"orphans"`                   // outputs whose origin is not an input in range
	Unreadable   int64            `json:"unreadable"`                // outputs that are not records / dead letters without origin
	WaitedSec    float64          `json:"waited_seconds,omitempty"`  // how long the outputs were read (with Wait)
}

// Auditor runs audits.
type Auditor struct {
	brokers   []string
	dialer    *kafka.Dialer
	client    *kafka.Client
	transport *kafka.Transport
	fetchWait time.Duration
}

// New returns an Auditor.
func New(o Options) *Auditor {
	fw := o.FetchWait
	if fw <= 0 {
		fw = 30 * time.Second
	}
	tr := o.Transport
	if tr == nil {
		tr = &kafka.Transport{} // not kafka.DefaultTransport: Close closes it
	}
	return &Auditor{brokers: o.Brokers, dialer: o.Dialer, fetchWait: fw, transport: tr,
		client: &kafka.Client{Addr: kafka.TCP(o.Brokers...), Transport: tr, Timeout: 30 * time.Second}}
}

// Close closes the connections the auditor keeps for its lookups.
func (a *Auditor) Close() { a.transport.CloseIdleConnections() }

// Ranges returns the input offsets [first, end) of every partition in
// range: what Run audits and what `newsworker replay` re-processes.
func (a *Auditor) Ranges(ctx context.Context, o Options) (map[int][2]int64, error) {
	in, err := a.inputSpans(ctx, o)
	if err != nil {
		return nil, err
	}
	out := make(map[int][2]int64, len(in))
	for p, s := range in {
		out[p] = [2]int64{s.first, s.end}
	}
	return out, nil
}

// inputSpans narrows each input partition's readable range by the
// options' partitions, times and offsets.
func (a *Auditor) inputSpans(ctx context.Context, o Options) (map[int]span, error) {
	in, err := a.partitions(ctx, o.Input, o.Since, o.Until)
	if err != nil {
		return nil, err
	}
	for _, p := range o.Partitions {
		if _, ok := in[p]; !ok {
			return nil, fmt.Errorf("%w: topic %s has no partition %d", ErrLookup, o.Input, p)
		}
	}
	for p, s := range in {
		if len(o.Partitions) > 0 && !slices.Contains(o.Partitions, p) {
			delete(in, p)
			continue
		}
		if o.FromOffset >= 0 && o.FromOffset > s.first {
			s.first = min(o.FromOffset, s.end)
		}
		if o.ToOffset >= 0 && o.ToOffset < s.end {
			s.end = max(o.ToOffset, s.first)
		}
		in[p] = s
	}
	return in, nil
}

// Run audits. Without Wait the outputs are read up to their end offsets at
// the time the audit starts; with Wait they are read as they grow, until
// every input in range has an outcome or the wait is over.
func (a *Auditor) Run(ctx context.Context, o Options) (Report, error) {
	rep := Report{Input: o.Input, Ranges: map[int][2]int64{}}
	in, err := a.inputSpans(ctx, o)
	if err != nil {
		return rep, err
	}
	for p, s := range in {
		rep.Ranges[p] = [2]int64{s.first, s.end}
		rep.Inputs += s.end - s.first
	}
	t := newTally(o.Input, in)
	if o.Progress != nil {
		o.Progress.SetTotal(rep.Inputs)
		t.progress = o.Progress
	}
	type job struct {
		topic string
		p     int
		s     span
		fn    func(kafka.Message)
	}
	var jobs []job
	for _, out := range []struct {
		topic string
		fn    func(kafka.Message)
	}{{o.Output, t.record}, {o.DLQ, t.deadLetter}} {
		if out.topic == "" {
			continue
		}
		spans, err := a.partitions(ctx, out.topic, time.Time{}, time.Time{})
		if err != nil {
			return rep, err
		}
		for p, s := range spans {
			jobs = append(jobs, job{out.topic, p, s, out.fn})
		}
	}
	tail := o.Wait > 0
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if tail {
		rctx, cancel = context.WithTimeout(rctx, o.Wait)
		defer cancel()
	}
	var notReached atomic.Int64
	notReached.Store(int64(len(jobs)))
	var wg sync.WaitGroup
	errs := make(chan error, len(jobs))
	start := time.Now()
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.readPartition(rctx, j.topic, j.p, j.s, tail, func() { notReached.Add(-1) }, j.fn); err != nil {
				errs <- err
				cancel()
			}
		}()
	}
	if tail {
		// Done when every input has an outcome and every output partition
		// has been read to where it ended at the start (so duplicates
		// already written are counted too).
		tick := time.NewTicker(100 * time.Millisecond)
		for rctx.Err() == nil && (t.left() > 0 || notReached.Load() > 0) {
			select {
			case <-tick.C:
			case <-rctx.Done():
			}
		}
		tick.Stop()
		cancel()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	if tail {
		rep.WaitedSec = time.Since(start).Seconds()
	}
	t.report(&rep)
	return rep, nil
}
