package tag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestTopicsReuters checks wire economics against Reuters topic labels; temporary.
func TestTopicsReuters(t *testing.T) {
	if os.Getenv("TOPIC_REUTERS") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, "reuters-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	parent := map[string]string{}
	for i, c := range s.codes {
		if s.parent[i] >= 0 {
			parent[c] = s.codes[s.parent[i]]
		}
	}
	want := map[string]string{"earn": "medtop:20000178", "acq": "medtop:20000204", "crude": "medtop:20001243", "grain": "medtop:20000386",
		"money-fx": "medtop:20000391", "interest": "medtop:20000371", "trade": "medtop:20000373", "ship": "medtop:20000343", "sugar": "medtop:20000386",
		"coffee": "medtop:20000386", "gnp": "medtop:20000359", "cpi": "medtop:20000370", "money-supply": "medtop:20000379", "jobs": "medtop:20000365"}
	type stat struct{ n, hit, top04, empty int }
	stats := map[string]*stat{}
	for _, c := range cases {
		var it struct {
			Title string `json:"title"`
			Body  string `json:"body"`
		}
		json.Unmarshal(c.Item, &it)
		var gold struct {
			Topics []string `json:"reuters_topics"`
		}
		got, _ := s.score(context.Background(), it.Title, it.Body)
		_ = gold
		gold.Topics = c.Gold.Reuters
		for _, rt := range gold.Topics {
			code, ok := want[rt]
			if !ok {
				continue
			}
			st := stats[rt]
			if st == nil {
				st = &stat{}
				stats[rt] = st
			}
			st.n++
			if len(got) == 0 {
				st.empty++
				continue
			}
			if topAncestor(parent, got[0].Code) == "medtop:04000000" {
				st.top04++
			}
			for _, tp := range got {
				for x := tp.Code; x != ""; x = parent[x] {
					if x == code {
						st.hit++
						goto next
					}
				}
			}
		next:
		}
	}
	var keys []string
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		st := stats[k]
		fmt.Printf("%-12s n=%4d concept %.2f top04 %.2f empty %.2f\n", k, st.n, float64(st.hit)/float64(st.n), float64(st.top04)/float64(st.n), float64(st.empty)/float64(st.n))
	}
}
