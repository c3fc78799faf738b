package tag

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// topicBuilder holds the phrase trie while rules are added; freeze
// flattens it into the scorer's arrays.
type topicBuilder struct {
	symbols  map[string]int32 // "w:word" or "p:prefix" → symbol
	exact    map[uint64]int32 // word hash → symbol
	wild     map[uint64]int32 // prefix hash → symbol
	wildLens uint64           // bit n: some prefix is n bytes long
	pedges   map[uint64]int32 // phrase trie: node<<32 | symbol → child
	pouts    [][]topicOut     // per phrase node
	nPhrases int
}

func newTopicBuilder() *topicBuilder {
	return &topicBuilder{
		symbols: make(map[string]int32),
		exact:   make(map[uint64]int32),
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
	h := uint64(topicHashSeed)
	for i := 0; i < len(word); i++ {
		h = topicHash(h, word[i])
	}
	if h == 0 {
		return 0, fmt.Errorf("word %q hashes to zero", word) // never seen; the table needs 0 free
	}
	if wild {
		if len(word) > 63 {
			return 0, fmt.Errorf("wildcard prefix %q is too long", word)
		}
		b.wild[h], b.wildLens = sym, b.wildLens|1<<len(word)
	} else {
		b.exact[h] = sym
	}
	b.symbols[key] = sym
	return sym, nil
}

// FNV-1a over folded bytes: cheap enough to run on every byte of the text.
const (
	topicHashSeed  = 14695981039346656037
	topicHashPrime = 1099511628211
	topicBloomBits = 1 << 19
)

func topicHash(h uint64, c byte) uint64 { return (h ^ uint64(c)) * topicHashPrime }

// freeze hands the word tables to the scorer, with a bloom filter over the
// prefix hashes so that the scan probes the prefix table only when a
// prefix may match, and flattens the phrase trie into nodes with
// contiguous sorted edges (far fewer cache misses than a map); the root's
// edges get a dense table since nearly every token starts there.
func (b *topicBuilder) freeze(s *topicScorer) {
	s.exact, s.wild, s.wildLens = newTopicTable(b.exact), newTopicTable(b.wild), b.wildLens
	s.bloom = make([]uint64, topicBloomBits/64)
	for h := range b.wild {
		s.bloom[(h%topicBloomBits)/64] |= 1 << (h % 64)
	}
	s.nPhrases = b.nPhrases
	s.proot = make([]int32, len(b.symbols))
	s.pnodes = make([]topicPhraseNode, len(b.pouts))
	for i, outs := range b.pouts {
		s.pnodes[i].outFirst, s.pnodes[i].outN = int32(len(s.outs)), int32(len(outs))
		s.outs = append(s.outs, outs...)
	}
	keys := make([]uint64, 0, len(b.pedges))
	for k := range b.pedges {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by node, then symbol
	s.pedges = make([]topicPhraseEdge, len(keys))
	s.cont = make([]bool, len(b.symbols))
	for i, k := range keys {
		from, sym := int32(k>>32), int32(uint32(k))
		s.pedges[i] = topicPhraseEdge{sym: sym, to: b.pedges[k]}
		if from == 0 {
			s.proot[sym] = b.pedges[k]
		} else {
			s.cont[sym] = true
		}
		if s.pnodes[from].n == 0 {
			s.pnodes[from].first = int32(i)
		}
		s.pnodes[from].n++
	}
}

// phraseNext follows the phrase-trie edge on symbol sym from node n; 0 is
// none (the root is never a child).
func (s *topicScorer) phraseNext(n, sym int32) int32 {
	if n == 0 {
		return s.proot[sym]
	}
	nd := s.pnodes[n]
	es := s.pedges[nd.first : nd.first+nd.n]
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
		return es[lo].to
	}
	return 0
}

// topicTable maps word hashes to symbols by open addressing: the scan probes
// it once per token, and it is smaller and quicker than a map for that.
type topicTable struct {
	keys []uint64 // 0: empty
	vals []int32
	mask uint64
}

func newTopicTable(m map[uint64]int32) topicTable {
	size := uint64(16)
	for size < uint64(2*len(m)) {
		size *= 2
	}
	t := topicTable{keys: make([]uint64, size), vals: make([]int32, size), mask: size - 1}
	for k, v := range m {
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *topicTable) get(k uint64) (int32, bool) {
	for i := k & t.mask; t.keys[i] != 0; i = (i + 1) & t.mask {
		if t.keys[i] == k {
			return t.vals[i], true
		}
	}
	return 0, false
}

// topicLatin folds U+00C0..U+00FF to an ASCII base letter; '-' means no
// ASCII form (æ, ß, þ) or not a letter.
const topicLatin = "aaaaaa-ceeeeiiiidnooooo-ouuuuy--" + "aaaaaa-ceeeeiiiidnooooo-ouuuuy-y"

// topicFold returns the folded form of a rune and whether it belongs to a
// word. Words are runs of letters and digits; everything else separates
// them.
func topicFold(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r, true
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A', true
		}
		return r, false
	}
	if r >= 0xC0 && r <= 0xFF && topicLatin[r-0xC0] != '-' {
		return rune(topicLatin[r-0xC0]), true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r), true
	}
	return r, false
}

// topicWords splits text into folded words, as the scan reads them.
func topicWords(text string) []string {
	var words []string
	var w strings.Builder
	for _, r := range text {
		if f, ok := topicFold(r); ok {
			w.WriteRune(f)
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
