package tag

import (
	"context"
	"fmt"
	"strings"
	"sort"
	"time"
	"os"
	"bufio"
	"encoding/json"
	"path/filepath"
	"testing"
	"github.com/newsworker/newsworker/internal/gazetteer"
)

func BenchmarkParts(b *testing.B) {
	g, _ := gazetteer.Builtin()
	tg, _ := New(g)
	ins := []Input{}
	for _, s := range []string{benchText} { ins = append(ins, Input{Title: "U.S. TREASURY'S BAKER SAYS DOLLAR STABLE", Text: s}) }
	b.SetBytes(int64(len(benchText)))
	b.Run("tokenize", func(b *testing.B) { var toks []token; b.SetBytes(int64(len(benchText))); for b.Loop() { toks = tokenize(toks[:0], benchText) } })
	toks := tokenize(nil, benchText)
	b.Run("scan", func(b *testing.B) { var ms []match; b.SetBytes(int64(len(benchText))); for b.Loop() { ms = tg.d.scan(ms[:0], toks, fieldText, false) } })
	b.Run("topics", func(b *testing.B) { b.SetBytes(int64(len(benchText))); for b.Loop() { tg.topics.score(context.Background(), "", benchText) } })
	b.Run("all", func(b *testing.B) { b.SetBytes(int64(len(benchText))); for b.Loop() { tg.Tag(context.Background(), ins[0]) } })
}

const benchText = "WASHINGTON, March 3 - Treasury Secretary James Baker said on Tuesday that the United States and Japan had agreed to cooperate on exchange rates, and that the Federal Reserve Board under Chairman Paul Volcker would keep interest rates steady. \n\nBaker told reporters at the White House that the dollar's fall against the yen and the mark had gone far enough. Japanese Finance Minister Kiichi Miyazawa said in Tokyo that Japan would stimulate its economy. West German officials in Bonn declined to comment, but Bundesbank President Karl Otto Poehl said last week that rates would not be cut. \n\nThe agreement comes ahead of a meeting of the Group of Seven finance ministers in Paris later this month, officials said. Analysts in New York and London said the markets would remain volatile until the trade deficit showed signs of improvement."

func TestSlowItems(t *testing.T) {
	g, _ := gazetteer.Builtin()
	tg, _ := New(g)
	ins := loadIns(t, tg)
	type r struct{ d float64; n int; i int }
	var rs []r
	tot := 0.0; totB := 0
	for i, in := range ins {
		st := time.Now()
		for k := 0; k < 20; k++ { tg.Tag(context.Background(), in) }
		d := float64(time.Since(st).Nanoseconds()) / 20
		rs = append(rs, r{d, len(in.Text), i}); tot += d; totB += len(in.Text)+len(in.Title)
	}
	sort.Slice(rs, func(a, b int) bool { return rs[a].d/float64(rs[a].n+1) > rs[b].d/float64(rs[b].n+1) })
	fmt.Printf("total %.1f MB/s over %d items\n", float64(totB)/tot*1000, len(ins))
	for _, x := range rs[:8] { fmt.Printf("%.0fns %d bytes %.1f MB/s: %.80q\n", x.d, x.n, float64(x.n)/x.d*1000, ins[x.i].Title+"|"+ins[x.i].Text) }
}

func loadIns(t *testing.T, tg *Tagger) []Input {
	var ins []Input
	for _, f := range []string{"reuters-dev.jsonl", "bbc-dev.jsonl"} {
		fh, _ := os.Open(filepath.Join("..", "..", "..", "shared", "eval", f))
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for k := 0; k < 400 && sc.Scan(); k++ {
			var c struct{ Item json.RawMessage }
			json.Unmarshal(sc.Bytes(), &c)
			var s string
			var o struct{ Title, Body string }
			if json.Unmarshal(c.Item, &s) != nil { json.Unmarshal(c.Item, &o); ins = append(ins, Input{Title: o.Title, Text: o.Body}) } else { ins = append(ins, Input{Text: s}) }
		}
	}
	return ins
}

func BenchmarkOne(b *testing.B) {
	g, _ := gazetteer.Builtin()
	tg, _ := New(g)
	var in Input
	for _, x := range loadIns(nil, tg) { if strings.HasPrefix(x.Title, os.Getenv("ONE")) { in = x; break } }
	for b.Loop() { tg.Tag(context.Background(), in) }
}
