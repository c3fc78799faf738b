package topics

import (
	"context"
	"unicode/utf8"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// topicHit is one phrase found in a field.
type topicHit struct {
	topic, phrase int32
	field         int8  // 0 title, 1 text
	words         int8  // words in the phrase
	para          int32 // the paragraph; in accumulate, once negatives are taken in, the group of overlapping hits
	start, end    int32
	c             float64 // weight × position (× repeat, once accumulated)
}

// scan reads the word tokens of one field once: it looks each word up by
// its key (or, for a word no rule has, its first bytes as wildcard
// prefixes), moves the automaton on the word's class and records the
// phrases that end there. Punctuation between words is skipped, as in the
// phrases ("d'état" is "d", "etat"). Paragraph breaks (a blank line, or a
// newline followed by an indent as in wire copy) end partial matches and
// scope the negatives.
func (s *Scorer) scan(ctx context.Context, sc *topicScratch, text string, toks []tokens.Token, field int8) error {
	sc.at = topicAt{field: field, n: len(text)}
	// state is the automaton's; root is the state the last word reached
	// from the root, which holds the moves of state's first-word nodes.
	prev, words, state, root := 0, 0, int32(0), int32(0)
	for _, tk := range toks {
		if tk.Flags&tokens.Word == 0 {
			continue
		}
		start, end := int(tk.Start), int(tk.End)
		if start-prev > 1 && topicParaBreak(text[prev:start]) {
			sc.at.para++
			state, root = 0, 0
		}
		prev = end
		sc.starts[words&topicMaxWords] = int32(start)
		w, found := s.words.get(tk.Key)
		if !found && s.wildMax > 0 {
			w = s.cachedPrefix(sc, tk.Key, text[start:end])
		}
		switch {
		case w == nil:
			state, root = 0, 0
		case s.goesOn(&s.states[state], w):
			state, root = s.move(state, root, w), w.state
		default: // most words: w goes on with no phrase of state
			state, root = w.state, w.state
		}
		if first, n := s.states[state].outputs(); n > 0 {
			s.record(sc, s.dends[first:first+n], words, int32(end))
		}
		if words++; words%topicCtxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// goesOn reports whether some phrase of state x may go on with word w,
// that is whether their signatures share a bit (an empty state has none).
// For most words they do not, and the scan then moves on one inlined test
// instead of a call to move (too big to be inlined), which would test for
// an empty state first: a second branch as hard to predict.
func (s *Scorer) goesOn(x *topicState, w *topicSlot) bool {
	sig := s.sigs[w.class]
	return x.first&sig|uint64(x.deep&topicFold16(sig)) != 0
}

// move is the automaton's move from state on word w, where goesOn says a
// phrase may go on; root is the state the word before w reached from the
// root.
func (s *Scorer) move(state, root int32, w *topicSlot) int32 {
	x := &s.states[state]
	sig := s.sigs[w.class]
	if x.deep&topicFold16(sig) != 0 {
		if to, ok := s.trans.get(topicMoveKey(state, w.class)); ok {
			return to
		}
	}
	if x.first&sig != 0 {
		if to, ok := s.trans.get(topicMoveKey(root, w.class)); ok {
			return to
		}
	}
	return w.state
}

// topicAt is where the scan stands: field, paragraph and the field's
// length.
type topicAt struct {
	field int8
	para  int32
	n     int
}

// topicParaBreak reports whether the gap between two words holds a blank
// line or a newline followed by an indent.
func topicParaBreak(gap string) bool {
	nl, indent := 0, 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			nl, indent = nl+1, 0
		case ' ', '\t':
			if nl > 0 {
				indent++
			}
		}
	}
	return nl >= 2 || (nl == 1 && indent >= 2)
}

// topicPrefixCache is the number of words whose wildcard prefix (or its
// absence) a scratch space remembers: 16 bytes each, so 64 kB, which
// stays in the second-level cache beside the scan's other tables. Read
// once through, 800 dev items have 38 such words an item; with 1,024
// slots the cache missed 19 of them, with 4,096 it misses 14, each a
// hashing of the word byte by byte that costs several times a lookup.
const topicPrefixCache = 1 << 12

// cachedPrefix is prefix for a word with the tokenizer's key k, remembered
// in a direct-mapped cache of the scratch space. It is exact: prefix
// depends only on the word's folded bytes, and k is the hash of exactly
// those bytes (package tokens), the same identity the word table trusts
// for words that rules have; the Scorer never changes after New, so an
// answer stays right for every later item. A slot holds the word's key
// and the prefix's class and root state (class -1: no prefix); key 0
// marks an empty slot, so a word whose key is 0 is just never cached.
// Most words no rule has are frequent words ("the", "said", "after"),
// which the cache answers after their first item.
func (s *Scorer) cachedPrefix(sc *topicScratch, k uint64, word string) *topicSlot {
	e := &sc.prefixes[k&(topicPrefixCache-1)]
	if e.key != k || k == 0 {
		w := s.prefix(word)
		if w == nil {
			*e = topicSlot{key: k, class: -1}
		} else {
			*e = *w
			e.key = k
		}
	}
	if e.class < 0 {
		return nil
	}
	return e
}

// prefix returns the entry of the longest wildcard prefix that a word no
// rule has starts with, or nil: it hashes the folded bytes as the tokenizer
// does, up to the longest prefix, and probes the table at each length some
// prefix has. A word that starts with three ASCII letters or digits is
// first checked against topicStarts, which ends most of them after three
// bytes.
func (s *Scorer) prefix(word string) *topicSlot {
	if s.starts.three == nil {
		return s.prefixFrom(nil, word, 0, tokens.FNVOffset)
	}
	var best *topicSlot
	h, idx := tokens.FNVOffset, 0
	for i := 0; i < 3; i++ {
		if i == len(word) {
			return best
		}
		x, ok := topicAlnum(word[i])
		if !ok {
			return s.prefixFrom(nil, word, 0, tokens.FNVOffset)
		}
		idx = idx*36 + x
		h = (h ^ uint64(word[i]|0x20)) * tokens.FNVPrime // ASCII letters and digits fold by 0x20
		switch {
		case i == 0 && topicHas(s.starts.one, idx), i == 1 && topicHas(s.starts.two, idx):
			if w, found := s.wild.get(h); found {
				best = w
			}
		case i == 2 && !topicHas(s.starts.three, idx):
			return best
		}
	}
	return s.prefixFrom(best, word, 3, h)
}

// prefixFrom goes on from byte n of word, whose first n bytes hash to h;
// best is the longest prefix found so far.
func (s *Scorer) prefixFrom(best *topicSlot, word string, n int, h uint64) *topicSlot {
	if n == 3 {
		best = s.probe(best, h, n)
	}
	for i := n; i < len(word) && n < s.wildMax; {
		c := word[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h, n, i = (h^uint64(c))*tokens.FNVPrime, n+1, i+1
			best = s.probe(best, h, n)
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], tokens.FoldRune(r))] {
			h, n = (h^uint64(b))*tokens.FNVPrime, n+1
			best = s.probe(best, h, n)
		}
		i += size
	}
	return best
}

