package tag

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// addPhrase splits a phrase into folded words ("interest rate*" → exact
// "interest", wildcard prefix "rate") and threads them into both tries.
func (s *topicScorer) addPhrase(text string, out topicOut) error {
	node := int32(0)
	words := 0
	for _, chunk := range strings.Fields(text) {
		wild := strings.HasSuffix(chunk, "*")
		parts := topicWords(strings.TrimSuffix(chunk, "*"))
		if strings.Contains(strings.TrimSuffix(chunk, "*"), "*") || (wild && len(parts) == 0) {
			return fmt.Errorf("phrase %q: bad word %q", text, chunk)
		}
		for k, w := range parts {
			sym := s.symbol(w, wild && k == len(parts)-1)
			key := uint64(node)<<32 | uint64(sym)
			child, ok := s.next[key]
			if !ok {
				child = int32(len(s.outs))
				s.next[key] = child
				s.outs = append(s.outs, nil)
				s.open = append(s.open, false)
				s.open[node] = true
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
		out.phrase = int32(s.nPhrases)
		s.nPhrases++
	}
	s.outs[node] = append(s.outs[node], out)
	return nil
}

// symbol returns the symbol of a folded word or wildcard prefix, adding it
// to the word trie on first use.
func (s *topicScorer) symbol(word string, wild bool) int32 {
	key := "w:" + word
	if wild {
		key = "p:" + word
	}
	if sym, ok := s.symbols[key]; ok {
		return sym
	}
	sym := int32(len(s.symbols))
	s.symbols[key] = sym
	n := int32(0)
	for i := 0; i < len(word); i++ {
		n = s.wordChild(n, word[i], true)
	}
	if wild {
		s.words[n].wild = sym + 1
	} else {
		s.words[n].exact = sym + 1
	}
	return sym
}

// wordChild follows (or with add, creates) the word-trie edge on byte b.
func (s *topicScorer) wordChild(n int32, b byte, add bool) int32 {
	var c int32
	slot := -1
	switch {
	case b >= 'a' && b <= 'z':
		slot = int(b - 'a')
	case b >= '0' && b <= '9':
		slot = 26 + int(b-'0')
	}
	if slot >= 0 {
		c = s.words[n].child[slot]
	} else {
		c = s.wide[uint64(n)<<8|uint64(b)]
	}
	if c != 0 || !add {
		return c
	}
	c = int32(len(s.words))
	s.words = append(s.words, topicWordNode{})
	if slot >= 0 {
		s.words[n].child[slot] = c
	} else {
		s.wide[uint64(n)<<8|uint64(b)] = c
	}
	return c
}

// topicLatin folds U+00C0..U+00FF to an ASCII base letter; '-' means no
// ASCII form (æ, ß, þ) or not a letter.
const topicLatin = "aaaaaa-ceeeeiiiidnooooo-ouuuuy--" + "aaaaaa-ceeeeiiiidnooooo-ouuuuy-y"

// topicFold returns the folded form of a rune and whether it belongs to a
// word. Words are runs of letters and digits; everything else separates
// them, so "d'état" is the words "d" and "etat" in phrases and text alike.
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

// topicWords splits text into folded words.
func topicWords(text string) []string {
	var words []string
	var b strings.Builder
	for _, r := range text {
		f, ok := topicFold(r)
		if ok {
			b.WriteRune(f)
			continue
		}
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		words = append(words, b.String())
	}
	return words
}

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
	c             float64 // weight × position (× repeat, once scored)
}

// scan reads one field once, walking the word trie byte by byte inside each
// token and the phrase trie token by token, and appends hits and negatives
// to sc. Paragraph breaks (a blank line, or a newline followed by an indent
// as in wire copy) end partial matches and scope the negatives.
func (s *topicScorer) scan(ctx context.Context, sc *topicScratch, text string, field int8) error {
	var (
		node       int32
		alive      bool
		inTok      bool
		start      int
		para       int32
		nl, indent int
		tokens     int
	)
	sc.cur = sc.cur[:0]
	for i := 0; i < len(text); {
		c := text[i]
		size, slot := 1, -1
		var r rune
		ok := false
		switch {
		case c >= 'a' && c <= 'z':
			slot, ok = int(c-'a'), true
		case c >= 'A' && c <= 'Z':
			slot, ok = int(c-'A'), true
		case c >= '0' && c <= '9':
			slot, ok = 26+int(c-'0'), true
		case c >= utf8.RuneSelf:
			r, size = utf8.DecodeRuneInString(text[i:])
			if r, ok = topicFold(r); ok && r < utf8.RuneSelf {
				slot = int(r - 'a')
				if r <= '9' {
					slot = 26 + int(r-'0')
				}
			}
		}
		if !ok {
			if inTok {
				inTok = false
				s.endToken(sc, field, start, i, para, node, alive, len(text))
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
			inTok, start, node, alive = true, i, 0, true
			sc.syms = sc.syms[:0]
			if nl >= 2 || (nl == 1 && indent >= 2) {
				para++
				sc.cur = sc.cur[:0]
			}
			nl, indent = 0, 0
		}
		if alive {
			if slot >= 0 {
				node = s.words[node].child[slot]
			} else {
				var buf [utf8.UTFMax]byte
				n := utf8.EncodeRune(buf[:], r)
				for k := 0; k < n && (k == 0 || node != 0); k++ {
					node = s.wordChild(node, buf[k], false)
				}
			}
			alive = node != 0
			if alive && s.words[node].wild != 0 {
				sc.syms = append(sc.syms, s.words[node].wild-1)
			}
		}
		i += size
	}
	if inTok {
		s.endToken(sc, field, start, len(text), para, node, alive, len(text))
	}
	return nil
}

// endToken feeds the finished token's symbols to the phrase trie: every
// partial match and a fresh start at this token advance on each symbol.
func (s *topicScorer) endToken(sc *topicScratch, field int8, start, end int, para, node int32, alive bool, n int) {
	if alive && s.words[node].exact != 0 {
		sc.syms = append(sc.syms, s.words[node].exact-1)
	}
	if len(sc.syms) == 0 {
		sc.cur = sc.cur[:0]
		return
	}
	nxt := sc.nxt[:0]
	for _, sym := range sc.syms {
		nxt = s.advance(sc, nxt, topicState{0, int32(start)}, sym, field, end, para, n)
		for _, st := range sc.cur {
			nxt = s.advance(sc, nxt, st, sym, field, end, para, n)
		}
	}
	sc.cur, sc.nxt = nxt, sc.cur
}

func (s *topicScorer) advance(sc *topicScratch, nxt []topicState, st topicState, sym int32, field int8, end int, para int32, n int) []topicState {
	child, ok := s.next[uint64(st.node)<<32|uint64(sym)]
	if !ok {
		return nxt
	}
	for _, o := range s.outs[child] {
		if o.negative {
			sc.negs = append(sc.negs, topicNegKey(o.topic, field, para))
			continue
		}
		sc.hits = append(sc.hits, topicHit{
			topic: o.topic, phrase: o.phrase, field: field, words: o.words, para: para,
			start: st.start, end: int32(end), c: o.weight * topicPosition(field, int(st.start), n),
		})
	}
	if s.open[child] {
		nxt = append(nxt, topicState{child, st.start})
	}
	return nxt
}

func topicNegKey(topic int32, field int8, para int32) uint64 {
	return uint64(topic)<<33 | uint64(field)<<32 | uint64(uint32(para))
}

// topicPosition weighs a hit by where it stands: the headline counts fully,
// the lead a little less, the rest less and less towards the end.
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
