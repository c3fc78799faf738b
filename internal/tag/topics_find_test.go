package tag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTopicsFind(t *testing.T) {
	q := os.Getenv("TOPIC_FIND")
	if q == "" {
		t.Skip()
	}
	label, ev, _ := strings.Cut(q, "|")
	cases := readEvalCases(t, "reuters-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	n := 0
	for _, c := range cases {
		var it struct{ Title, Body string }
		json.Unmarshal(c.Item, &it)
		got, _ := s.score(context.Background(), it.Title, it.Body)
		for _, tp := range got {
			if tp.Label != label {
				continue
			}
			for _, e := range tp.Evidence {
				if strings.ToLower(e.Text) == ev && n < 3 {
					n++
					src := it.Body
					if e.Field == "title" {
						src = it.Title
					}
					lo, hi := max(0, e.Start-60), min(len(src), e.End+60)
					fmt.Printf("%s %+v\n   ...%q...\n", c.ID, e, src[lo:hi])
				}
			}
		}
	}
}
