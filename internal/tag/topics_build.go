package tag

import (
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strings"
)

// topicBuilder holds the phrase trie while rules are added; freeze
// flattens it into the scorer's arrays.
type topicBuilder struct {
	symbols  map[string]int32  // "w:word" or "p:prefix" → symbol
	exact    map[uint64]int32  // word hash → symbol
	words    map[uint64]string // word hash → word
	wild     map[uint64]int32  // prefix hash → symbol
	wildLens uint64            // bit n: some prefix is n bytes long
	starts   topicStarts
	pedges   map[uint64]int32 // phrase trie: node<<32 | symbol → child
	pouts    [][]topicOut     // per phrase node
	nPhrases int
}

func newTopicBuilder() *topicBuilder {
	return &topicBuilder{
		symbols: make(map[string]int32),
		exact:   make(map[uint64]int32),
		words:   make(map[uint64]string),
		wild:    make(map[uint64]int32),
		pedges:  make(map[uint64]int32),
		pouts:   make([][]topicOut, 1),
	}
}

// addPhrase splits a phrase into folded words ("interest rate*" → the word
// "interest", the prefix "rate") and threads them into both tries.
// Punctuation separates words as it does in text ("d'état" is "d", "etat").
func (b *topicBuilder) addPhrase(text string, out topicOut) error {
	node, words := int32(0), 0
	for _, chunk := range strings.Fields(text) {
		bare, wild := strings.CutSuffix(chunk, "*")
		parts := topicWords(bare)
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
				b.pouts = append(b.pouts, nil)
			}
			node = child
			words++
		}
	}
	if words == 0 {
		return fmt.Errorf("phrase %q has no words", text)
	}
	out.words = int8(min(words, 127))
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
	key := "w:" + word
	if wild {
		key = "p:" + word
	}
	if sym, ok := b.symbols[key]; ok {
		return sym, nil
	}
	sym := int32(len(b.symbols))
	h := keyBytes(word) // a word: its token key (the word is folded already)
	if wild {
		h = fnvOffset // a prefix: FNV-1a over its bytes, which the scan computes byte by byte
		for i := 0; i < len(word); i++ {
			h = (h ^ uint64(word[i])) * fnvPrime
		}
	}
	if h == 0 {
		return 0, fmt.Errorf("word %q hashes to zero", word) // never seen; the table needs 0 free
	}
	if wild {
		if len(word) > 63 {
			return 0, fmt.Errorf("wildcard prefix %q is too long", word)
		}
		b.wild[h], b.wildLens = sym, b.wildLens|1<<len(word)
		b.starts.add(word)
	} else {
		b.exact[h], b.words[h] = sym, word
	}
	b.symbols[key] = sym
	return sym, nil
}

// Words are found by the key the tokenizer gives them (see keys.go); a
// wildcard prefix by FNV-1a over its folded bytes, which the scan computes
// byte by byte for words no rule has, up to the longest prefix. Two bloom
// filters keep the scan out of the big tables: one over the prefix hashes,
// one over the phrase-trie edges (a partial match meets a word that does
// not continue it about nine times in ten).
const (
	topicBloomBits = 1 << 19
	topicEdgeBits  = 1 << 19
)

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

// topicEdgeHash places a phrase-trie edge in the edge bloom filter.
func topicEdgeHash(node, sym int32) uint64 {
	return (uint64(uint32(node))<<32 | uint64(uint32(sym))) * 0x9E3779B97F4A7C15 >> (64 - 19)
}

// topicRef is a phrase-trie node as the scan needs it, in one word: the
// node's header cell (bits 0-23, for its edges), the phrases that end there (ends[first:
// first+n], first in bits 24-47 and n in bits 48-62) and whether longer
// phrases go on from it (bit 63). 0 is no node.
type topicRef uint64

const (
	topicMaxNodes = 1 << 24
	topicMaxEnds  = 1 << 24
	topicMaxAtEnd = 1 << 15
)

