package topics

import (
	"iter"
	"slices"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// The automaton's builder keeps its one-to-many tables (a trie node's
// edges, a class's symbols, a symbol's classes) flat: one slice of
// values and one of offsets, instead of a slice per node, class or symbol,
// so that building them allocates a few times rather than once per entry.

// grouped lays out the pairs (key, value) that pairs yields, for keys in
// [0, keys), value by value grouped by key: the values of key k are
// vals[start[k]:start[k+1]], in the order pairs yields them. pairs is
// read twice, to count and then to fill.
func grouped[V any](keys int, pairs iter.Seq2[int32, V]) (start []int32, vals []V) {
	start = make([]int32, keys+1)
	for k := range pairs {
		start[k+1]++
	}
	for i := 1; i <= keys; i++ {
		start[i] += start[i-1]
	}
	vals = make([]V, start[keys])
	next := slices.Clone(start[:keys])
	for k, v := range pairs {
		vals[next[k]] = v
		next[k]++
	}
	return start, vals
}

// trie lists each node's edges and depth. A child is always numbered after
// its parent, so one pass in node order gives the depths. The edges are
// kept node by node in the order they were made.
func (a *topicAuto) trie() {
	a.depth = make([]int32, len(a.b.pouts))
	for _, e := range a.b.edges {
		a.depth[e.to] = a.depth[e.from] + 1
	}
	a.edgeStart, a.edges = grouped(len(a.b.pouts), func(yield func(int32, topicEdge) bool) {
		for _, e := range a.b.edges {
			if !yield(e.from, topicEdge{e.sym, e.to}) {
				return
			}
		}
	})
}

// children returns the edges of trie node n.
func (a *topicAuto) children(n int32) []topicEdge {
	return a.edges[a.edgeStart[n]:a.edgeStart[n+1]]
}

// prefixSyms appends to dst the symbols of the wildcard prefixes that a
// folded word starts with, shortest first.
func (b *topicBuilder) prefixSyms(dst []int32, w string) []int32 {
	for n, ph := 1, tokens.FNVOffset; n <= len(w) && n < 64; n++ {
		ph = (ph ^ uint64(w[n-1])) * tokens.FNVPrime
		if sym, ok := b.wild[ph]; ok && b.wildLens&(1<<n) != 0 {
			dst = append(dst, sym)
		}
	}
	return dst
}

// class makes a class of the symbols appended to classSyms since the last
// class.
func (a *topicAuto) class() int32 {
	a.classStart = append(a.classStart, int32(len(a.classSyms)))
	return int32(len(a.classStart) - 2)
}

// classesOf returns the classes that have symbol sym, ascending.
func (a *topicAuto) classesOf(sym int32) []int32 {
	return a.symClass[a.symStart[sym]:a.symStart[sym+1]]
}

func (a *topicAuto) nClasses() int { return len(a.classStart) - 1 }

// syms returns the symbols of class c.
func (a *topicAuto) syms(c int32) []int32 { return a.classSyms[a.classStart[c]:a.classStart[c+1]] }
