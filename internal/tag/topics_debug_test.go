package tag

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestTopicsDebug prints per-item evidence; temporary.
func TestTopicsDebug(t *testing.T) {
	ids := os.Getenv("TOPIC_DEBUG")
	if ids == "" {
		t.Skip()
	}
	cases := readEvalCases(t, os.Getenv("TOPIC_DEBUG_FILE"))
	rules := builtinTopicRules(t)
	s, _ := newTopicScorer(rules)
	for _, c := range cases {
		if !strings.Contains(","+ids+",", ","+c.ID+",") {
			continue
		}
		title, text := splitPlainText(c.Item)
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, title, 0)
		s.scan(context.Background(), sc, text, 1)
		s.accumulate(sc)
		var lines []string
		for _, h := range sc.hits {
			if h.c == 0 {
				continue
			}
			src := text
			if h.field == 0 {
				src = title
			}
			top := h.topic
			for s.parent[top] >= 0 {
				top = s.parent[top]
			}
			lines = append(lines, fmt.Sprintf("%s %-40s %.3f %q", s.codes[top][7:9], s.labels[h.topic], h.c, src[h.start:h.end]))
		}
		sort.Strings(lines)
		fmt.Println("==", c.ID, title)
		if os.Getenv("TOPIC_DEBUG_HITS") != "" {
			fmt.Println(strings.Join(lines, "\n"))
		}
		var sums []string
		for _, t := range sc.touched {
			if s.parent[t] < 0 || s.parent[s.parent[t]] < 0 {
				sums = append(sums, fmt.Sprintf("%6.2f %s", sc.agg[t], s.labels[t]))
			}
		}
		sort.Sort(sort.Reverse(sort.StringSlice(sums)))
		if len(sums) > 12 {
			sums = sums[:12]
		}
		fmt.Println(strings.Join(sums, "\n"))
		s.release(sc)
	}
}
