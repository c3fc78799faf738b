package kafkatest

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

// Origin names one input message.
type Origin struct {
	Partition int
	Offset    int64
}

// Outcomes is what came out for the inputs: records and dead letters by
// origin, with duplicates counted.
type Outcomes struct {
	Records     map[Origin][]event.Record
	DeadLetters map[Origin][]kafka.Message
	Raw         map[Origin][][]byte // serialized records, for schema checks
	Duplicates  int                 // outcomes beyond the first for an origin
	Foreign     int                 // outputs whose origin is another topic
}

// Collect indexes outputs and dead letters by the input offset they came from.
func Collect(inTopic string, outputs, deadLetters []kafka.Message) (Outcomes, error) {
	o := Outcomes{Records: map[Origin][]event.Record{}, DeadLetters: map[Origin][]kafka.Message{}, Raw: map[Origin][][]byte{}}
	seen := map[Origin]int{}
	for _, m := range outputs {
		var r event.Record
		if err := json.Unmarshal(m.Value, &r); err != nil {
			return o, fmt.Errorf("output at %d/%d is not a record: %w", m.Partition, m.Offset, err)
		}
		if r.Origin == nil || r.Origin.Topic != inTopic {
			o.Foreign++
			continue
		}
		k := Origin{r.Origin.Partition, r.Origin.Offset}
		o.Records[k] = append(o.Records[k], r)
		o.Raw[k] = append(o.Raw[k], m.Value)
		seen[k]++
	}
	for _, m := range deadLetters {
		if Header(m, event.HeaderDLQTopic) != inTopic {
			o.Foreign++
			continue
		}
		p, err1 := strconv.Atoi(Header(m, event.HeaderDLQPartition))
		off, err2 := strconv.ParseInt(Header(m, event.HeaderDLQOffset), 10, 64)
		if err1 != nil || err2 != nil {
			return o, fmt.Errorf("dead letter at %d/%d lacks origin headers", m.Partition, m.Offset)
		}
		k := Origin{p, off}
		o.DeadLetters[k] = append(o.DeadLetters[k], m)
		seen[k]++
	}
	for _, n := range seen {
		o.Duplicates += n - 1
	}
	return o, nil
}

// Missing lists the input offsets below end (per partition) with no outcome.
func (o Outcomes) Missing(end map[int]int64) []Origin {
	var miss []Origin
	for p, e := range end {
		for off := int64(0); off < e; off++ {
			k := Origin{p, off}
			if len(o.Records[k]) == 0 && len(o.DeadLetters[k]) == 0 {
				miss = append(miss, k)
			}
		}
	}
	return miss
}
