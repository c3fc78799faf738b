package tag

import "github.com/newsworker/newsworker/internal/tag/tokens"

// Name spans are read token by token, at most maxNameTokens, so a page of
// capitalised words costs no more than a page of lower-case ones.
const maxNameTokens = 7

// nameAfter reads a personal name starting at token k: capitalised words,
// initials ("James A. Baker"), particles ("Bashar al-Assad", "Jacques de
// Larosiere"), hyphenated parts ("Hans-Dietrich") and suffixes ("III"). It
// returns the token range [k, e) or e == k when there is none. In an
// ALL-CAPS field a name ends at the first verb or function word ("BAKER
// SAYS").
func (t *Tagger) nameAfter(toks []tokens.Token, src string, k int, caps bool) int {
	e := k
	words := 0
	for i := k; i < len(toks) && i-k < maxNameTokens; i++ {
		tk := toks[i]
		if i > k && tk.Is(tokens.Para) {
			break
		}
		if tk.Is(tokens.Word) {
			c := t.cueOf(tk)
			switch {
			case tk.Is(tokens.Digit):
			case caps && c&(cVerb|cNotName) == 0:
				words++
				e = i + 1
				continue
			case !caps && tk.Is(tokens.Cap) && c&cNotName == 0:
				words++
				e = i + 1
				continue
			case c&cParticle != 0 && i+1 < len(toks) && (words > 0 && toks[i+1].Is(tokens.Cap) || src[toks[i+1].Start:toks[i+1].End] == "-"):
				continue // "de" in "Jacques de Larosiere", "al" in "al-Assad"
			}
			break
		}
		p := src[tk.Start:tk.End]
		if i == k {
			break
		}
		prev := toks[i-1]
		switch {
		case p == "." && prev.Is(tokens.Word) && prev.End-prev.Start == 1 && prev.Is(tokens.Cap):
			e = i + 1 // an initial
			continue
		case (p == "-" || p == "'") && !tk.Is(tokens.Space) && i+1 < len(toks) && !toks[i+1].Is(tokens.Space) &&
			toks[i+1].Is(tokens.Word) && (toks[i+1].Is(tokens.Cap) || caps) && prev.Is(tokens.Word):
			continue // "Hans-Dietrich", "al-Assad", "O'Neill"
		}
		break
	}
	if words == 0 {
		return k
	}
	return e
}

// nameBefore reads a name that ends just before token k (exclusive), for
// appositions ("Sergei Lavrov, Russia's foreign minister"). It returns the
// first token of the name, or k when there is none.
func (t *Tagger) nameBefore(toks []tokens.Token, src string, k int, caps bool) int {
	b := k
	words := 0
	for i := k - 1; i >= 0 && k-i <= maxNameTokens; i-- {
		tk := toks[i]
		if tk.Is(tokens.Word) {
			c := t.cueOf(tk)
			if tk.Is(tokens.Digit) {
				break
			}
			if (caps && c&(cVerb|cNotName) == 0) || (!caps && tk.Is(tokens.Cap) && c&cNotName == 0) {
				if c&cHonorific != 0 {
					break
				}
				words++
				b = i
				if tk.Is(tokens.Para) {
					break
				}
				continue
			}
			if c&cParticle != 0 && words > 0 && i > 0 && toks[i-1].Is(tokens.Cap) {
				continue
			}
			break
		}
		p := src[tk.Start:tk.End]
		if (p == "-" || p == "'") && !tk.Is(tokens.Space) && words > 0 && i > 0 && toks[i-1].Is(tokens.Word) {
			continue
		}
		if p == "." && i > 0 && toks[i-1].Is(tokens.Word) && toks[i-1].End-toks[i-1].Start == 1 && toks[i-1].Is(tokens.Cap) && words > 0 {
			continue
		}
		break
	}
	if words == 0 {
		return k
	}
	return b
}

// surnameTok is the index of the token a name is called by alone: its last
// word that is not a suffix ("Baker" in "James A. Baker III").
func (t *Tagger) surnameTok(toks []tokens.Token, b, e int) int {
	for i := e - 1; i >= b; i-- {
		if toks[i].Is(tokens.Word) && !t.hasCue(toks[i], cSuffix) {
			return i
		}
	}
	return e - 1
}

// wordCount counts the word tokens of a span.
func wordCount(toks []tokens.Token) int {
	n := 0
	for _, tk := range toks {
		if tk.Is(tokens.Word) {
			n++
		}
	}
	return n
}