// probe looks a prefix of n bytes with hash h up in the wildcard table.
func (s *Scorer) probe(best *topicSlot, h uint64, n int) *topicSlot {
	if n < 64 && s.wildLens&(1<<n) != 0 {
		if w, found := s.wild.get(h); found {
			return w
		}
	}
	return best
}

// record adds the phrases that end at the current word, the words-th of
// the field, ending at byte end; a phrase of k words began k-1 words back.
func (s *Scorer) record(sc *topicScratch, ends []topicEnd, words int, end int32) {
	at := &sc.at
	for _, o := range ends {
		if o.negative {
			// A set of negatives counts once per paragraph.
			if key := topicParaKey(at.field, at.para); sc.negSeen[o.topic] != key+1 {
				sc.negSeen[o.topic] = key + 1
				sc.negs = append(sc.negs, topicNeg{o.topic, key})
			}
			continue
		}
		start := sc.starts[(words-int(o.words)+1)&topicMaxWords]
		if o.words > 1 {
			sc.maxSpan = max(sc.maxSpan, end-start)
		}
		sc.hits = append(sc.hits, topicHit{
			topic: o.topic, phrase: o.phrase, field: at.field, words: o.words, para: at.para,
			start: start, end: end, c: min(s.weights[o.weight]*topicPosition(at.field, int(start), at.n), topicMaxHit),
		})
	}
}

// topicNeg is a set of negatives (Scorer.negSets) found in one paragraph
// of a field.
type topicNeg struct {
	set int32
	key uint64 // topicParaKey
}

// topicParaKey orders paragraphs: the title's, then the text's.
func topicParaKey(field int8, para int32) uint64 {
	return uint64(field)<<32 | uint64(uint32(para))
}

// topicPosition weighs a hit by where it stands: the headline most, the
// lead a little less than the phrase weight, the rest less and less towards
// the end.
func topicPosition(field int8, start, n int) float64 {
	if field == 0 {
		return topicTitleFactor
	}
	if start < topicLeadBytes || n <= topicLeadBytes {
		return topicLeadFactor
	}
	rel := float64(start-topicLeadBytes) / float64(n-topicLeadBytes)
	return topicLeadFactor - (topicLeadFactor-topicTailFactor)*rel
}
