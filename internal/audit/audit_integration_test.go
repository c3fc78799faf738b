package audit_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

// auditTopics makes an input topic of n messages over parts partitions and
// empty output and dead-letter topics.
func auditTopics(t *testing.T, brokers []string, prefix string, n, parts int) (in, out, dlq string) {
	in = kafkatest.Topic(t, brokers, prefix+"-in", parts)
	out = kafkatest.Topic(t, brokers, prefix+"-out", 1)
	dlq = kafkatest.Topic(t, brokers, prefix+"-dlq", 1)
	var msgs []kafka.Message
	for i := range n {
		msgs = append(msgs, kafka.Message{Partition: i % parts, Value: fmt.Appendf(nil, "item %d", i)})
	}
	kafkatest.Produce(t, brokers, in, msgs)
	return in, out, dlq
}

// outcomes writes one record per input offset to out, every tenth as a
// dead letter to dlq instead.
func outcomes(t *testing.T, brokers []string, in, out, dlq string, n, parts int) {
	var recs, dls []kafka.Message
	for i := range n {
		p, off := i%parts, int64(i/parts)
		if i%10 == 0 {
			dls = append(dls, kafka.Message{Value: []byte("x"), Headers: []kafka.Header{{Key: "dlq-origin-topic", Value: []byte(in)},
				{Key: "dlq-origin-partition", Value: fmt.Appendf(nil, "%d", p)}, {Key: "dlq-origin-offset", Value: fmt.Appendf(nil, "%d", off)}}})
			continue
		}
		recs = append(recs, kafka.Message{Value: fmt.Appendf(nil, `{"id":"r%d","origin":{"topic":%q,"partition":%d,"offset":%d}}`, i, in, p, off)})
	}
	kafkatest.Produce(t, brokers, out, recs)
	kafkatest.Produce(t, brokers, dlq, dls)
}

func runAudit(t *testing.T, o audit.Options) (audit.Report, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	a := audit.New(o)
	defer a.Close()
	rep, err := a.Run(ctx, o)
	t.Logf("audit took %s: inputs=%d with_record=%d with_dead_letter=%d missing=%d duplicates=%d orphans=%d err=%v",
		time.Since(start).Round(time.Millisecond), rep.Inputs, rep.WithRecord, rep.WithDLQ, rep.Missing, rep.Duplicates, rep.Orphans, err)
	return rep, err
}

// TestAuditSlowBroker: every fetch answered 11 s late (past the 10 s after
// which the audit used to end a partition's read and call the rest
// missing) still gives 0 missing.
func TestAuditSlowBroker(t *testing.T) {
	t.Parallel()
	brokers := kafkatest.Brokers(t)
	const n, parts = 200, 2
	in, out, dlq := auditTopics(t, brokers, "audit-slow", n, parts)
	outcomes(t, brokers, in, out, dlq, n, parts)
	o := audit.Options{Brokers: brokers, Input: in, Output: out, DLQ: dlq, FromOffset: -1, ToOffset: -1,
		Dialer: &kafka.Dialer{Timeout: 10 * time.Second, DialFunc: slowFetchDialer(11 * time.Second)}}
	rep, err := runAudit(t, o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Missing != 0 || rep.WithRecord != n-n/10 || rep.WithDLQ != n/10 {
		t.Errorf("slow broker: missing %d, with record %d, with dead letter %d; want 0, %d, %d", rep.Missing, rep.WithRecord, rep.WithDLQ, n-n/10, n/10)
	}
}

// TestAuditWaitsForLateOutput: outputs that arrive 30 s after the audit
// starts are found with Wait; without it the same range is reported
// missing.
func TestAuditWaitsForLateOutput(t *testing.T) {
	t.Parallel()
	brokers := kafkatest.Brokers(t)
	const n, parts = 100, 2
	in, out, dlq := auditTopics(t, brokers, "audit-wait", n, parts)
	o := audit.Options{Brokers: brokers, Input: in, Output: out, DLQ: dlq, FromOffset: -1, ToOffset: -1, Dialer: &kafka.Dialer{Timeout: 10 * time.Second}}
	if rep, err := runAudit(t, o); err != nil || rep.Missing != n {
		t.Fatalf("before the outputs, without wait: missing %d, err %v; want %d", rep.Missing, err, n)
	}
	late := make(chan struct{})
	go func() {
		defer close(late)
		time.Sleep(30 * time.Second)
		outcomes(t, brokers, in, out, dlq, n, parts)
	}()
	o.Wait = 2 * time.Minute
	rep, err := runAudit(t, o)
	<-late
	if err != nil {
		t.Fatal(err)
	}
	if rep.Missing != 0 || rep.WaitedSec < 29 {
		t.Errorf("with wait: missing %d after %.1f s; want 0 after ≥ 30 s", rep.Missing, rep.WaitedSec)
	}
}

// TestAuditLookupErrors: an input topic that does not exist is an error of
// the lookup, not an audit of nothing.
func TestAuditLookupErrors(t *testing.T) {
	t.Parallel()
	brokers := kafkatest.Brokers(t)
	o := audit.Options{Brokers: brokers, Input: "no-such-topic-" + fmt.Sprint(time.Now().UnixNano()), FromOffset: -1, ToOffset: -1}
	_, err := runAudit(t, o)
	if !errors.Is(err, audit.ErrLookup) {
		t.Fatalf("err = %v, want ErrLookup", err)
	}
}