func (r topicRef) node() int32 { return int32(r & (1<<24 - 1)) }
func (r topicRef) more() bool  { return r>>63 != 0 }
func (r topicRef) ends() (first, n int) {
	return int(r >> 24 & (1<<24 - 1)), int(r >> 48 & (1<<15 - 1))
}

// freeze flattens the phrase trie into nodes with contiguous sorted edges
// (far fewer cache misses than a map) and builds the word tables: each
// entry carries its symbol and the root's edge on it, since nearly every
// token starts there.
func (b *topicBuilder) freeze(s *topicScorer) error {
	if len(b.pouts) >= topicMaxNodes {
		return fmt.Errorf("topic rules: %d phrase-trie nodes, at most %d", len(b.pouts), topicMaxNodes-1)
	}
	s.nPhrases = b.nPhrases
	first := make([]int, len(b.pouts))
	windex := map[float64]uint16{}
	for i, outs := range b.pouts {
		if len(outs) >= topicMaxAtEnd {
			return fmt.Errorf("topic rules: %d rules share one phrase, at most %d", len(outs), topicMaxAtEnd-1)
		}
		first[i] = len(s.ends)
		for _, o := range outs {
			w, ok := windex[o.weight]
			if !ok {
				if len(s.weights) == 1<<16 {
					return fmt.Errorf("topic rules: more than %d distinct phrase weights", 1<<16)
				}
				w = uint16(len(s.weights))
				windex[o.weight], s.weights = w, append(s.weights, o.weight)
			}
			s.ends = append(s.ends, topicEnd{topic: o.topic, phrase: o.phrase, weight: w, words: o.words, negative: o.negative})
		}
	}
	if len(s.ends) >= topicMaxEnds {
		return fmt.Errorf("topic rules: %d phrases, at most %d", len(s.ends), topicMaxEnds-1)
	}
	// Lay out each node below the root as a header cell (its edge count)
	// followed by its edges, so that following an edge reads one place.
	keys := slices.Sorted(maps.Keys(b.pedges)) // by node, then symbol
	count := make([]int32, len(b.pouts))
	for _, k := range keys {
		count[k>>32]++
	}
	at := make([]int32, len(b.pouts))    // header cell of a node with edges below the root
	s.cells = make([]topicPhraseEdge, 1) // cell 0: never a node
	for n, c := range count {
		if n > 0 && c > 0 {
			at[n] = int32(len(s.cells))
			s.cells = append(s.cells, topicPhraseEdge{sym: c})
			s.cells = append(s.cells, make([]topicPhraseEdge, c)...)
		}
	}
	if len(s.cells) >= topicMaxNodes {
		return fmt.Errorf("topic rules: %d phrase-trie cells, at most %d", len(s.cells), topicMaxNodes-1)
	}
	ref := func(n int32) topicRef {
		r := topicRef(at[n]) | topicRef(first[n])<<24 | topicRef(len(b.pouts[n]))<<48
		if count[n] > 0 {
			r |= 1 << 63
		}
		return r
	}
	root := make([]topicRef, len(b.symbols))
	cont := make([]bool, len(b.symbols))
	s.ebloom = make([]uint64, topicEdgeBits/64)
	next := slices.Clone(at)
	for _, k := range keys {
		from, sym, to := int32(k>>32), int32(uint32(k)), b.pedges[k]
		if from == 0 {
			root[sym] = ref(to)
			continue
		}
		next[from]++
		s.cells[next[from]] = topicPhraseEdge{sym: sym, to: ref(to)}
		cont[sym] = true
		e := topicEdgeHash(at[from], sym)
		s.ebloom[e/64] |= 1 << (e % 64)
	}
	symOf := func(sym int32) topicSym {
		t := topicSym{root: root[sym], id: sym}
		if cont[sym] {
			t.id |= topicCont
		}
		return t
	}
	s.wild, s.wildLens, s.starts = newTopicTable(b.wild, symOf, nil), b.wildLens, b.starts
	var err error
	s.exact = newTopicTable(b.exact, symOf, func(h uint64) uint32 {
		// A word of the rules carries the symbols of the wildcard prefixes
		// it starts with, so that the scan looks a known word up once.
		first, w := len(s.extras), b.words[h]
		for n, ph := 1, fnvOffset; n <= len(w); n++ {
			ph = (ph ^ uint64(w[n-1])) * fnvPrime
			if sym, ok := b.wild[ph]; ok && n < 64 && b.wildLens&(1<<n) != 0 {
				s.extras = append(s.extras, symOf(sym))
			}
		}
		if n := len(s.extras) - first; first >= 1<<24 || n > 255 {
			err = fmt.Errorf("topic rules: too many wildcard prefixes")
		}
		return uint32(first)<<8 | uint32(len(s.extras)-first)
	})
	s.wildMax = bits.Len64(b.wildLens) - 1
	s.bloom = make([]uint64, topicBloomBits/64)
	for h := range b.wild {
		s.bloom[(h%topicBloomBits)/64] |= 1 << (h % 64)
	}
	return err
}

