package main

import (
	"encoding/binary"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/newsworker/newsworker/internal/langid"
)

// table collects the entries of each key: the languages whose score the
// n-gram raises, and by how much. Two n-grams whose keys collide share one
// entry list, keeping the larger value of a language.
type table struct {
	langs []lang
	keys  map[uint32][]entry
	pairs int
}

type entry struct {
	lang  uint8
	value int
}

// maxValue is the largest value an entry holds: one byte in the file.
const maxValue = 255

func newTable(langs []lang) *table {
	return &table{langs: langs, keys: map[uint32][]entry{}}
}

func (t *table) add(key uint32, lang uint8, value int) {
	es := t.keys[key]
	for i := range es {
		if es[i].lang == lang {
			es[i].value = max(es[i].value, value)
			return
		}
	}
	t.keys[key] = append(es, entry{lang, value})
}

// prune keeps each key's keep best languages, with their value over the
// best of the rest: adding the same to every language changes no decision,
// only the order among a key's best languages counts towards one, and the
// work per key shrinks from all of a script's languages to keep.
func (t *table) prune(keep int) {
	t.pairs = 0
	for k, es := range t.keys {
		slices.SortFunc(es, func(a, b entry) int {
			if a.value != b.value {
				return int(b.value) - int(a.value)
			}
			return int(a.lang) - int(b.lang)
		})
		base := 0
		if len(es) > keep {
			base, es = es[keep].value, es[:keep]
		}
		var out []entry
		for _, e := range es {
			if e.value > base {
				out = append(out, entry{e.lang, min(maxValue, e.value-base)})
			}
		}
		if len(out) == 0 {
			delete(t.keys, k)
			continue
		}
		slices.SortFunc(out, func(a, b entry) int { return int(a.lang) - int(b.lang) })
		t.keys[k] = out
		t.pairs += len(out)
	}
}

// strength estimates what a language scores per letter of its own text:
// for each n-gram order, the average of its value over the language's
// frequent n-grams weighted by their frequency; then the mean over the
// orders (a word's first letters are scored by the lower orders). The
// detector doubts a decision whose score falls far below it.
func (t *table) strength(lang uint8, grams []gram) uint16 {
	var sum, weight [6]float64
	for _, g := range grams {
		for _, e := range t.keys[langid.Key(g.g)] {
			if e.lang == lang {
				sum[g.n] += g.p * float64(e.value)
			}
		}
		weight[g.n] += g.p
	}
	mean, orders := 0.0, 0
	for n := range sum {
		if weight[n] > 0 {
			mean += sum[n] / weight[n]
			orders++
		}
	}
	if orders == 0 {
		return 0
	}
	return uint16(math.Round(mean / float64(orders) * 16))
}

// write writes the table in the format langid's table.go reads: "LID4",
// the languages (count; two-letter code, script and strength (uint16) each), the counts of
// keys and entries, then per key in ascending order the difference to the
// previous key (uvarint), its entry count and its entries (language index,
// value, one byte each) by language.
func (t *table) write(w io.Writer) (int, error) {
	buf := []byte("LID4")
	buf = append(buf, byte(len(t.langs)))
	for _, l := range t.langs {
		buf = append(buf, l.code[0], l.code[1], byte(l.script))
		buf = binary.LittleEndian.AppendUint16(buf, l.strength)
	}
	buf = binary.AppendUvarint(buf, uint64(len(t.keys)))
	buf = binary.AppendUvarint(buf, uint64(t.pairs))
	prev := uint32(0)
	for _, k := range slices.Sorted(maps.Keys(t.keys)) {
		es := t.keys[k]
		buf = binary.AppendUvarint(buf, uint64(k-prev))
		buf = append(buf, byte(len(es)))
		for _, e := range es {
			buf = append(buf, e.lang)
			buf = append(buf, byte(e.value))
		}
		prev = k
	}
	return w.Write(buf)
}
