package tag

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestTopicsBlame sums, over misclassified BBC items, the mass each phrase
// gave the wrong top-level concept; temporary.
func TestTopicsBlame(t *testing.T) {
	if os.Getenv("TOPIC_BLAME") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "bbc-dev.jsonl")
	rules := builtinTopicRules(t)
	s, _ := newTopicScorer(rules)
	top := func(x int32) int32 {
		for s.parent[x] >= 0 {
			x = s.parent[x]
		}
		return x
	}
	blame := map[string]float64{}
	for _, c := range cases {
		title, text := splitPlainText(c.Item)
		got, _ := s.score(context.Background(), title, text)
		if len(got) == 0 {
			continue
		}
		var g int32 = -1
		for i, code := range s.codes {
			if code == got[0].Code {
				g = top(int32(i))
			}
		}
		if s.codes[g] == c.Gold.TopicTop {
			continue
		}
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, title, 0)
		s.scan(context.Background(), sc, text, 1)
		s.accumulate(sc)
		for _, h := range sc.hits {
			if h.c == 0 {
				continue
			}
			src := text
			if h.field == 0 {
				src = title
			}
			tt := top(h.topic)
			m := topicMass(h.c)
			if tt == g {
				blame[fmt.Sprintf("%s->%s %s [%s]", c.Gold.TopicTop[7:9], s.codes[g][7:9], src[h.start:h.end], s.labels[h.topic])] += m
			} else if s.codes[tt] == c.Gold.TopicTop {
				blame[fmt.Sprintf("MISSING %s [%s]", src[h.start:h.end], s.labels[h.topic])] -= m
			}
		}
		s.release(sc)
	}
	type kv struct {
		k string
		v float64
	}
	var kvs []kv
	for k, v := range blame {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if os.Getenv("TOPIC_BLAME") == "missing" {
			return kvs[i].v < kvs[j].v
		}
		return kvs[i].v > kvs[j].v
	})
	for i, x := range kvs {
		if i > 120 {
			break
		}
		fmt.Printf("%6.2f %s\n", x.v, x.k)
	}
}
