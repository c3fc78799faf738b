package tag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTopicsHits(t *testing.T) {
	q := os.Getenv("TOPIC_HITS")
	if q == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "reuters-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	n := 0
	for _, c := range cases {
		var it struct{ Title, Body string }
		json.Unmarshal(c.Item, &it)
		if !strings.Contains(it.Title, q) {
			continue
		}
		if n++; n > 2 {
			break
		}
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, it.Title, 0)
		s.scan(context.Background(), sc, it.Body, 1)
		s.accumulate(sc)
		fmt.Println("==", it.Title)
		for _, h := range sc.hits {
			src := it.Body
			if h.field == 0 {
				src = it.Title
			}
			fmt.Printf("  %-40s %.3f %q\n", s.labels[h.topic], h.c, src[h.start:h.end])
		}
		s.release(sc)
	}
}
