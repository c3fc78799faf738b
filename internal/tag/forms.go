package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// Name and title forms derived from the gazetteer at compile time.

// addSurname files person ref under the surname form sn, in the dictionary
// and in the surname group that resolution picks a person from.
func (t *Tagger) addSurname(groups map[uint64]int32, sn string, ref int32) {
	k := keyOfPhrase(sn)
	g, ok := groups[k]
	if !ok {
		g = int32(len(t.surnames))
		groups[k] = g
		t.surnames = append(t.surnames, nil)
	}
	if n := len(t.surnames[g]); n == 0 || t.surnames[g][n-1] != ref {
		t.surnames[g] = append(t.surnames[g], ref)
	}
	t.addForms(sn, sense{kind: sSurname, ref: g})
}

// keyOfPhrase combines the keys of a phrase's word tokens, so "al-Assad" and
// "Assad" have different keys.
func keyOfPhrase(s string) uint64 {
	h := tokens.FNVOffset
	for _, tk := range tokens.Tokenize(nil, s) {
		h = (h ^ tk.Key) * tokens.FNVPrime
	}
	return h
}

// surnameForms lists the forms a person is called by alone: the last name
// ("Assad") and, with its particles, the full family name ("al-Assad",
// "du Plessis"). Suffixes such as "Jr" and "III" (cues of class suffix) are
// dropped.
func (t *Tagger) surnameForms(name string) []string {
	words := strings.Fields(name)
	for len(words) > 1 && t.isSuffix(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) < 2 || isRoman(words[len(words)-1]) {
		return nil // a mononym, or a regnal name ("Juan Carlos I") with no surname
	}
	last := words[len(words)-1]
	if len([]rune(strings.TrimLeft(last[strings.LastIndexByte(last, '-')+1:], "'"))) < 3 {
		return nil // "Li", "Mo": too short to stand alone
	}
	var out []string
	if k := strings.LastIndexByte(last, '-'); k > 0 && isParticle(last[:k]) {
		out = append(out, last[k+1:], last)
	} else {
		out = append(out, last)
	}
	// Particles written as separate words: "de Larosière", "von Weizsäcker".
	// The family name is then called with its particle; the last word alone
	// ("Costa" of "Pinto da Costa") is too often someone or something else.
	j := len(words) - 1
	for j > 1 && isParticle(words[j-1]) {
		j--
	}
	if j < len(words)-1 {
		out = append(out[:0], strings.Join(words[j:], " "))
	}
	return out
}

// isParticle: a particle that stays with the family name ("de Larosière").
// Unlike the cues of class particle it is still code: the dictionary
// (dict.add) reads it before and without a tagger.
func isParticle(w string) bool {
	if len(w) > len("della") {
		return false
	}
	var buf [len("della")]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20 // lower-cases ASCII letters; nothing else matches below
	}
	switch string(buf[:len(w)]) {
	case "al", "el", "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "du", "da",
		"dos", "das", "di", "le", "la", "ter", "ben", "abu", "bint", "mac", "zu":
		return true
	}
	return false
}

// dropMiddleInitials turns "James A. Baker" into "James Baker".
func dropMiddleInitials(name string) (string, bool) {
	words := strings.Fields(name)
	if len(words) < 3 {
		return "", false
	}
	out := words[:1:1]
	dropped := false
	for _, w := range words[1 : len(words)-1] {
		if len(strings.TrimRight(w, ".")) <= 1 || strings.Count(w, ".") >= 2 {
			dropped = true
			continue
		}
		out = append(out, w)
	}
	if !dropped {
		return "", false
	}
	return strings.Join(append(out, words[len(words)-1]), " "), true
}

func isRoman(w string) bool {
	w = strings.TrimRight(w, ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return true
}

// roleHead is the word a title is shortened to in later references: "the
// secretary" for "secretary of state" and "treasury secretary", "the
// minister" for "foreign minister".
func roleHead(phrase string) string {
	w := strings.Fields(strings.ToLower(phrase))
	for i, x := range w {
		if i > 0 && (x == "of" || x == "for") {
			return w[i-1]
		}
	}
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// commonWord: a one-word name that is also an English function word or a
// word of our cue lists, or too short to be told from an abbreviation.
func (t *Tagger) commonWord(surface string) bool {
	toks := tokens.Tokenize(nil, surface)
	if len(toks) != 1 {
		return false
	}
	if toks[0].Is(tokens.Upper) && toks[0].End-toks[0].Start > 1 {
		return false // "US", "UK": abbreviations are matched in capitals only
	}
	return toks[0].End-toks[0].Start <= 2 || t.cues[toks[0].Key]&(cNotName|cPrep|cSpeech|cVerb|cDet|cCurrency) != 0
}
