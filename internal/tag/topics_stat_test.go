package tag

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
)

func TestTopicStats(t *testing.T) {
	data, err := os.ReadFile("../../../shared/eval/bbc-dev.jsonl")
	if err != nil {
		t.Skip()
	}
	s, _ := newTopicScorer(builtinTopicRules(t))
	var hits, bytesN, docs, cont, syms int
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var c evalCase
		json.Unmarshal(line, &c)
		title, text := splitPlainText(c.Item)
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, title, 0)
		s.scan(context.Background(), sc, text, 1)
		hits += len(sc.hits)
		bytesN += len(title) + len(text)
		docs++
		s.accumulate(sc)
		s.release(sc)
	}
	for _, c := range s.cont {
		if c {
			cont++
		}
	}
	syms = len(s.cont)
	t.Logf("docs %d bytes/doc %d hits/doc %d; symbols %d continuing %d", docs, bytesN/docs, hits/docs, syms, cont)
}
