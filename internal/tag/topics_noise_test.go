package tag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestTopicsNoise(t *testing.T) {
	if os.Getenv("TOPIC_NOISE") == "" {
		t.Skip()
	}
	tops := os.Getenv("TOPIC_NOISE")
	cases := readEvalCases(t, "reuters-dev.jsonl")
	s, _ := newTopicScorer(builtinTopicRules(t))
	idx := map[string]int32{}
	for i, c := range s.codes {
		idx[c] = int32(i)
	}
	cnt := map[string]int{}
	for _, c := range cases {
		var it struct{ Title, Body string }
		json.Unmarshal(c.Item, &it)
		got, _ := s.score(context.Background(), it.Title, it.Body)
		for _, tp := range got {
			x := idx[tp.Code]
			for s.parent[x] >= 0 {
				x = s.parent[x]
			}
			if !strings.Contains(tops, s.codes[x][7:9]) {
				continue
			}
			for _, e := range tp.Evidence {
				cnt[tp.Label+" | "+strings.ToLower(e.Text)]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range cnt {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for i, x := range kvs {
		if i >= 90 {
			break
		}
		fmt.Printf("%5d %s\n", x.v, x.k)
	}
}
