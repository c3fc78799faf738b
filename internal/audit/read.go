package audit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"
)

// span is the offset range [first, end) of one partition.
type span struct{ first, end int64 }

// ErrLookup marks a failure to learn a topic's partitions or offsets: the
// audit cannot say what it covers, so it fails instead of auditing another
// range (exit 2, where 1 means "something is missing").
var ErrLookup = errors.New("audit: lookup failed")

// partitions returns each partition's readable range, optionally narrowed
// to messages with timestamps in [since, until).
func (a *Auditor) partitions(ctx context.Context, topic string, since, until time.Time) (map[int]span, error) {
	md, err := a.client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return nil, fmt.Errorf("%w: metadata of topic %s: %w", ErrLookup, topic, err)
	}
	if len(md.Topics) != 1 {
		return nil, fmt.Errorf("%w: metadata of topic %s: the broker answered with %d topics", ErrLookup, topic, len(md.Topics))
	}
	if err := md.Topics[0].Error; err != nil {
		return nil, fmt.Errorf("%w: topic %s: %w", ErrLookup, topic, err)
	}
	if len(md.Topics[0].Partitions) == 0 {
		return nil, fmt.Errorf("%w: topic %s has no partitions in the broker's metadata", ErrLookup, topic)
	}
	req := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for _, p := range md.Topics[0].Partitions {
		req.Topics[topic] = append(req.Topics[topic], kafka.FirstOffsetOf(p.ID), kafka.LastOffsetOf(p.ID))
	}
	res, err := a.client.ListOffsets(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("%w: offsets of topic %s: %w", ErrLookup, topic, err)
	}
	out := map[int]span{}
	for _, po := range res.Topics[topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("%w: offsets of %s/%d: %w", ErrLookup, topic, po.Partition, po.Error)
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
	if len(out) != len(md.Topics[0].Partitions) {
		return nil, fmt.Errorf("%w: offsets of topic %s: %d of %d partitions answered", ErrLookup, topic, len(out), len(md.Topics[0].Partitions))
	}
	for p, s := range out {
		if !since.IsZero() {
			off, err := a.offsetAt(ctx, topic, p, since, s.end)
			if err != nil {
				return nil, err
			}
			s.first = min(max(off, s.first), s.end)
		}
		if !until.IsZero() {
			off, err := a.offsetAt(ctx, topic, p, until, s.end)
			if err != nil {
				return nil, err
			}
			s.end = max(min(off, s.end), s.first)
		}
		out[p] = s
	}
	return out, nil
}

// offsetAt is the first offset of a partition with a timestamp at or after
// t, or end when there is none.
func (a *Auditor) offsetAt(ctx context.Context, topic string, p int, t time.Time, end int64) (int64, error) {
	res, err := a.client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: {kafka.TimeOffsetOf(p, t)}}})
	if err != nil {
		return 0, fmt.Errorf("%w: offset of %s/%d at %s: %w", ErrLookup, topic, p, t.Format(time.RFC3339), err)
	}
	for _, po := range res.Topics[topic] {
		if po.Partition != p {
			continue
		}
		if po.Error != nil {
			return 0, fmt.Errorf("%w: offset of %s/%d at %s: %w", ErrLookup, topic, p, t.Format(time.RFC3339), po.Error)
		}
		// One offset is asked for; take the smallest valid one the reply
		// holds (map order is random), none means no message at or after t.
		found := int64(-1)
		for off := range po.Offsets {
			if off >= 0 && (found < 0 || off < found) {
				found = off
			}
		}
		if found < 0 {
			return end, nil
		}
		return found, nil
	}
	return 0, fmt.Errorf("%w: offset of %s/%d at %s: no answer for the partition", ErrLookup, topic, p, t.Format(time.RFC3339))
}
