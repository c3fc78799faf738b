package topics

import (
	"fmt"
	"math/bits"
	"slices"
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

// freeze builds the automaton (see auto.go) and the phrase weights.
func (b *topicBuilder) freeze(s *Scorer) error {
	s.nPhrases = b.nPhrases
	nodeEnds := make([][]topicEnd, len(b.pouts))
	windex := map[float64]uint16{}
	sets := map[string]int32{}
	var negTopics []int32
	for i, outs := range b.pouts {
		negTopics, negWords := negTopics[:0], int8(0)
		for _, o := range outs {
			if o.negative {
				negTopics, negWords = append(negTopics, o.topic), o.words
				continue
			}
			w, ok := windex[o.weight]
			if !ok {
				if len(s.weights) == 1<<16 {
					return fmt.Errorf("topic rules: more than %d distinct phrase weights", 1<<16)
				}
				w = uint16(len(s.weights))
				windex[o.weight], s.weights = w, append(s.weights, o.weight)
			}
			nodeEnds[i] = append(nodeEnds[i], topicEnd{topic: o.topic, phrase: o.phrase, weight: w, words: o.words})
		}
		// The negatives ending at a node become one output, their set of
		// concepts: a word such as "mln" is a negative of dozens of
		// concepts, and is read many times an item.
		if len(negTopics) > 0 {
			slices.Sort(negTopics)
			negTopics = slices.Compact(negTopics)
			key := fmt.Sprint(negTopics)
			set, ok := sets[key]
			if !ok {
				set = int32(len(s.negSets))
				sets[key], s.negSets = set, append(s.negSets, slices.Clone(negTopics))
			}
			nodeEnds[i] = append(nodeEnds[i], topicEnd{topic: set, words: negWords, negative: true})
		}
	}
	if err := b.automaton(s, nodeEnds); err != nil {
		return err
	}
	s.wildLens, s.starts = b.wildLens, b.starts
	s.wildMax = bits.Len64(b.wildLens) - 1
	return nil
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
