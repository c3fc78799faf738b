package tag

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestTopicsPeek(t *testing.T) {
	if os.Getenv("TOPIC_PEEK") == "" {
		t.Skip()
	}
	cases := readEvalCases(t, os.Getenv("TOPIC_PEEK"))
	s, _ := newTopicScorer(builtinTopicRules(t))
	for i, c := range cases {
		if i%457 != 3 {
			continue
		}
		var title, text string
		var it struct{ Title, Body string }
		if json.Unmarshal(c.Item, &it) == nil {
			title, text = it.Title, it.Body
		} else {
			title, text = splitPlainText(c.Item)
		}
		got, _ := s.score(context.Background(), title, text)
		fmt.Printf("== %s %q %v\n", c.ID, title, c.Gold.Reuters)
		for _, tp := range got {
			fmt.Printf("   %.2f %s %v\n", tp.Score, tp.Label, tp.Evidence)
		}
	}
}
