package consume

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestKafkaErrorLogLevels(t *testing.T) {
	var buf bytes.Buffer
	l := kafkaErrorLog(zerolog.New(&buf))
	l("the kafka reader got an unknown error reading partition %d of %s at offset %d: read tcp 127.0.0.1:1->127.0.0.1:9092: i/o timeout", 3, "news.raw", 7)
	l("failed to read from current broker for partition %d: %v", 1, "Not Leader For Partition")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"level":"debug"`) || !strings.Contains(lines[1], `"level":"warn"`) {
		t.Errorf("levels:\n%s", buf.String())
	}
}
