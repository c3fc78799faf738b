package tag

import (
	"context"
	"unicode/utf8"
)

// topicState is a partial phrase match: the phrase-trie node reached and the
// byte offset where the phrase began.
type topicState struct{ node, start int32 }

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
// prefixes) and feeds the word's symbols to the phrase trie. Punctuation
// between words is skipped, as in the phrases ("d'état" is "d", "etat").
// Paragraph breaks (a blank line, or a newline followed by an indent as in
// wire copy) end partial matches and scope the negatives.
func (s *topicScorer) scan(ctx context.Context, sc *topicScratch, text string, toks []token, field int8) error {
	sc.at = topicAt{field: field, n: len(text)}
	prev, words := 0, 0
	sc.cur = sc.cur[:0]
	for _, tk := range toks {
		if tk.flags&tWord == 0 {
			continue
		}
		start, end := int(tk.start), int(tk.end)
		if start-prev > 1 && topicParaBreak(text[prev:start]) {
			sc.at.para++
			sc.cur = sc.cur[:0]
		}
		prev, sc.at.start, sc.at.end = end, int32(start), int32(end)
		// Every partial match and a fresh start at this word advance on
		// each of its symbols.
		nxt := sc.nxt[:0]
		if w, found := s.exact.get(tk.key); found {
			from, to := w.extras()
			for _, x := range s.extras[from:to] {
				nxt = s.step(sc, nxt, x)
			}
			nxt = s.step(sc, nxt, w.topicSym)
		} else if s.wildMax > 0 {
			nxt = s.prefixes(sc, nxt, text[start:end])
		}
		sc.cur, sc.nxt = nxt, sc.cur
		if words++; words%topicCtxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// topicAt is where the scan stands: field, paragraph, the current word and
// the field's length.
type topicAt struct {
	field      int8
	para       int32
	start, end int32
	n          int
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

// prefixes feeds the symbols of the wildcard prefixes of a word no rule
// has: it hashes the folded bytes as the tokenizer does, up to the longest
// prefix, and probes the table at each length some prefix has when the
// bloom filter lets it. A word that starts with three ASCII letters or
// digits is first checked against topicStarts, which ends most of them
// after three bytes.
func (s *topicScorer) prefixes(sc *topicScratch, nxt []topicState, word string) []topicState {
	if s.starts.three == nil {
		return s.prefixesFrom(sc, nxt, word, 0, fnvOffset)
	}
	h, idx := fnvOffset, 0
	for i := 0; i < 3; i++ {
		if i == len(word) {
			return nxt
		}
		x, ok := topicAlnum(word[i])
		if !ok {
			return s.prefixesFrom(sc, nxt, word, 0, fnvOffset)
		}
		idx = idx*36 + x
		h = (h ^ uint64(word[i]|0x20)) * fnvPrime // ASCII letters and digits fold by 0x20
		switch {
		case i == 0 && topicHas(s.starts.one, idx), i == 1 && topicHas(s.starts.two, idx):
			if w, found := s.wild.get(h); found {
				nxt = s.step(sc, nxt, w.topicSym)
			}
		case i == 2 && !topicHas(s.starts.three, idx):
			return nxt
		}
	}
	return s.prefixesFrom(sc, nxt, word, 3, h)
}

// prefixesFrom goes on from byte n of word, whose first n bytes hash to h.
func (s *topicScorer) prefixesFrom(sc *topicScratch, nxt []topicState, word string, n int, h uint64) []topicState {
	if n == 3 {
		nxt = s.probe(sc, nxt, h, n)
	}
	for i := n; i < len(word) && n < s.wildMax; {
		c := word[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h, n, i = (h^uint64(c))*fnvPrime, n+1, i+1
			nxt = s.probe(sc, nxt, h, n)
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], foldRune(r))] {
			h, n = (h^uint64(b))*fnvPrime, n+1
			nxt = s.probe(sc, nxt, h, n)
		}
		i += size
	}
	return nxt
}

// probe looks a prefix of n bytes with hash h up in the wildcard table.
func (s *topicScorer) probe(sc *topicScratch, nxt []topicState, h uint64, n int) []topicState {
	if n < 64 && s.wildLens&(1<<n) != 0 && s.bloom[(h%topicBloomBits)/64]&(1<<(h%64)) != 0 {
		if w, found := s.wild.get(h); found {
			nxt = s.step(sc, nxt, w.topicSym)
		}
	}
	return nxt
}

// step advances the partial matches and a fresh start on one symbol of the
// current word.
func (s *topicScorer) step(sc *topicScratch, nxt []topicState, sym topicSym) []topicState {
	if sym.root != 0 {
		nxt = s.reach(sc, nxt, sym.root, sc.at.start)
	}
	if !sym.cont() {
		return nxt // no phrase has this word after another
	}
	for _, st := range sc.cur {
		if child, ok := s.phraseNext(st.node, sym.sym()); ok {
			nxt = s.reach(sc, nxt, child, st.start)
		}
	}
	return nxt
}

// reach records the phrases that end at phrase-trie node ref, begun at
// byte start, and keeps the match going if longer phrases may follow.
func (s *topicScorer) reach(sc *topicScratch, nxt []topicState, ref topicRef, start int32) []topicState {
	if first, n := ref.ends(); n > 0 {
		at := &sc.at
		pos := topicPosition(at.field, int(start), at.n)
		for _, o := range s.ends[first : first+n] {
			if o.negative {
				sc.negs = append(sc.negs, topicNeg{o.topic, topicParaKey(at.field, at.para)})
				continue
			}
			if o.words > 1 {
				sc.maxSpan = max(sc.maxSpan, at.end-start)
			}
			sc.hits = append(sc.hits, topicHit{
				topic: o.topic, phrase: o.phrase, field: at.field, words: o.words, para: at.para,
				start: start, end: at.end, c: min(s.weights[o.weight]*pos, topicMaxHit),
			})
		}
	}
	if ref.more() {
		nxt = append(nxt, topicState{ref.node(), start})
	}
	return nxt
}

// topicNeg is a negative of a concept found in one paragraph of a field.
type topicNeg struct {
	topic int32
	key   uint64 // topicParaKey
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
