package topics

import (
	"fmt"
	"slices"
	"unsafe"

	"github.com/newsworker/newsworker/internal/hugemem"
)

// The phrase matcher is a deterministic automaton over word classes, built
// from the phrase trie when the rules are compiled (the subset construction
// of Aho-Corasick, for words that may carry several symbols).
//
// A word's symbols are its own (when some phrase has the word) and those of
// the wildcard prefixes it starts with. Words with the same symbols form a
// class: each word of the rules is a class of its own, and a word no rule
// has falls in the class of the longest wildcard prefix it starts with (the
// shorter ones it starts with are the wildcard prefixes of that one), or in
// no class. A state is the set of phrase-trie nodes reached at the current
// word by a run of words ending there; what ends at those nodes is the
// state's output, and the depth of a node tells how many words back its
// phrase began. From the empty state, and from any state on a class that
// continues none of its nodes, a word leads to the state its symbols reach
// from the root, which its table entry carries; other moves are kept in a
// hash table. So the scan does one table probe per word, and a second only
// when a phrase may go on.

// topicState is a state of the automaton as the scan reads it, in 16
// bytes: its outputs (dends[first:first+n]) and signatures of the symbols
// on which its phrases go on (see topicSymBit; 0 when none does): from its
// first-word nodes (first), and, folded to 16 bits, from its nodes below
// the first word (deep). The first-word nodes are those of the state the
// last word reached from the root, which holds the moves they make.
type topicState struct {
	first  uint64
	dfirst uint32
	deep   uint16
	n      uint16
}

func (t *topicState) outputs() (first, n int) { return int(t.dfirst), int(t.n) }

// topicSymBit is a symbol's bit in the signatures of states and words: a
// word whose signature shares no bit with the state's cannot continue any
// of its phrases, and the scan skips the move table (most words do not
// continue what the words before them began).
func topicSymBit(sym int32) uint64 { return 1 << (uint64(uint32(sym)) * 0x9E3779B97F4A7C15 >> 58) }

// topicFold16 folds a 64-bit signature to 16 bits.
func topicFold16(sig uint64) uint16 { return uint16(sig | sig>>16 | sig>>32 | sig>>48) }

// topicAuto builds the automaton from a topicBuilder's trie.
type topicAuto struct {
	b          *topicBuilder
	edges      []topicEdge // the trie's edges, node by node (children)
	edgeStart  []int32     // by trie node: where its edges start in edges
	depth      []int32     // by trie node
	classSyms  []int32     // the classes' symbols, class by class (syms)
	classStart []int32     // by class: where its symbols start; and the end
	symClass   []int32     // the classes that have each symbol, symbol by symbol (classesOf)
	symStart   []int32     // by symbol: where its classes start; and the end
	sets       [][]int32   // by state: its trie nodes, ascending
	ids        map[string]int32
	arena      []int32     // the sets' nodes (intern)
	rootState  []int32     // by class: the state reached from the root
	trans      []topicMove // the moves kept
}

type topicEdge struct{ sym, to int32 }

// topicAutoMaxStates bounds the automaton, and the memory its construction
// takes, well below what the move table can address (topicMaxStates). The
// built-in rules need about 49,000 states.
const topicAutoMaxStates = 1 << 20

// automaton builds the classes, the states and their moves, and fills the
// scorer's word tables, states and outputs. nodeEnds are the outputs of
// each trie node.
func (b *topicBuilder) automaton(s *Scorer, nodeEnds [][]topicEnd) error {
	// The built-in rules make about as many states and kept moves as trie
	// nodes: room for that many up front spares the maps' growth.
	n := len(b.pouts)
	a := &topicAuto{b: b, ids: make(map[string]int32, n), sets: make([][]int32, 1, n), trans: make([]topicMove, 0, n)}
	a.ids[""] = 0
	a.trie()
	exactKeys, wildKeys := b.exactOrder, b.wildOrder
	a.classStart = make([]int32, 1, len(exactKeys)+len(wildKeys)+1) // class 0 starts at 0
	a.classSyms = make([]int32, 0, 2*(len(exactKeys)+len(wildKeys)))
	exactClass := make(map[uint64]int32, len(exactKeys))
	for _, h := range exactKeys {
		a.classSyms = append(b.prefixSyms(a.classSyms, b.words[h]), b.exact[h])
		exactClass[h] = a.class()
	}
	wildClass := make(map[uint64]int32, len(wildKeys))
	for _, h := range wildKeys {
		a.classSyms = b.prefixSyms(a.classSyms, b.prefixes[h])
		wildClass[h] = a.class()
	}
	if a.nClasses() >= topicMaxClasses {
		return fmt.Errorf("topic rules: %d distinct words and wildcard prefixes, at most %d", a.nClasses(), topicMaxClasses-1)
	}
	// Each symbol's classes, ascending.
	a.symStart, a.symClass = grouped(int(b.nSymbols), func(yield func(int32, int32) bool) {
		for c := range a.nClasses() {
			for _, sym := range a.syms(int32(c)) {
				if !yield(sym, int32(c)) {
					return
				}
			}
		}
	})
	if err := a.states(); err != nil {
		return err
	}
	// The scan's tables share huge pages (package hugemem).
	ar := new(hugemem.Arena)
	s.sigs = hugemem.Make[uint64](ar, a.nClasses())
	for c := range a.nClasses() {
		for _, sym := range a.syms(int32(c)) {
			s.sigs[c] |= topicSymBit(sym)
		}
	}
	slot := func(c int32) topicSlot { return topicSlot{class: c, state: a.rootState[c]} }
	s.words = newTopicTable(ar, exactKeys, func(h uint64) topicSlot { return slot(exactClass[h]) })
	s.wild = newTopicTable(ar, wildKeys, func(h uint64) topicSlot { return slot(wildClass[h]) })
	s.trans = newTopicMoves(ar, a.trans)
	// Outputs: each state's nodes' phrases, longest first, so that the
	// hits come out nearly in document order.
	s.states = hugemem.Make[topicState](ar, len(a.sets))
	total := 0 // the outputs of every state, counted first: dends is sized once
	for _, set := range a.sets {
		for _, n := range set {
			total += len(nodeEnds[n])
		}
	}
	s.dends = hugemem.Make[topicEnd](ar, total)[:0]
	var nodes []int32
	for x, set := range a.sets {
		nodes = append(nodes[:0], set...)
		slices.SortStableFunc(nodes, func(p, q int32) int { return int(a.depth[q] - a.depth[p]) })
		first := len(s.dends)
		for _, n := range nodes {
			s.dends = append(s.dends, nodeEnds[n]...)
			for _, e := range a.children(n) {
				if a.depth[n] > 1 {
					s.states[x].deep |= topicFold16(topicSymBit(e.sym))
				} else {
					s.states[x].first |= topicSymBit(e.sym)
				}
			}
		}
		n := len(s.dends) - first
		if first >= 1<<32 || n >= 1<<16 {
			return fmt.Errorf("topic rules: %d phrases end together, at most %d", n, 1<<16-1)
		}
		s.states[x].dfirst, s.states[x].n = uint32(first), uint16(n)
	}
	return nil
}

