package tag

import (
	"fmt"
	"math/bits"
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// topicBuilder holds the phrase trie while rules are added; freeze
// compiles it into the scorer's automaton.
type topicBuilder struct {
	wordSyms map[string]int32 // word → symbol
	wildSyms map[string]int32 // wildcard prefix → symbol
	nSymbols int32
	exact    map[uint64]int32  // word hash → symbol
	words    map[uint64]string // word hash → word
	wild     map[uint64]int32  // prefix hash → symbol
	prefixes map[uint64]string // prefix hash → prefix
	wildLens uint64            // bit n: some prefix is n bytes long
	starts   topicStarts
	pedges   map[uint64]int32 // phrase trie: node<<32 | symbol → child
	edges    []topicTrieEdge  // the same, in the order they were made
	pouts    [][]topicOut     // per phrase node
	nPhrases int
	// The word and prefix hashes in the order they first came: rules are
	// added in a fixed order, so every build is the same without sorting.
	exactOrder, wildOrder []uint64
}

// topicTrieEdge is an edge of the phrase trie.
type topicTrieEdge struct{ from, sym, to int32 }

func newTopicBuilder() *topicBuilder {
	return &topicBuilder{
		wordSyms: make(map[string]int32, 1<<14),
		wildSyms: make(map[string]int32, 1<<12),
		exact:    make(map[uint64]int32),
		words:    make(map[uint64]string),
		wild:     make(map[uint64]int32),
		prefixes: make(map[uint64]string),
		pedges:   make(map[uint64]int32, 1<<15),
		pouts:    make([][]topicOut, 1, 1<<15),
	}
}

// addPhrase splits a phrase into folded words ("interest rate*" → the word
// "interest", the prefix "rate") and threads them into the phrase trie.
// Punctuation separates words as it does in text ("d'état" is "d", "etat").
func (b *topicBuilder) addPhrase(text string, out topicOut) error {
	node, words := int32(0), 0
	var buf [8]string
	for chunk := range strings.FieldsSeq(text) {
		bare, wild := strings.CutSuffix(chunk, "*")
		parts := appendTopicWords(buf[:0], bare)
		if strings.Contains(bare, "*") || (wild && len(parts) == 0) {
			return fmt.Errorf("phrase %q: bad word %q", text, chunk)
		}
		for k, w := range parts {
			sym, err := b.symbol(w, wild && k == len(parts)-1)
			if err != nil {
				return fmt.Errorf("phrase %q: %w", text, err)
			}
			key := uint64(node)<<32 | uint64(sym)
			child, ok := b.pedges[key]
			if !ok {
				child = int32(len(b.pouts))
				b.pedges[key] = child
				b.edges = append(b.edges, topicTrieEdge{node, sym, child})
				b.pouts = append(b.pouts, nil)
			}
			node = child
			words++
		}
	}
	if words == 0 {
		return fmt.Errorf("phrase %q has no words", text)
	}
	if words > topicMaxWords {
		return fmt.Errorf("phrase %q has %d words, at most %d", text, words, topicMaxWords)
	}
	out.words = int8(words)
	if !out.negative {
		out.phrase = int32(b.nPhrases)
		b.nPhrases++
	}
	b.pouts[node] = append(b.pouts[node], out)
	return nil
}

// symbol returns the symbol of a folded word or wildcard prefix. Words are
// found by a hash of their folded bytes, computed by the scan as it reads
// them; a prefix longer than 63 bytes cannot be found and is rejected.
func (b *topicBuilder) symbol(word string, wild bool) (int32, error) {
	syms := b.wordSyms
	if wild {
		syms = b.wildSyms
	}
	if sym, ok := syms[word]; ok {
		return sym, nil
	}
	sym := b.nSymbols
	h := tokens.KeyBytes(word) // a word: its token key (the word is folded already)
	if wild {
		h = tokens.FNVOffset // a prefix: FNV-1a over its bytes, which the scan computes byte by byte
		for i := 0; i < len(word); i++ {
			h = (h ^ uint64(word[i])) * tokens.FNVPrime
		}
	}
	if h == 0 {
		return 0, fmt.Errorf("word %q hashes to zero", word) // never seen; the table needs 0 free
	}
	if wild {
		if len(word) > 63 {
			return 0, fmt.Errorf("wildcard prefix %q is too long", word)
		}
		if _, dup := b.wild[h]; !dup {
			b.wildOrder = append(b.wildOrder, h)
		}
		b.wild[h], b.prefixes[h], b.wildLens = sym, word, b.wildLens|1<<len(word)
		b.starts.add(word)
	} else {
		if _, dup := b.exact[h]; !dup {
			b.exactOrder = append(b.exactOrder, h)
		}
		b.exact[h], b.words[h] = sym, word
	}
	syms[word] = sym
	b.nSymbols++
	return sym, nil
}

// topicStarts holds the first bytes of the wildcard prefixes that begin
// with ASCII letters or digits, as exact bit sets indexed in base 36: the
// one- and two-byte prefixes, and the first three bytes of the longer ones
// (46,656 bits). A word no rule has is hashed further only when its first
// three bytes begin some prefix, which few do.
type topicStarts struct {
	one, two, three []uint64
}

func (t *topicStarts) add(prefix string) {
	if t.three == nil {
		t.one, t.two, t.three = make([]uint64, 1), make([]uint64, (36*36+63)/64), make([]uint64, (36*36*36+63)/64)
	}
	idx := 0
	for i := 0; i < len(prefix) && i < 3; i++ {
		x, ok := topicAlnum(prefix[i])
		if !ok {
			return // only words with the same non-ASCII bytes match it: they take the slow path
		}
		idx = idx*36 + x
	}
	switch len(prefix) {
	case 1:
		t.one[idx/64] |= 1 << (idx % 64)
	case 2:
		t.two[idx/64] |= 1 << (idx % 64)
	default:
		t.three[idx/64] |= 1 << (idx % 64)
	}
}

func topicHas(set []uint64, idx int) bool { return set[idx/64]&(1<<(idx%64)) != 0 }

// topicAlnum maps an ASCII letter (either case) or digit to 0-35.
func topicAlnum(c byte) (int, bool) {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10, true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	}
	return 0, false
}

