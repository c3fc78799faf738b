package kafkatest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/pkg/event"
)

// Origin names one input message: the auditor's, so that a test can look
// the audit's missing inputs up in Outcomes directly.
type Origin = audit.Origin

// Outcomes is what came out for the inputs: records and dead letters by
// origin, with duplicates counted.
type Outcomes struct {
	Records     map[Origin][]event.Record
	DeadLetters map[Origin][]kafka.Message
	Raw         map[Origin][][]byte // serialized records, for schema checks
	Duplicates  int                 // outcomes beyond the first for an origin
	Foreign     int                 // outputs whose origin is another topic
}

// Collect indexes outputs and dead letters by the input offset they came
// from, read the way the auditor reads them (audit.RecordOrigin,
// audit.DeadLetterOrigin), for tests that inspect them; whether anything is
// missing is the auditor's to say (Audit).
func Collect(inTopic string, outputs, deadLetters []kafka.Message) (Outcomes, error) {
	o := Outcomes{Records: map[Origin][]event.Record{}, DeadLetters: map[Origin][]kafka.Message{}, Raw: map[Origin][][]byte{}}
	seen := map[Origin]int{}
	for _, m := range outputs {
		var r event.Record
		if err := json.Unmarshal(m.Value, &r); err != nil {
			return o, fmt.Errorf("output at %d/%d is not a record: %w", m.Partition, m.Offset, err)
		}
		_, from, err := audit.RecordOrigin(m)
		if err != nil || from.Topic != inTopic {
			o.Foreign++
			continue
		}
		k := Origin{Partition: from.Partition, Offset: from.Offset}
		o.Records[k] = append(o.Records[k], r)
		o.Raw[k] = append(o.Raw[k], m.Value)
		seen[k]++
	}
	for _, m := range deadLetters {
		from, err := audit.DeadLetterOrigin(m)
		if from.Topic != inTopic {
			o.Foreign++
			continue
		}
		if err != nil {
			return o, fmt.Errorf("dead letter at %d/%d lacks origin headers", m.Partition, m.Offset)
		}
		k := Origin{Partition: from.Partition, Offset: from.Offset}
		o.DeadLetters[k] = append(o.DeadLetters[k], m)
		seen[k]++
	}
	for _, n := range seen {
		o.Duplicates += n - 1
	}
	return o, nil
}

// Audit judges completeness the way `newsworker audit` does, with its own
// code: it reads out and dlq as they grow until every input offset of in
// has an outcome or wait has passed, and returns the report (missing inputs
// in MissingList).
func Audit(t testing.TB, brokers []string, in, out, dlq string, wait time.Duration) audit.Report {
	t.Helper()
	return AuditWith(t, audit.Options{Brokers: brokers, Input: in, Output: out, DLQ: dlq, FromOffset: -1, ToOffset: -1, Wait: wait})
}

// AuditWith is Audit with the caller's options (a secured broker's dialer
// and transport, a range).
func AuditWith(t testing.TB, o audit.Options) audit.Report {
	t.Helper()
	wait := o.Wait
	a := audit.New(o)
	defer a.Close()
	ctx, cancel := context.WithTimeout(context.Background(), wait+time.Minute)
	defer cancel()
	rep, err := a.Run(ctx, o)
	if err != nil {
		t.Fatalf("audit of %s: %v", o.Input, err)
	}
	return rep
}
