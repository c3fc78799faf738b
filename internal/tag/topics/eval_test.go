package topics

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// topicEvalCase is one line of ../shared/eval/*.jsonl, as far as topics need it.
type topicEvalCase struct {
	ID   string          `json:"id"`
	Item json.RawMessage `json:"item"`
	Gold struct {
		TopicTop   string   `json:"topic_top"`
		TopicsMust []string `json:"topics_must"`
		TopicsMay  []string `json:"topics_may"`
	} `json:"gold"`
}

func readTopicEval(t *testing.T, name string) []topicEvalCase {
	t.Helper()
	data, err := os.ReadFile(sharedtest.Path(t, "eval/"+name))
	if err != nil {
		t.Fatal(err)
	}
	var cases []topicEvalCase
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var c topicEvalCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// topicSplitText splits a plain-text item the way a feed dump reads: the
// first line is the headline; a repeat of it at the top of the body is
// dropped.
func topicSplitText(raw json.RawMessage) (title, text string) {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", ""
	}
	title, text, _ = strings.Cut(strings.TrimSpace(s), "\n")
	title = strings.TrimSpace(title)
	text = strings.TrimSpace(text)
	if first, rest, ok := strings.Cut(text, "\n"); ok && strings.TrimSpace(first) == title {
		text = strings.TrimSpace(rest)
	}
	return title, text
}

// builtinTopicScorer compiles the built-in rules and returns each
// concept's parent by code.
func builtinTopicScorer(t *testing.T) (*Scorer, map[string]string) {
	t.Helper()
	rules := builtinTopicRules(t)
	s, err := newScorer(rules)
	if err != nil {
		t.Fatal(err)
	}
	parent := map[string]string{}
	for _, r := range rules {
		parent[r.Code] = r.Parent
	}
	return s, parent
}

// topicTopAncestor follows parents to the top-level concept.
func topicTopAncestor(parent map[string]string, code string) string {
	for parent[code] != "" {
		code = parent[code]
	}
	return code
}

// TestTopicsBBC measures top-level accuracy on the BBC dev set: the top-level
// ancestor of the highest-score topic must be the section's concept.
func TestTopicsBBC(t *testing.T) {
	cases := readTopicEval(t, "bbc-dev.jsonl")
	s, parent := builtinTopicScorer(t)
	right := 0
	confusion := map[string]int{}
	for _, c := range cases {
		title, text := topicSplitText(c.Item)
		got, err := s.score(context.Background(), title, text)
		if err != nil {
			t.Fatal(err)
		}
		top := "none"
		if len(got) > 0 {
			top = topicTopAncestor(parent, got[0].Code)
		}
		if top == c.Gold.TopicTop {
			right++
			continue
		}
		confusion[c.Gold.TopicTop[7:9]+"->"+strings.TrimPrefix(top, "medtop:")[:2]]++
		if testing.Verbose() {
			var ts []string
			for _, tp := range got {
				ts = append(ts, fmt.Sprintf("%s %s %.2f", tp.Code[7:], tp.Label, tp.Score))
			}
			t.Logf("%s %q: %s", c.ID, title, strings.Join(ts, "; "))
		}
	}
	acc := float64(right) / float64(len(cases))
	t.Logf("BBC top-level accuracy %.3f (%d/%d); errors gold->got: %v", acc, right, len(cases), confusion)
	if acc < 0.90 {
		t.Errorf("accuracy %.3f < 0.90", acc)
	}
}

// TestTopicsSeed checks the hand-labelled seed: every must concept covered by
// a predicted concept or one of its ancestors, and precision at least 0.8
// (a prediction is right when it is a must or may concept or an ancestor of
// one).
func TestTopicsSeed(t *testing.T) {
	cases := readTopicEval(t, "seed.jsonl")
	s, parent := builtinTopicScorer(t)
	for _, c := range cases {
		title, text := topicSplitText(c.Item)
		got, err := s.score(context.Background(), title, text)
		if err != nil {
			t.Fatal(err)
		}
		ok := map[string]bool{}
		for _, code := range append(c.Gold.TopicsMust, c.Gold.TopicsMay...) {
			for ; code != ""; code = parent[code] {
				ok[code] = true
			}
		}
		covered := map[string]bool{}
		right := 0
		for _, tp := range got {
			if ok[tp.Code] {
				right++
			} else {
				t.Logf("%s: wrong %s %s %.2f %v", c.ID, tp.Code, tp.Label, tp.Score, tp.Evidence)
			}
			for code := tp.Code; code != ""; code = parent[code] {
				covered[code] = true
			}
		}
		for _, m := range c.Gold.TopicsMust {
			if !covered[m] {
				t.Errorf("%s: must concept %s not covered", c.ID, m)
			}
		}
		prec := 0.0
		if len(got) > 0 {
			prec = float64(right) / float64(len(got))
		}
		t.Logf("%s: %d topics, precision %.2f: %s", c.ID, len(got), prec, topicCodes(got))
		if prec < 0.8 {
			t.Errorf("%s: precision %.2f < 0.8", c.ID, prec)
		}
	}
}
