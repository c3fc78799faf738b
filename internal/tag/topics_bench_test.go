package tag

import (
	"context"
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
	s, err := newTopicScorer(builtinTopicRules(b))
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
		if _, err := newTopicScorer(rules); err != nil {
			b.Fatal(err)
		}
	}
}
