package tag

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// TestTopicsMargins prints gold vs winning top-level masses for BBC errors; temporary.
func TestTopicsMargins(t *testing.T) {
	if os.Getenv("TOPIC_MARGIN") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "bbc-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	idx := map[string]int32{}
	for i, c := range s.codes {
		idx[c] = int32(i)
	}
	for _, c := range cases {
		title, text := splitPlainText(c.Item)
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, title, 0)
		s.scan(context.Background(), sc, text, 1)
		s.accumulate(sc)
		best := int32(-1)
		for _, t := range sc.touched {
			if s.parent[t] < 0 && (best < 0 || sc.agg[t] > sc.agg[best]) {
				best = t
			}
		}
		g := idx[c.Gold.TopicTop]
		if best != g {
			fmt.Printf("%-24s gold %.2f best %s %.2f ratio %.2f %q\n", c.ID, sc.agg[g], s.codes[best][7:9], sc.agg[best], sc.agg[g]/sc.agg[best], title)
		}
		s.release(sc)
	}
}

func TestTopicsSeedList(t *testing.T) {
	if os.Getenv("TOPIC_SEED") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "seed.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	title, text := splitPlainText(cases[0].Item)
	sc := s.pool.Get().(*topicScratch)
	s.scan(context.Background(), sc, title, 0)
	s.scan(context.Background(), sc, text, 1)
	s.accumulate(sc)
	for _, t := range sc.touched {
		fmt.Printf("%s %-40s own %.2f agg %.2f firing %d\n", s.codes[t], s.labels[t], topicScore(sc.own[t]), topicScore(sc.agg[t]), sc.firing[t])
	}
}
