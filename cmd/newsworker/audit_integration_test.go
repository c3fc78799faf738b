package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// auditTopics runs `newsworker audit` in-process and returns its output.
func auditTopics(t *testing.T, brokers []string, in, out, dlq string) (string, error) {
	t.Helper()
	t.Setenv("NEWSWORKER_BROKERS", brokers[0])
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"audit", "-input", in, "-output", out, "-dlq", dlq}, nil, &stdout, &stderr)
	return stdout.String(), err
}

// TestAuditFindsMissing: inputs with no outputs are reported missing and
// the command fails; a dead letter for one of them is counted.
func TestAuditFindsMissing(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	in := kafkatest.Topic(t, brokers, "audit-in", 2)
	out := kafkatest.Topic(t, brokers, "audit-out", 1)
	dlq := kafkatest.Topic(t, brokers, "audit-dlq", 1)
	kafkatest.Produce(t, brokers, in, []kafka.Message{{Value: []byte("a")}, {Value: []byte("b")}, {Value: []byte("c")}, {Value: []byte("d")}})
	kafkatest.Produce(t, brokers, dlq, []kafka.Message{{Value: []byte("a"), Headers: []kafka.Header{
		{Key: "dlq-origin-topic", Value: []byte(in)}, {Key: "dlq-origin-partition", Value: []byte("0")}, {Key: "dlq-origin-offset", Value: []byte("0")}}}})
	report, err := auditTopics(t, brokers, in, out, dlq)
	t.Logf("audit report:\n%s", report)
	if !errors.Is(err, errIncomplete) {
		t.Fatalf("want errIncomplete, got %v", err)
	}
	if !strings.Contains(report, "missing       3") || !strings.Contains(report, "with dead letter 1") {
		t.Fatalf("unexpected report")
	}
}

func TestAuditOffsetRange(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	in := kafkatest.Topic(t, brokers, "auditr-in", 1)
	out := kafkatest.Topic(t, brokers, "auditr-out", 1)
	dlq := kafkatest.Topic(t, brokers, "auditr-dlq", 1)
	kafkatest.Produce(t, brokers, in, []kafka.Message{{Value: []byte("a")}, {Value: []byte("b")}, {Value: []byte("c")}})
	kafkatest.Produce(t, brokers, dlq, []kafka.Message{{Value: []byte("b"), Headers: []kafka.Header{
		{Key: "dlq-origin-topic", Value: []byte(in)}, {Key: "dlq-origin-partition", Value: []byte("0")}, {Key: "dlq-origin-offset", Value: []byte("1")}}}})
	t.Setenv("NEWSWORKER_BROKERS", brokers[0])
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"audit", "-input", in, "-output", out, "-dlq", dlq, "-from-offset", "1", "-to-offset", "2"}, nil, &stdout, &stderr)
	if err != nil || !strings.Contains(stdout.String(), "inputs        1") {
		t.Fatalf("audit of [1,2): %v\n%s", err, stdout.String())
	}
}

// TestAuditLookupFailureExit2: an input topic the broker does not know is
// a failed audit (exit 2), never a report (exit 1 means "missing").
func TestAuditLookupFailureExit2(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	out := kafkatest.Topic(t, brokers, "auditx-out", 1)
	report, err := auditTopics(t, brokers, "no-such-input-"+out, out, out)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "no-such-input-") {
		t.Fatalf("exit %d, err %v, report %q; want exit 2 naming the topic", exitCode(err), err, report)
	}
}
