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
	field         int8 // 0 title, 1 text
	words         int8 // words in the phrase
	para          int32
	start, end    int32
	c             float64 // weight × position (× repeat, once accumulated)
}

// scan reads one field once: it folds and hashes each token byte by byte,
// looks the token up as a word and, where the bloom filter allows, its
// prefixes as wildcard prefixes, then feeds the token's symbols to the
// phrase trie. Paragraph breaks (a blank line, or a newline followed by an
// indent as in wire copy) end partial matches and scope the negatives.
func (s *topicScorer) scan(ctx context.Context, sc *topicScratch, text string, field int8) error {
	var (
		h          uint64
		n          int // folded bytes in the token
		inTok      bool
		start      int
		para       int32
		nl, indent int
		tokens     int
	)
	sc.cur = sc.cur[:0]
	for i := 0; i < len(text); {
		c := text[i]
		size, r, ok := 1, rune(c), true
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			r = rune(c + 'a' - 'A')
		case c >= utf8.RuneSelf:
			r, size = utf8.DecodeRuneInString(text[i:])
			r, ok = topicFold(r)
		default:
			ok = false
		}
		if !ok {
			if inTok {
				inTok = false
				if sym, found := s.exact.get(h); found {
					sc.syms = append(sc.syms, sym)
				}
				s.endToken(sc, field, start, i, para, len(text))
				if tokens++; tokens%topicCtxEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
			}
			switch c {
			case '\n':
				nl, indent = nl+1, 0
			case ' ', '\t':
				if nl > 0 {
					indent++
				}
			}
			i += size
			continue
		}
		if !inTok {
			inTok, start, h, n = true, i, topicHashSeed, 0
			sc.syms = sc.syms[:0]
			if nl >= 2 || (nl == 1 && indent >= 2) {
				para++
				sc.cur = sc.cur[:0]
			}
			nl, indent = 0, 0
		}
		if r < utf8.RuneSelf {
			h, n = topicHash(h, byte(r)), n+1
		} else {
			var buf [utf8.UTFMax]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
				h, n = topicHash(h, b), n+1
			}
		}
		if n < 64 && s.wildLens&(1<<n) != 0 && s.bloom[(h%topicBloomBits)/64]&(1<<(h%64)) != 0 {
			if sym, found := s.wild.get(h); found {
				sc.syms = append(sc.syms, sym)
			}
		}
		i += size
	}
	if inTok {
		if sym, found := s.exact.get(h); found {
			sc.syms = append(sc.syms, sym)
		}
		s.endToken(sc, field, start, len(text), para, len(text))
	}
	return nil
}

// endToken feeds the finished token's symbols to the phrase trie: every
// partial match and a fresh start at this token advance on each symbol.
func (s *topicScorer) endToken(sc *topicScratch, field int8, start, end int, para int32, n int) {
	if len(sc.syms) == 0 {
		sc.cur = sc.cur[:0]
		return
	}
	nxt := sc.nxt[:0]
	for _, sym := range sc.syms {
		if child := s.proot[sym]; child != 0 {
			nxt = s.reach(sc, nxt, child, int32(start), field, end, para, n)
		}
		if !s.cont[sym] {
			continue // no phrase has this word after another
		}
		for _, st := range sc.cur {
			if child := s.phraseNext(st.node, sym); child != 0 {
				nxt = s.reach(sc, nxt, child, st.start, field, end, para, n)
			}
		}
	}
	sc.cur, sc.nxt = nxt, sc.cur
}

// reach records the phrases that end at phrase-trie node child, and keeps
// the match going if longer phrases may follow.
func (s *topicScorer) reach(sc *topicScratch, nxt []topicState, child, start int32, field int8, end int, para int32, n int) []topicState {
	nd := s.pnodes[child]
	if nd.outN > 0 {
		pos := topicPosition(field, int(start), n)
		for _, o := range s.outs[nd.outFirst : nd.outFirst+nd.outN] {
			if o.negative {
				sc.negs = append(sc.negs, topicNegKey(o.topic, field, para))
				continue
			}
			sc.hits = append(sc.hits, topicHit{
				topic: o.topic, phrase: o.phrase, field: field, words: o.words, para: para,
				start: start, end: int32(end), c: min(o.weight*pos, topicMaxHit),
			})
		}
	}
	if nd.n > 0 {
		nxt = append(nxt, topicState{child, start})
	}
	return nxt
}

// topicNegKey identifies a concept's negatives in one paragraph of a field.
func topicNegKey(topic int32, field int8, para int32) uint64 {
	return uint64(topic)<<33 | uint64(field)<<32 | uint64(uint32(para))
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
