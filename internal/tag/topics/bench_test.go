package topics

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// benchTopicText is about 5 kB of news-like text written for the benchmark.
var benchTopicText = strings.Repeat("The central bank raised interest rates by a quarter point on Thursday, "+
	"citing inflation and a weaker pound. Shares in London fell as investors sold banks, while "+
	"the government said ministers would publish the budget in March. Police arrested two men "+
	"after the match, and the striker scored twice before half-time in the Premiership.\n\n", 12)

// BenchmarkTopicScore measures the scorer alone over the built-in rules;
// MB/s is text scanned per second on one core.
func BenchmarkTopicScore(b *testing.B) {
	s, err := newScorer(builtinTopicRules(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	title := "Bank raises rates as shares fall"
	b.SetBytes(int64(len(title) + len(benchTopicText)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.score(ctx, title, benchTopicText); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTopicCompile measures building the scorer from the built-in rules.
func BenchmarkTopicCompile(b *testing.B) {
	rules := builtinTopicRules(b)
	b.ReportAllocs()
	for range b.N {
		if _, err := newScorer(rules); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTopicScoreBBC measures the scorer on the BBC dev articles, when
// the shared eval data is there.
func BenchmarkTopicScoreBBC(b *testing.B) {
	data, err := os.ReadFile("../../../../shared/eval/bbc-dev.jsonl")
	if err != nil {
		b.Skip("skipped: ../shared/eval/bbc-dev.jsonl not found")
	}
	var titles, texts []string
	size := 0
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var c topicEvalCase
		if json.Unmarshal(line, &c) != nil {
			b.Fatal("bad line")
		}
		title, text := topicSplitText(c.Item)
		titles, texts = append(titles, title), append(texts, text)
		size += len(title) + len(text)
	}
	s, err := newScorer(builtinTopicRules(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		k := i % len(texts)
		if _, err := s.score(ctx, titles[k], texts[k]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTopicScoreSmall measures the scorer with about 1,500 phrases
// (the first two of each built-in rule) on the benchmark text, to compare
// with the size the speed target was set for.
func BenchmarkTopicScoreSmall(b *testing.B) {
	rules := builtinTopicRules(b)
	n := 0
	for i := range rules {
		rules[i].Phrases = rules[i].Phrases[:min(2, len(rules[i].Phrases))]
		rules[i].Negatives = nil
		n += len(rules[i].Phrases)
	}
	s, err := newScorer(rules)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "phrases")
	b.SetBytes(int64(len(benchTopicText)))
	b.ReportAllocs()
	for range b.N {
		if _, err := s.score(context.Background(), "", benchTopicText); err != nil {
			b.Fatal(err)
		}
	}
}
