package kafkatest

import (
	"testing"

	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/sharedtest"
)

// DevValues returns the message values of reuters-dev and bbc-dev: 9,456
// English news items, wire copy and broadsheet features, for benchmarks on
// real news. The test skips when ../shared is absent (sharedtest.Path).
func DevValues(t testing.TB) [][]byte {
	t.Helper()
	var vals [][]byte
	for _, f := range []string{"eval/reuters-dev.jsonl", "eval/bbc-dev.jsonl"} {
		cases, err := eval.ReadFile(sharedtest.Path(t, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			vals = append(vals, c.Value)
		}
	}
	return vals
}
