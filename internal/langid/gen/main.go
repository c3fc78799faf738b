// Command gen builds the language identification table of package langid
// (internal/langid/data/ngrams.bin) from lingua-go's n-gram models
// (github.com/pemistahl/lingua-go, Apache-2.0, Peter M. Stahl): the
// conditional probabilities of the most frequent n-grams of each language,
// as quantized log-probability bonuses over a floor, keyed by a 32-bit hash.
// The same module version gives the same table, byte for byte:
//
//	go run ./internal/langid/gen -models "$(go list -m -f '{{.Dir}}' github.com/pemistahl/lingua-go)/language-models" -o internal/langid/data/ngrams.bin
//
// It must never read the langid test sentences of ../shared.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/newsworker/newsworker/internal/langid"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// params are the table's shape: how many of each order's most frequent
// n-grams each language contributes (0: all of them).
type params struct {
	top [6]int
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	dir := fs.String("models", "", "lingua-go's language-models directory")
	out := fs.String("o", "", "output file")
	var p params
	fs.IntVar(&p.top[1], "top1", 0, "unigrams per language (0: all)")
	fs.IntVar(&p.top[2], "top2", 0, "bigrams per language (0: all)")
	fs.IntVar(&p.top[3], "top3", 2000, "trigrams per language (0: all, -1: none)")
	fs.IntVar(&p.top[4], "top4", 2000, "quadrigrams per language (0: all, -1: none)")
	fs.IntVar(&p.top[5], "top5", 2000, "fivegrams per language (0: all, -1: none)")
	keep := fs.Int("keep", 7, "languages kept per n-gram")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || *out == "" {
		return fmt.Errorf("-models and -o are required")
	}
	ents, err := os.ReadDir(*dir)
	if err != nil {
		return err
	}
	var langs []lang
	for _, e := range ents {
		if e.IsDir() && len(e.Name()) == 2 {
			uni, err := readModel(*dir, e.Name(), 1)
			if err != nil {
				return err
			}
			langs = append(langs, lang{code: e.Name(), script: scriptOf(uni)})
		}
	}
	perScript := map[langid.Script]int{}
	for _, l := range langs {
		perScript[l.script]++
	}
	// Languages alone in their script are decided by it: no n-grams.
	scored := func(fn func(i int, models [6]map[string]float64)) error {
		for i, l := range langs {
			if perScript[l.script] < 2 {
				continue
			}
			models, err := readModels(*dir, l.code)
			if err != nil {
				return err
			}
			fn(i, models)
		}
		return nil
	}
	keys := map[string]bool{}
	own := make([][]gram, len(langs))
	err = scored(func(i int, models [6]map[string]float64) {
		own[i] = frequent(models, p.top)
		for _, g := range own[i] {
			keys[g.g] = true
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "gen: %d languages, %d n-grams\n", len(langs), len(keys))
	tab := newTable(langs)
	sorted := slices.Sorted(maps.Keys(keys))
	err = scored(func(i int, models [6]map[string]float64) {
		for _, g := range sorted {
			if v := suffixBonus(models, g); v > 0 {
				tab.add(langid.Key(g), uint8(i), v)
			}
		}
	})
	if err != nil {
		return err
	}
	tab.prune(*keep)
	for i, grams := range own {
		tab.langs[i].strength = tab.strength(uint8(i), grams)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	n, err := tab.write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintf(log, "gen: wrote %s: %d bytes, %d keys, %d entries\n", *out, n, len(tab.keys), tab.pairs)
	return err
}

type lang struct {
	code     string
	script   langid.Script
	strength uint16 // what the language scores per letter of its own text, ×16
}

// scriptOf is the script of a language: the one carrying most of its
// unigram probability. A language with 5% of kana is Japanese script.
func scriptOf(uni map[string]float64) langid.Script {
	var mass [64]float64
	for g, p := range uni {
		for _, r := range g {
			mass[langid.ScriptOf(r)] += p
		}
	}
	if mass[langid.ScriptKana] > 0.05 {
		return langid.ScriptKana
	}
	best := 0
	for s := range mass {
		if mass[s] > mass[best] {
			best = s
		}
	}
	return langid.Script(best)
}

func readModels(dir, code string) ([6]map[string]float64, error) {
	var ms [6]map[string]float64
	for o := 1; o <= 5; o++ {
		m, err := readModel(dir, code, o)
		if err != nil {
			return ms, err
		}
		ms[o] = m
	}
	return ms, nil
}

// gram is an n-gram of a language, its order and its frequency.
type gram struct {
	g string
	n int
	p float64
}

// frequent returns a language's most frequent n-grams of each order. The
// models hold conditional probabilities; the chain rule gives each n-gram's
// own frequency: P(abc) = P(a) P(b|a) P(c|ab).
func frequent(models [6]map[string]float64, top [6]int) []gram {
	var out []gram
	joint := map[string]float64{"": 1}
	for o := 1; o <= 5 && models[o] != nil; o++ {
		next := make(map[string]float64, len(models[o]))
		var all []gram
		for g, p := range models[o] {
			r := []rune(g)
			jp := joint[string(r[:len(r)-1])] * p
			next[g] = jp
			all = append(all, gram{g, o, jp})
		}
		joint = next
		if top[o] < 0 {
			continue
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].p != all[j].p {
				return all[i].p > all[j].p
			}
			return all[i].g < all[j].g
		})
		if top[o] > 0 && len(all) > top[o] {
			all = all[:top[o]]
		}
		out = append(out, all...)
	}
	return out
}

// The bonus of an n-gram in a language: its log-probability above a floor
// that stands for n-grams the language's model lacks, in 1/scale nats.
const (
	floorLog   = -6.9 // ln 1e-3
	bonusScale = 8
)

func bonus(p float64) int {
	return int(max(0, math.Round((math.Log(p)-floorLog)*bonusScale)))
}

// suffixBonus is the sum of the bonuses of g's suffixes, g included: what
// a language scores at the position where g ends, over every n-gram order
// up to len(g). The detector looks up the longest n-gram ending there that
// the table has, so one probe stands for every order.
func suffixBonus(models [6]map[string]float64, g string) int {
	r := []rune(g)
	sum := 0
	for n := 1; n <= len(r); n++ {
		if p, ok := models[n][string(r[len(r)-n:])]; ok {
			sum += bonus(p)
		}
	}
	return sum
}
