package tag

import (
	"context"
	"fmt"
	"os"
	"encoding/json"
	"strings"
	"testing"
)

func TestTopicsMiss(t *testing.T) {
	lab := os.Getenv("TOPIC_MISS")
	if lab == "" {
		t.Skip()
	}
	code := os.Getenv("TOPIC_MISS_CODE")
	cases := readEvalCases(t, "reuters-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	parent := map[string]string{}
	for i, c := range s.codes {
		if s.parent[i] >= 0 {
			parent[c] = s.codes[s.parent[i]]
		}
	}
	n := 0
	for _, c := range cases {
		ok := false
		for _, r := range c.Gold.Reuters {
			ok = ok || r == lab
		}
		if !ok {
			continue
		}
		var it struct{ Title, Body string }
		json.Unmarshal(c.Item, &it)
		got, _ := s.score(context.Background(), it.Title, it.Body)
		hit := false
		var ts []string
		for _, tp := range got {
			ts = append(ts, fmt.Sprintf("%s %.2f", tp.Label, tp.Score))
			for x := tp.Code; x != ""; x = parent[x] {
				hit = hit || x == code
			}
		}
		if hit {
			continue
		}
		n++
		if n%6 != 0 {
			continue
		}
		body := it.Body
		if len(body) > 400 {
			body = body[:400]
		}
		fmt.Printf("== %v %s\n%s\n-> %s\n", c.Gold.Reuters, it.Title, strings.ReplaceAll(body, "\n", " "), strings.Join(ts, "; "))
	}
}
