package topics

import (
	"sort"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// Company names.
//
// A capitalised run of words that ends in a company word ("Champion
// Products Inc", "Cardinal Industries Corp"; cues of class company) or is
// followed by a ticker ("Century Telephone <CTL>", "Sporting Life (NYSE:
// SPL)") is a company's name. A topic phrase inside it says which company
// a story is about, not the topic its words have elsewhere: "Champion"
// names no sport there, "Cardinal" no church. Such a hit still counts for
// concepts under economy, business and finance (topicBusiness), where
// naming the company is evidence in itself ("Boeing Co" for aerospace).
const (
	topicBusiness  = "medtop:04000000"
	topicNameReach = 3 // capitalised words after a hit before its name's company word
)

// setCompanyWords makes the Scorer read company names: words are the keys
// of the company words (tokens.KeyOf).
func (s *Scorer) setCompanyWords(words []uint64) {
	if len(words) == 0 {
		return
	}
	s.companyWords = make(map[uint64]bool, len(words))
	for _, k := range words {
		s.companyWords[k] = true
	}
	s.business = s.index(topicBusiness)
}

// inCompanyName reports whether hit h lies in a company's name or is a
// ticker, and counts for nothing there (see the comment above). Most hits
// are turned away by the bytes around them (see mayName) before the
// tokens are searched.
func (s *Scorer) inCompanyName(sc *topicScratch, h *topicHit) bool {
	if s.companyWords == nil || s.root[h.topic] == s.business {
		return false
	}
	text, toks := sc.fields[h.field], sc.toks[h.field]
	if c := text[h.start]; c < 'A' || c > 'Z' {
		return false
	}
	before, after := mayTicker(text, int(h.start)), mayName(text, int(h.end))
	if !before && !after {
		return false
	}
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.start })
	if before && (first > 0 && ticker(text, toks[first-1:]) || first > 2 && ticker(text, toks[first-3:])) {
		return true // "<PSG>", "(NYSE: SPL)": the hit is a ticker
	}
	if !after {
		return false
	}
	next := first + sort.Search(len(toks)-first, func(i int) bool { return toks[first+i].Start >= h.end })
	for n, i := 0, next; i < len(toks); i++ {
		tk := toks[i]
		if tk.Flags&(tokens.Sentence|tokens.Para) != 0 {
			return false
		}
		if tk.Flags&tokens.Word == 0 {
			switch text[tk.Start] {
			case '<', '(':
				return ticker(text, toks[i:])
			case '&', '-', '.', '\'':
				continue // "Procter & Gamble", "J.C. Penney", "McDonald's"
			}
			return false
		}
		if !nameWord(tk) {
			return false
		}
		if s.companyWords[tk.Key] {
			return true
		}
		if n++; n > topicNameReach {
			return false
		}
	}
	return false
}

// mayName: what follows position i (after spaces) may go on with a name:
// a capital, or a mark a name or ticker has ("<", "(", "&", "-", ".",
// "'"). In running text most hits are followed by a lower-case word or a
// comma, which ends the question without a search.
func mayName(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i == len(text) {
		return false
	}
	switch c := text[i]; {
	case c >= 'A' && c <= 'Z', c == '<', c == '(', c == '&', c == '-', c == '.', c == '\'':
		return true
	}
	return false
}

// mayTicker: a "<" or ":" stands just before position i ("<PSG>",
// "(NYSE: SPL)").
func mayTicker(text string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if text[k] == '<' || text[k] == ':' {
			return true
		}
	}
	return false
}

// nameWord: a word written with a capital (or in capitals).
func nameWord(tk tokens.Token) bool {
	return tk.Flags&tokens.Word != 0 && tk.Flags&(tokens.Cap|tokens.Upper) != 0
}

// ticker reports whether toks (starting at "<" or "(") open a ticker or
// a wire's bracketed company name: "<CTL>", "<THE NATIONAL BANK OF NEW
// ZEALAND LTD>" (a word in capitals after "<"), or "(NYSE: SPL)" (a
// capitalised word and a colon after "(").
func ticker(text string, toks []tokens.Token) bool {
	if len(toks) < 2 || toks[0].Flags&tokens.Word != 0 || toks[1].Flags&tokens.Word == 0 {
		return false
	}
	switch text[toks[0].Start] {
	case '<':
		return toks[1].Flags&tokens.Upper != 0
	case '(':
		return len(toks) > 2 && nameWord(toks[1]) && toks[2].Flags&tokens.Word == 0 && text[toks[2].Start] == ':'
	}
	return false
}
