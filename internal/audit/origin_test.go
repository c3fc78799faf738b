package audit

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

func dlqHeaders(topic, partition, offset string) []kafka.Header {
	return []kafka.Header{
		{Key: event.HeaderDLQReason, Value: []byte(event.ReasonNoText)},
		{Key: event.HeaderDLQTopic, Value: []byte(topic)},
		{Key: event.HeaderDLQPartition, Value: []byte(partition)},
		{Key: event.HeaderDLQOffset, Value: []byte(offset)},
	}
}

func TestRecordOrigin(t *testing.T) {
	for _, c := range []struct {
		name   string
		value  string
		id     string
		origin event.Origin
		err    string // "", "no origin" (ErrNoOrigin) or "decode" (any other)
	}{
		{"record", `{"id":"a1","title":"T","origin":{"topic":"in","partition":2,"offset":41,"key":"k"}}`,
			"a1", event.Origin{Topic: "in", Partition: 2, Offset: 41}, ""},
		{"key of another type is not read", `{"id":"a2","origin":{"topic":"in","partition":0,"offset":7,"key":5}}`,
			"a2", event.Origin{Topic: "in", Offset: 7}, ""},
		{"no origin", `{"id":"a3","title":"T"}`, "a3", event.Origin{}, "no origin"},
		{"null origin", `{"id":"a4","origin":null}`, "a4", event.Origin{}, "no origin"},
		{"not JSON", `plain text`, "", event.Origin{}, "decode"},
		{"offset not a number", `{"id":"a5","origin":{"topic":"in","partition":0,"offset":"7"}}`, "", event.Origin{}, "decode"},
	} {
		t.Run(c.name, func(t *testing.T) {
			id, o, err := RecordOrigin(kafka.Message{Value: []byte(c.value)})
			switch {
			case c.err == "" && err != nil,
				c.err == "no origin" && !errors.Is(err, ErrNoOrigin),
				c.err == "decode" && (err == nil || errors.Is(err, ErrNoOrigin)):
				t.Errorf("error %v, want %q", err, c.err)
			}
			if id != c.id || o != c.origin {
				t.Errorf("got %q %+v, want %q %+v", id, o, c.id, c.origin)
			}
		})
	}
}

func TestDeadLetterOrigin(t *testing.T) {
	for _, c := range []struct {
		name    string
		headers []kafka.Header
		origin  event.Origin
		err     bool
	}{
		{"dead letter", dlqHeaders("in", "3", "1234"), event.Origin{Topic: "in", Partition: 3, Offset: 1234}, false},
		{"no headers", nil, event.Origin{}, true},
		{"bad partition keeps the topic", dlqHeaders("in", "x", "1"), event.Origin{Topic: "in"}, true},
		{"bad offset keeps the topic", dlqHeaders("in", "1", ""), event.Origin{Topic: "in"}, true},
		{"names compare exactly", []kafka.Header{{Key: "DLQ-Origin-Topic", Value: []byte("in")}}, event.Origin{}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			o, err := DeadLetterOrigin(kafka.Message{Key: []byte("k"), Headers: c.headers})
			if (err != nil) != c.err {
				t.Errorf("error %v, want error: %v", err, c.err)
			}
			if o != c.origin {
				t.Errorf("got %+v, want %+v", o, c.origin)
			}
		})
	}
}

func TestHeader(t *testing.T) {
	m := kafka.Message{Headers: []kafka.Header{{Key: "a", Value: []byte("1")}, {Key: "a", Value: []byte("2")}, {Key: "b"}}}
	for _, c := range []struct{ key, want string }{{"a", "1"}, {"b", ""}, {"A", ""}, {"c", ""}} {
		t.Run(c.key, func(t *testing.T) {
			if got := Header(m, c.key); got != c.want {
				t.Errorf("Header(%q) = %q, want %q", c.key, got, c.want)
			}
		})
	}
}

// TestTally checks that the tally counts by the readings above: outcomes in
// range, orphans, and what it cannot read.
func TestTally(t *testing.T) {
	tl := newTally("in", map[int]span{0: {first: 10, end: 13}})
	rec := func(v string) kafka.Message { return kafka.Message{Value: []byte(v)} }
	tl.record(rec(`{"id":"x","origin":{"topic":"in","partition":0,"offset":10}}`))
	tl.record(rec(`{"id":"x","origin":{"topic":"in","partition":0,"offset":10}}`)) // duplicate
	tl.record(rec(`{"id":"y","origin":{"topic":"other","partition":0,"offset":11}}`))
	tl.record(rec(`{"id":"z"}`))
	tl.record(rec(`not a record`))
	tl.deadLetter(kafka.Message{Headers: dlqHeaders("in", "0", "11")})
	tl.deadLetter(kafka.Message{Headers: dlqHeaders("in", "0", "99")})
	tl.deadLetter(kafka.Message{Headers: dlqHeaders("in", "0", "9")}) // before the range
	tl.deadLetter(kafka.Message{Headers: dlqHeaders("in", "zero", "12")})
	var rep Report
	tl.report(&rep)
	want := Report{WithRecord: 1, WithDLQ: 1, Missing: 1, MissingList: []Origin{{0, 12}}, Duplicates: 1, DuplicateIDs: 1, Orphans: 2, Unreadable: 3}
	if d := cmp.Diff(want, rep); d != "" {
		t.Errorf("report (-want +got):\n%s", d)
	}
	if n := tl.left(); n != 1 {
		t.Errorf("left %d, want 1", n)
	}
}