// phraseNext follows the phrase-trie edge on symbol sym from the node whose
// header is cell n (never the root, whose edges come with the word); ok is
// false when there is none.
func (s *topicScorer) phraseNext(n, sym int32) (topicRef, bool) {
	if e := topicEdgeHash(n, sym); s.ebloom[e/64]&(1<<(e%64)) == 0 {
		return 0, false
	}
	es := s.cells[n+1 : n+1+s.cells[n].sym]
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].sym < sym {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].sym == sym {
		return es[lo].to, true
	}
	return 0, false
}

// topicSym is a word's (or a prefix's) symbol and the root's edge on it.
type topicSym struct {
	root topicRef // 0: no phrase starts with it
	id   int32    // the symbol, with topicCont
	ext  uint32   // in exact: extras[ext>>8 : ext>>8+ext&255], the word's wildcard prefixes, shortest first
}

// topicCont marks a symbol that some phrase has after its first word.
const topicCont = 1 << 30

func (t topicSym) sym() int32 { return t.id &^ topicCont }
func (t topicSym) cont() bool { return t.id&topicCont != 0 }
func (t topicSym) extras() (int, int) {
	return int(t.ext >> 8), int(t.ext>>8) + int(t.ext&255)
}

// topicTable maps word hashes to symbols by open addressing, key and value
// side by side in 24 bytes: the scan probes it once per word.
type topicTable struct {
	slots []topicSlot
	mask  uint64
}

type topicSlot struct {
	key uint64 // 0: empty
	topicSym
}

func newTopicTable(m map[uint64]int32, symOf func(int32) topicSym, extras func(uint64) uint32) topicTable {
	size := uint64(16)
	for size*3 < uint64(4*len(m)) {
		size *= 2
	}
	t := topicTable{slots: make([]topicSlot, size), mask: size - 1}
	for _, k := range slices.Sorted(maps.Keys(m)) { // the same layout on every start
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = topicSlot{key: k, topicSym: symOf(m[k])}
		if extras != nil {
			t.slots[i].ext = extras(k)
		}
	}
	return t
}

func (t *topicTable) get(k uint64) (*topicSlot, bool) {
	for i := k & t.mask; t.slots[i].key != 0; i = (i + 1) & t.mask {
		if t.slots[i].key == k {
			return &t.slots[i], true
		}
	}
	return nil, false
}

// topicWords splits text into folded words as the tokenizer reads them:
// runs of letters and digits, folded by foldRune.
func topicWords(text string) []string {
	var words []string
	var w strings.Builder
	for _, r := range text {
		if isWordRune(r) {
			w.WriteRune(foldRune(r))
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
