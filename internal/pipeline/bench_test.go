package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/sharedtest"
)

// devValues reads the message values of reuters-dev and bbc-dev: 9,456
// English news items, wire copy and broadsheet features.
func devValues(b testing.TB) [][]byte { return kafkatest.DevValues(b) }

// BenchmarkPipeline is one item's whole path on one core: decode →
// normalize → language → tag → JSON encode, over the dev items in turn,
// next to a baseline measured in the same run that only decodes each value
// as JSON and encodes it again (the least any JSON-to-JSON worker does).
func BenchmarkPipeline(b *testing.B) {
	vals := devValues(b)
	proc, err := pipeline.NewDefault(nil, "", pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	run := func(b *testing.B, one func(v []byte)) {
		var bytes int64
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			v := vals[i%len(vals)]
			one(v)
			bytes += int64(len(v))
		}
		secs := b.Elapsed().Seconds()
		b.ReportMetric(float64(bytes)/1e6/secs, "MB/s")
		b.ReportMetric(float64(b.N)/secs, "items/s")
	}
	b.Run("newsworker", func(b *testing.B) {
		run(b, func(v []byte) {
			rec, err := proc.Process(ctx, pipeline.Message{Value: v})
			if err == nil {
				_, _ = pipeline.MarshalRecord(&rec)
			}
		})
	})
	b.Run("baseline-json-decode-encode", func(b *testing.B) {
		run(b, func(v []byte) {
			var m any
			if json.Unmarshal(v, &m) != nil {
				m = string(v) // a plain-text value
			}
			_, _ = json.Marshal(m)
		})
	})
}

// BenchmarkPlainScan reads the dev files line by line, as the cheapest
// pass over the same bytes `newsworker tag` reads (its ratio baseline).
func BenchmarkPlainScan(b *testing.B) {
	var size int64
	files := []string{sharedtest.Path(b, "eval/reuters-dev.jsonl"), sharedtest.Path(b, "eval/bbc-dev.jsonl")}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				b.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 1<<20), 1<<24)
			n := 0
			for sc.Scan() {
				n += len(sc.Bytes())
			}
			fh.Close()
		}
	}
}
