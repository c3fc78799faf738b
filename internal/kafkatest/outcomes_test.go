package kafkatest

import (
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

func TestCollect(t *testing.T) {
	rec := func(v string) kafka.Message { return kafka.Message{Value: []byte(v)} }
	dl := func(topic, p, off string) kafka.Message {
		return kafka.Message{Headers: []kafka.Header{{Key: event.HeaderDLQTopic, Value: []byte(topic)},
			{Key: event.HeaderDLQPartition, Value: []byte(p)}, {Key: event.HeaderDLQOffset, Value: []byte(off)}}}
	}
	outputs := []kafka.Message{
		rec(`{"id":"a","origin":{"topic":"in","partition":1,"offset":5}}`),
		rec(`{"id":"a","origin":{"topic":"in","partition":1,"offset":5}}`),
		rec(`{"id":"b","origin":{"topic":"other","partition":0,"offset":0}}`),
		rec(`{"id":"c"}`),
	}
	deadLetters := []kafka.Message{dl("in", "0", "7"), dl("other", "x", "y"), {}}
	o, err := Collect("in", outputs, deadLetters)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Records[Origin{Partition: 1, Offset: 5}]) != 2 || len(o.Raw[Origin{Partition: 1, Offset: 5}]) != 2 || len(o.DeadLetters[Origin{Partition: 0, Offset: 7}]) != 1 ||
		o.Duplicates != 1 || o.Foreign != 4 {
		t.Errorf("got records %v, dead letters %v, duplicates %d, foreign %d", o.Records, o.DeadLetters, o.Duplicates, o.Foreign)
	}
	for name, c := range map[string]struct{ outputs, deadLetters []kafka.Message }{
		"output not a record":        {outputs: []kafka.Message{rec(`plain`)}},
		"dead letter without origin": {deadLetters: []kafka.Message{dl("in", "", "1")}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Collect("in", c.outputs, c.deadLetters); err == nil {
				t.Error("no error")
			}
		})
	}
}