// freeze builds the automaton (see topics_auto.go) and the phrase weights.
func (b *topicBuilder) freeze(s *topicScorer) error {
	s.nPhrases = b.nPhrases
	nodeEnds := make([][]topicEnd, len(b.pouts))
	windex := map[float64]uint16{}
	for i, outs := range b.pouts {
		for _, o := range outs {
			w, ok := windex[o.weight]
			if !ok {
				if len(s.weights) == 1<<16 {
					return fmt.Errorf("topic rules: more than %d distinct phrase weights", 1<<16)
				}
				w = uint16(len(s.weights))
				windex[o.weight], s.weights = w, append(s.weights, o.weight)
			}
			nodeEnds[i] = append(nodeEnds[i], topicEnd{topic: o.topic, phrase: o.phrase, weight: w, words: o.words, negative: o.negative})
		}
	}
	if err := b.automaton(s, nodeEnds); err != nil {
		return err
	}
	s.wildLens, s.starts = b.wildLens, b.starts
	s.wildMax = bits.Len64(b.wildLens) - 1
	return nil
}

// topicTable maps word hashes to their class and the state they reach from
// the root, by open addressing in 16-byte slots: the scan probes it once per
// word. Words are found by the key the tokenizer gives them (see package tokens); a
// wildcard prefix by FNV-1a over its folded bytes, which the scan computes
// byte by byte for words no rule has, up to the longest prefix.
type topicTable struct {
	slots []topicSlot
	mask  uint64
	has   []uint64 // a bit set over the keys (topicHasBit): most absent words stop there
}

