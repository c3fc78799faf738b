// Package audit provides `newsworker audit`: a completeness check of the
// input topic against the output and dead-letter topics. For every input
// offset in range it finds the record (by its origin) or the dead letter
// (by its origin headers), and counts what is missing, duplicated and
// orphaned. It only reads; it must never write to any topic or commit.
package audit

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"sync"
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
	// FromOffset and ToOffset bound the input offsets audited in every
	// partition: [FromOffset, ToOffset); negative means unbounded.
	FromOffset, ToOffset int64
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
}

// Auditor runs audits.
type Auditor struct {
	brokers []string
	dialer  *kafka.Dialer
	client  *kafka.Client
}

// New returns an Auditor.
func New(o Options) *Auditor {
	return &Auditor{brokers: o.Brokers, dialer: o.Dialer,
		client: &kafka.Client{Addr: kafka.TCP(o.Brokers...), Transport: o.Transport, Timeout: 30 * time.Second}}
}

// Run audits. Outputs are read up to their end offsets at the time the audit
// starts, so run it after the worker has caught up with the range.
func (a *Auditor) Run(ctx context.Context, o Options) (Report, error) {
	rep := Report{Input: o.Input, Ranges: map[int][2]int64{}}
	in, err := a.partitions(ctx, o.Input, o.Since, o.Until)
	if err != nil {
		return rep, err
	}
	for p, s := range in {
		if o.FromOffset >= 0 && o.FromOffset > s.first {
			s.first = min(o.FromOffset, s.end)
		}
		if o.ToOffset >= 0 && o.ToOffset < s.end {
			s.end = max(o.ToOffset, s.first)
		}
		in[p] = s
		rep.Ranges[p] = [2]int64{s.first, s.end}
		rep.Inputs += s.end - s.first
	}
	var mu sync.Mutex
	counts := map[Origin]int{}
	hasRecord := map[Origin]bool{}
	ids := map[string]int{}
	note := func(p int, off int64, record bool, topic string) {
		s, ok := in[p]
		k := Origin{p, off}
		mu.Lock()
		defer mu.Unlock()
		if topic != o.Input || !ok {
			rep.Orphans++
			return
		}
		if off < s.first || off >= s.end {
			if off >= s.end || off < 0 {
				rep.Orphans++ // points past the input: should not exist
			}
			return // before the range: out of scope
		}
		counts[k]++
		if record {
			hasRecord[k] = true
		}
	}
	for _, t := range []struct {
		topic string
		dlq   bool
	}{{o.Output, false}, {o.DLQ, true}} {
		if t.topic == "" {
			continue
		}
		spans, err := a.partitions(ctx, t.topic, time.Time{}, time.Time{})
		if err != nil {
			return rep, err
		}
		err = a.readRange(ctx, t.topic, spans, func(m kafka.Message) {
			if t.dlq {
				p, e1 := strconv.Atoi(header(m, "dlq-origin-partition"))
				off, e2 := strconv.ParseInt(header(m, "dlq-origin-offset"), 10, 64)
				if e1 != nil || e2 != nil {
					mu.Lock()
					rep.Unreadable++
					mu.Unlock()
					return
				}
				note(p, off, false, header(m, "dlq-origin-topic"))
				return
			}
			var r struct {
				ID     string `json:"id"`
				Origin *struct {
					Topic     string `json:"topic"`
					Partition int    `json:"partition"`
					Offset    int64  `json:"offset"`
				} `json:"origin"`
			}
			if json.Unmarshal(m.Value, &r) != nil || r.Origin == nil {
				mu.Lock()
				rep.Unreadable++
				mu.Unlock()
				return
			}
			mu.Lock()
			ids[r.ID]++
			mu.Unlock()
			note(r.Origin.Partition, r.Origin.Offset, true, r.Origin.Topic)
		})
		if err != nil {
			return rep, err
		}
	}
	for _, n := range ids {
		if n > 1 {
			rep.DuplicateIDs += int64(n - 1)
		}
	}
	parts := make([]int, 0, len(in))
	for p := range in {
		parts = append(parts, p)
	}
	sort.Ints(parts)
	for _, p := range parts {
		for off := in[p].first; off < in[p].end; off++ {
			k := Origin{p, off}
			switch n := counts[k]; {
			case n == 0:
				rep.Missing++
				if len(rep.MissingList) < 1000 {
					rep.MissingList = append(rep.MissingList, k)
				}
			default:
				rep.Duplicates += int64(n - 1)
				if hasRecord[k] {
					rep.WithRecord++
				} else {
					rep.WithDLQ++
				}
			}
		}
	}
	return rep, nil
}

func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
