package worker

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// recordHeaders returns the headers every record carries: schema version
// and content type. A Worker makes them once and every output message gets
// a copy of the slice; the values are shared, since kafka-go only reads
// them.
func recordHeaders() []kafka.Header {
	return []kafka.Header{
		{Key: event.HeaderSchemaVersion, Value: []byte(strconv.Itoa(event.SchemaVersion))},
		{Key: event.HeaderContentType, Value: []byte(event.ContentType)},
	}
}

// encodeRecord makes the output message: key = record id (so the same item
// always lands on the same partition and consumers can deduplicate), value =
// the record's JSON, headers = schema version and content type.
func encodeRecord(topic string, rec event.Record, headers []kafka.Header) (kafka.Message, error) {
	b, err := pipeline.MarshalRecord(&rec)
	if err != nil {
		return kafka.Message{}, fmt.Errorf("encode record: %w", err)
	}
	return kafka.Message{
		Topic:   topic,
		Key:     []byte(rec.ID),
		Value:   b,
		Headers: slices.Clone(headers),
	}, nil
}

// deadLetterMessage keeps the original key, value and headers and adds the
// reason, error text, origin and time. A message too large for the broker
// (limit bytes, key and headers included) has its value cut and the
// original size recorded; original headers beyond 16 KiB are dropped.
func deadLetterMessage(topic string, in kafka.Message, reason, text string, now time.Time, limit int) kafka.Message {
	value := in.Value
	if len(text) > 1024 {
		text = text[:1024]
	}
	hs := make([]kafka.Header, 0, len(in.Headers)+8)
	size := len(in.Key)
	for _, h := range in.Headers {
		// Keep the original headers unless they alone would crowd out the
		// value; our own dlq- headers always replace any that came in.
		if strings.HasPrefix(h.Key, event.HeaderDLQPrefix) {
			continue
		}
		if size+len(h.Key)+len(h.Value) > maxKeptHeaderBytes {
			hs = append(hs, kafka.Header{Key: event.HeaderDLQHeadersDropped, Value: []byte("true")})
			break
		}
		size += len(h.Key) + len(h.Value)
		hs = append(hs, h)
	}
	hs = append(hs,
		kafka.Header{Key: event.HeaderDLQReason, Value: []byte(reason)},
		kafka.Header{Key: event.HeaderDLQError, Value: []byte(text)},
		kafka.Header{Key: event.HeaderDLQTopic, Value: []byte(in.Topic)},
		kafka.Header{Key: event.HeaderDLQPartition, Value: []byte(strconv.Itoa(in.Partition))},
		kafka.Header{Key: event.HeaderDLQOffset, Value: []byte(strconv.FormatInt(in.Offset, 10))},
		kafka.Header{Key: event.HeaderDLQTime, Value: []byte(now.UTC().Format(time.RFC3339Nano))},
	)
	size += len(text) + 256
	if limit > 0 && len(value)+size > limit {
		hs = append(hs, kafka.Header{Key: event.HeaderDLQTruncated, Value: []byte(strconv.Itoa(len(value)))})
		value = value[:max(0, limit-size-64)]
	}
	return kafka.Message{Topic: topic, Key: in.Key, Value: value, Headers: hs}
}

// maxKeptHeaderBytes bounds the key and original headers a dead letter keeps.
const maxKeptHeaderBytes = 16 << 10

// copyHeaders appends to out the input headers named in names (every
// occurrence, in input order). A name of our own (schema version, content
// type) is never copied over the record's.
func copyHeaders(out, in []kafka.Header, names []string) []kafka.Header {
	if len(names) == 0 {
		return out
	}
	for _, h := range in {
		if h.Key == event.HeaderSchemaVersion || h.Key == event.HeaderContentType {
			continue
		}
		for _, n := range names {
			if strings.EqualFold(h.Key, n) {
				out = append(out, h)
				break
			}
		}
	}
	return out
}