const topicHasBits = 1 << 18

func topicHasBit(k uint64) uint64 { return k >> 24 & (topicHasBits - 1) }

type topicSlot struct {
	key          uint64 // 0: empty
	class, state int32
}

func newTopicTable(keys []uint64, val func(uint64) topicSlot) topicTable {
	size := uint64(16)
	for size < uint64(2*len(keys)) { // at most half full: a word no rule has probes about 2.5 slots
		size *= 2
	}
	t := topicTable{slots: make([]topicSlot, size), mask: size - 1, has: make([]uint64, topicHasBits/64)}
	for _, k := range keys { // in a fixed order: the same layout on every start
		b := topicHasBit(k)
		t.has[b/64] |= 1 << (b % 64)
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = val(k)
		t.slots[i].key = k
	}
	return t
}

func (t *topicTable) get(k uint64) (*topicSlot, bool) {
	if b := topicHasBit(k); t.has[b/64]&(1<<(b%64)) == 0 {
		return nil, false
	}
	for i := k & t.mask; t.slots[i].key != 0; i = (i + 1) & t.mask {
		if t.slots[i].key == k {
			return &t.slots[i], true
		}
	}
	return nil, false
}

// topicMoves holds the automaton's moves that do not start afresh from the
// root, by open addressing in 8-byte slots: the state (bits 42-63), the
// class (bits 22-41) and the state moved to (bits 0-21). 0 is empty: state
// 0 has no moves here.
type topicMoves struct {
	slots []uint64
	shift uint
	mask  uint64
}

const (
	topicMaxStates  = 1 << 22
	topicMaxClasses = 1 << 20
)

func topicMoveHash(k uint64, shift uint) uint64 { return k * 0x9E3779B97F4A7C15 >> shift }

// topicMoveKey is a move's key: its state and the class it moves on.
func topicMoveKey(state, class int32) uint64 { return uint64(state)<<20 | uint64(class) }

// newTopicMoves takes the moves by topicMoveKey.
func newTopicMoves(moves []topicMove) topicMoves {
	size, shift := uint64(16), uint(60)
	for size*3 < uint64(4*len(moves)) { // up to 3/4 full: eight slots share a cache line
		size, shift = size*2, shift-1
	}
	t := topicMoves{slots: make([]uint64, size), shift: shift, mask: size - 1}
	for _, m := range moves { // in the order they were made, the same on every start
		i := topicMoveHash(m.key, shift)
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = m.key<<22 | uint64(m.to)
	}
	return t
}

// topicMove is a move of the automaton as it is built: topicMoveKey and
// the state it leads to. Each is made once.
type topicMove struct {
	key uint64
	to  int32
}

func (t *topicMoves) get(key uint64) (int32, bool) {
	for i := topicMoveHash(key, t.shift); t.slots[i] != 0; i = (i + 1) & t.mask {
		if t.slots[i]>>22 == key {
			return int32(t.slots[i] & (topicMaxStates - 1)), true
		}
	}
	return 0, false
}

// topicWords splits text into folded words as the tokenizer reads them:
// runs of letters and digits, folded by tokens.FoldRune.
func topicWords(text string) []string { return appendTopicWords(nil, text) }

// appendTopicWords appends the folded words of text to words.
func appendTopicWords(words []string, text string) []string {
	if w, ok := plainWord(text); ok {
		return append(words, w)
	}
	var w strings.Builder
	for _, r := range text {
		if tokens.IsWordRune(r) {
			w.WriteRune(tokens.FoldRune(r))
			continue
		}
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	if w.Len() > 0 {
		words = append(words, w.String())
	}
	return words
}

// plainWord returns text itself when it is one word that folds to itself
// (lower-case ASCII letters and digits), which most phrase words are.
func plainWord(text string) (string, bool) {
	for i := 0; i < len(text); i++ {
		if c := text[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "", false
		}
	}
	return text, text != ""
}
