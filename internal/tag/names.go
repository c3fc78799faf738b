package tag

// Name spans are read token by token, at most maxNameTokens, so a page of
// capitalised words costs no more than a page of lower-case ones.
const maxNameTokens = 7

// nameAfter reads a personal name starting at token k: capitalised words,
// initials ("James A. Baker"), particles ("Bashar al-Assad", "Jacques de
// Larosiere"), hyphenated parts ("Hans-Dietrich") and suffixes ("III"). It
// returns the token range [k, e) or e == k when there is none. In an
// ALL-CAPS field a name ends at the first verb or function word ("BAKER
// SAYS").
func (t *Tagger) nameAfter(toks []token, src string, k int, caps bool) int {
	e := k
	words := 0
	for i := k; i < len(toks) && i-k < maxNameTokens; i++ {
		tk := toks[i]
		if i > k && tk.is(tPara) {
			break
		}
		if tk.is(tWord) {
			c := t.cueOf(tk)
			switch {
			case tk.is(tDigit):
			case caps && c&(cVerb|cNotName) == 0:
				words++
				e = i + 1
				continue
			case !caps && tk.is(tCap) && c&cNotName == 0:
				words++
				e = i + 1
				continue
			case c&cParticle != 0 && i+1 < len(toks) && (words > 0 && toks[i+1].is(tCap) || src[toks[i+1].start:toks[i+1].end] == "-"):
				continue // "de" in "Jacques de Larosiere", "al" in "al-Assad"
			}
			break
		}
		p := src[tk.start:tk.end]
		if i == k {
			break
		}
		prev := toks[i-1]
		switch {
		case p == "." && prev.is(tWord) && prev.end-prev.start == 1 && prev.is(tCap):
			e = i + 1 // an initial
			continue
		case (p == "-" || p == "'") && !tk.is(tSpace) && i+1 < len(toks) && !toks[i+1].is(tSpace) &&
			toks[i+1].is(tWord) && (toks[i+1].is(tCap) || caps) && prev.is(tWord):
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
func (t *Tagger) nameBefore(toks []token, src string, k int, caps bool) int {
	b := k
	words := 0
	for i := k - 1; i >= 0 && k-i <= maxNameTokens; i-- {
		tk := toks[i]
		if tk.is(tWord) {
			c := t.cueOf(tk)
			if tk.is(tDigit) {
				break
			}
			if (caps && c&(cVerb|cNotName) == 0) || (!caps && tk.is(tCap) && c&cNotName == 0) {
				if c&cHonorific != 0 {
					break
				}
				words++
				b = i
				if tk.is(tPara) {
					break
				}
				continue
			}
			if c&cParticle != 0 && words > 0 && i > 0 && toks[i-1].is(tCap) {
				continue
			}
			break
		}
		p := src[tk.start:tk.end]
		if (p == "-" || p == "'") && !tk.is(tSpace) && words > 0 && i > 0 && toks[i-1].is(tWord) {
			continue
		}
		if p == "." && i > 0 && toks[i-1].is(tWord) && toks[i-1].end-toks[i-1].start == 1 && toks[i-1].is(tCap) && words > 0 {
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
func (t *Tagger) surnameTok(toks []token, b, e int) int {
	for i := e - 1; i >= b; i-- {
		if toks[i].is(tWord) && !t.hasCue(toks[i], cSuffix) {
			return i
		}
	}
	return e - 1
}

// wordCount counts the word tokens of a span.
func wordCount(toks []token) int {
	n := 0
	for _, tk := range toks {
		if tk.is(tWord) {
			n++
		}
	}
	return n
}
