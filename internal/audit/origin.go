package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

// ErrNoOrigin marks an output message that does not say which input it
// stands for: a record without an origin (as `newsworker tag` writes them).
var ErrNoOrigin = errors.New("record has no origin")

// RecordOrigin and DeadLetterOrigin are the one reading of which input an
// output or a dead letter stands for: the audit counts by them and
// kafkatest.Collect indexes whole messages by them, so a test's view cannot
// drift from the auditor's. They fill the origin's topic, partition and
// offset, never its key: nothing counts by it, and an origin key of another
// type must not make a record unreadable.

// RecordOrigin reads which input message an output message stands for, and
// the record's id, without decoding the rest of the record (an audit reads
// whole topics). It returns ErrNoOrigin for a record without an origin and
// another error for a value that is not a record.
func RecordOrigin(m kafka.Message) (id string, o event.Origin, err error) {
	var r struct {
		ID     string `json:"id"`
		Origin *struct {
			Topic     string `json:"topic"`
			Partition int    `json:"partition"`
			Offset    int64  `json:"offset"`
		} `json:"origin"`
	}
	if err := json.Unmarshal(m.Value, &r); err != nil {
		return "", event.Origin{}, fmt.Errorf("decode record: %w", err)
	}
	if r.Origin == nil {
		return r.ID, event.Origin{}, ErrNoOrigin
	}
	return r.ID, event.Origin{Topic: r.Origin.Topic, Partition: r.Origin.Partition, Offset: r.Origin.Offset}, nil
}

// DeadLetterOrigin reads which input message a dead letter stands for from
// its headers event.HeaderDLQTopic, HeaderDLQPartition and HeaderDLQOffset.
// It fails when the partition or offset is not a decimal number, and then
// still returns the topic, so that a caller can tell whose dead letter it
// was.
func DeadLetterOrigin(m kafka.Message) (event.Origin, error) {
	o := event.Origin{Topic: Header(m, event.HeaderDLQTopic)}
	p, err := strconv.Atoi(Header(m, event.HeaderDLQPartition))
	if err != nil {
		return o, fmt.Errorf("dead letter origin partition: %w", err)
	}
	off, err := strconv.ParseInt(Header(m, event.HeaderDLQOffset), 10, 64)
	if err != nil {
		return o, fmt.Errorf("dead letter origin offset: %w", err)
	}
	o.Partition, o.Offset = p, off
	return o, nil
}

// Header returns the value of m's first header named key, "" when it has
// none. Names compare exactly, as the worker writes them.
func Header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
