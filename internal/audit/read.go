package audit

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

// span is the offset range [first, end) of one partition.
type span struct{ first, end int64 }

// partitions returns each partition's readable range, optionally narrowed
// to messages with timestamps in [since, until).
func (a *Auditor) partitions(ctx context.Context, topic string, since, until time.Time) (map[int]span, error) {
	md, err := a.client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return nil, fmt.Errorf("metadata %s: %w", topic, err)
	}
	if len(md.Topics) != 1 || md.Topics[0].Error != nil {
		return nil, fmt.Errorf("topic %s: %v", topic, md.Topics[0].Error)
	}
	req := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for _, p := range md.Topics[0].Partitions {
		req.Topics[topic] = append(req.Topics[topic], kafka.FirstOffsetOf(p.ID), kafka.LastOffsetOf(p.ID))
	}
	res, err := a.client.ListOffsets(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("list offsets %s: %w", topic, err)
	}
	out := map[int]span{}
	for _, po := range res.Topics[topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("offsets %s/%d: %w", topic, po.Partition, po.Error)
		}
		s := out[po.Partition]
		if po.FirstOffset >= 0 {
			s.first = po.FirstOffset
		}
		if po.LastOffset >= 0 {
			s.end = po.LastOffset
		}
		out[po.Partition] = s
	}
	for p, s := range out {
		if !since.IsZero() {
			if off, err := a.offsetAt(ctx, topic, p, since); err == nil && off > s.first {
				s.first = min(off, s.end)
			}
		}
		if !until.IsZero() {
			if off, err := a.offsetAt(ctx, topic, p, until); err == nil && off < s.end {
				s.end = max(off, s.first)
			}
		}
		out[p] = s
	}
	return out, nil
}

// offsetAt is the first offset with a timestamp at or after t (end if none).
func (a *Auditor) offsetAt(ctx context.Context, topic string, p int, t time.Time) (int64, error) {
	res, err := a.client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: {kafka.TimeOffsetOf(p, t)}}})
	if err != nil {
		return 0, err
	}
	for _, po := range res.Topics[topic] {
		if po.Error != nil {
			return 0, po.Error
		}
		for off := range po.Offsets {
			if off < 0 {
				break // no message at or after t
			}
			return off, nil
		}
		return po.LastOffset, nil
	}
	return 0, fmt.Errorf("no offset for %s/%d at %s", topic, p, t)
}

// readRange calls fn for every message of topic in the given ranges, in
// parallel across partitions (fn must be safe for concurrent use).
func (a *Auditor) readRange(ctx context.Context, topic string, spans map[int]span, fn func(kafka.Message)) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(spans))
	for p, s := range spans {
		if s.end <= s.first {
			continue
		}
		wg.Add(1)
		go func(p int, s span) {
			defer wg.Done()
			r := kafka.NewReader(kafka.ReaderConfig{Brokers: a.brokers, Topic: topic, Partition: p, Dialer: a.dialer,
				MinBytes: 1, MaxBytes: 16 << 20, MaxWait: 250 * time.Millisecond})
			defer r.Close()
			if err := r.SetOffset(s.first); err != nil {
				errs <- err
				return
			}
			for {
				// A partition can end in a gap (compaction, transaction
				// markers): a quiet spell after reading up to it ends the read.
				fctx, cancel := context.WithTimeout(ctx, 10*time.Second)
				m, err := r.FetchMessage(fctx)
				cancel()
				if err != nil {
					if ctx.Err() == nil && fctx.Err() != nil {
						return
					}
					errs <- fmt.Errorf("read %s/%d: %w", topic, p, err)
					return
				}
				if m.Offset >= s.end {
					return
				}
				fn(m)
				if m.Offset == s.end-1 {
					return
				}
			}
		}(p, s)
	}
	wg.Wait()
	close(errs)
	return <-errs
}
