package tag

import (
	"context"
	"fmt"
	"math"
	"os"
	"testing"
)

func TestTopicsExp(t *testing.T) {
	if os.Getenv("TOPIC_EXP") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "bbc-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	idx := map[string]int32{}
	for i, c := range s.codes {
		idx[c] = int32(i)
	}
	top := func(x int32) int32 {
		for s.parent[x] >= 0 {
			x = s.parent[x]
		}
		return x
	}
	lams := []float64{0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5}
	right := make([]int, len(lams))
	rightB := 0
	for _, c := range cases {
		title, text := splitPlainText(c.Item)
		got, _ := s.score(context.Background(), title, text)
		sc := s.pool.Get().(*topicScratch)
		s.scan(context.Background(), sc, title, 0)
		s.scan(context.Background(), sc, text, 1)
		s.accumulate(sc)
		tm := map[int32]float64{}
		tot := 0.0
		for _, h := range sc.hits {
			if h.c > 0 {
				m := topicMass(h.c)
				tm[top(h.topic)] += m
				tot += m
			}
		}
		var bb int32 = -1
		for k, v := range tm {
			if bb < 0 || v > tm[bb] {
				bb = k
			}
		}
		g := idx[c.Gold.TopicTop]
		if bb == g {
			rightB++
		}
		for li, lam := range lams {
			best, bs := int32(-1), -1.0
			for _, tp := range got {
				x := top(idx[tp.Code])
				v := tp.Score + lam*tm[x]/math.Max(tot, 1e-9)
				if v > bs {
					best, bs = x, v
				}
			}
			if best == g {
				right[li]++
			}
		}
		s.release(sc)
	}
	fmt.Println("treemass", rightB, len(cases))
	for li, lam := range lams {
		fmt.Printf("lam %.2f acc %.3f\n", lam, float64(right[li])/float64(len(cases)))
	}
}