// deep returns the nodes of state x below the first word, or all of them
// when every node is a first word's.
func (a *topicAuto) deep(dst []int32, x int32) []int32 {
	for _, n := range a.sets[x] {
		if a.depth[n] > 1 {
			dst = append(dst, n)
		}
	}
	if len(dst) == 0 {
		return append(dst, a.sets[x]...)
	}
	return dst
}

// intern returns the state of a set of trie nodes, adding it when new.
func (a *topicAuto) intern(nodes []int32) int32 {
	slices.Sort(nodes)
	nodes = slices.Compact(nodes)
	if len(nodes) == 0 {
		return 0
	}
	key := unsafe.String((*byte)(unsafe.Pointer(&nodes[0])), 4*len(nodes))
	if id, ok := a.ids[key]; ok {
		return id
	}
	id := int32(len(a.sets))
	// The sets are kept one after another in an arena, which a new block
	// replaces when full: a set is never written after it is added, so the
	// map key that views it stays valid (and keeps its block alive).
	if cap(a.arena)-len(a.arena) < len(nodes) {
		a.arena = make([]int32, 0, max(1<<16, 2*len(nodes)))
	}
	at := len(a.arena)
	a.arena = append(a.arena, nodes...)
	set := a.arena[at:len(a.arena):len(a.arena)]
	a.ids[unsafe.String((*byte)(unsafe.Pointer(&set[0])), 4*len(set))] = id
	a.sets = append(a.sets, set)
	return id
}

// states runs the subset construction from the states the classes reach
// from the root. A move is kept only where some node of the state goes on,
// and, for a state with deeper nodes, only where one of those does.
func (a *topicAuto) states() error {
	a.rootState = make([]int32, a.nClasses())
	var buf []int32
	for c := range a.nClasses() {
		buf = buf[:0]
		for _, sym := range a.syms(int32(c)) {
			if to, ok := a.b.pedges[uint64(sym)]; ok { // node 0 is the root
				buf = append(buf, to)
			}
		}
		a.rootState[c] = a.intern(buf)
	}
	stamp := make([]int32, a.nClasses())
	var cands, deep []int32
	for x := int32(1); int(x) < len(a.sets); x++ {
		// A state's first-word nodes are those the last word reached from
		// the root: a state of their own, whose moves the scan tries next.
		// So keep only the moves on which a deeper node goes on.
		deep, cands = a.deep(deep[:0], x), cands[:0]
		for _, n := range deep {
			for _, e := range a.children(n) {
				for _, c := range a.classesOf(e.sym) {
					if stamp[c] != x {
						stamp[c] = x
						cands = append(cands, c)
					}
				}
			}
		}
		for _, c := range cands {
			buf = append(buf[:0], a.sets[a.rootState[c]]...)
			for _, n := range a.sets[x] {
				for _, e := range a.children(n) {
					if slices.Contains(a.syms(c), e.sym) {
						buf = append(buf, e.to)
					}
				}
			}
			a.trans = append(a.trans, topicMove{topicMoveKey(x, c), a.intern(buf)})
		}
		// Rules whose phrases overlap in pathological ways are refused
		// instead of exhausting memory.
		if len(a.sets) > topicAutoMaxStates {
			return fmt.Errorf("topic rules: the phrase automaton needs more than %d states; shorten or merge overlapping phrases", topicAutoMaxStates)
		}
	}
	return nil
}
