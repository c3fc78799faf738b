package worker

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

// encodeRecord makes the output message: key = record id (so the same item
// always lands on the same partition and consumers can deduplicate), value =
// the record's JSON, headers = schema version and content type.
func encodeRecord(topic string, rec event.Record) (kafka.Message, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return kafka.Message{}, fmt.Errorf("encode record: %w", err)
	}
	return kafka.Message{
		Topic: topic,
		Key:   []byte(rec.ID),
		Value: b,
		Headers: []kafka.Header{
			{Key: event.HeaderSchemaVersion, Value: []byte(strconv.Itoa(event.SchemaVersion))},
			{Key: event.HeaderContentType, Value: []byte(event.ContentType)},
		},
	}, nil
}

// Dead-letter headers. The value is the original bytes; these say why and
// where it came from.
const (
	HeaderDLQReason    = "dlq-reason"
	HeaderDLQError     = "dlq-error"
	HeaderDLQTopic     = "dlq-origin-topic"
	HeaderDLQPartition = "dlq-origin-partition"
	HeaderDLQOffset    = "dlq-origin-offset"
	HeaderDLQTime      = "dlq-time"
	HeaderDLQTruncated = "dlq-truncated-from"
)

// deadLetterMessage keeps the original key, value and headers and adds the
// reason, error text, origin and time. A value too large for the broker is
// cut to limit bytes and the original size recorded.
func deadLetterMessage(topic string, in kafka.Message, reason, text string, now time.Time, limit int) kafka.Message {
	value := in.Value
	hs := make([]kafka.Header, 0, len(in.Headers)+7)
	for _, h := range in.Headers {
		if len(h.Key) < 4 || h.Key[:4] != "dlq-" {
			hs = append(hs, h)
		}
	}
	if len(text) > 1024 {
		text = text[:1024]
	}
	hs = append(hs,
		kafka.Header{Key: HeaderDLQReason, Value: []byte(reason)},
		kafka.Header{Key: HeaderDLQError, Value: []byte(text)},
		kafka.Header{Key: HeaderDLQTopic, Value: []byte(in.Topic)},
		kafka.Header{Key: HeaderDLQPartition, Value: []byte(strconv.Itoa(in.Partition))},
		kafka.Header{Key: HeaderDLQOffset, Value: []byte(strconv.FormatInt(in.Offset, 10))},
		kafka.Header{Key: HeaderDLQTime, Value: []byte(now.UTC().Format(time.RFC3339Nano))},
	)
	if limit > 0 && len(value) > limit {
		hs = append(hs, kafka.Header{Key: HeaderDLQTruncated, Value: []byte(strconv.Itoa(len(value)))})
		value = value[:limit]
	}
	return kafka.Message{Topic: topic, Key: in.Key, Value: value, Headers: hs}
}
