package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Classes of a cues row (FORMAT.md): the closed classes of words that the
// tagger's context rules test. The rules are code; these are their words.
const (
	CueSpeech       = "speech"        // "said": a capitalised word before it is a person
	CuePreposition  = "preposition"   // "in", "visited": a place may follow
	CueLocative     = "locative"      // "in", "visited": a place follows more often than not
	CueHonorific    = "honorific"     // "Mr", "Sheikh": a surname follows
	CueFormer       = "former"        // "former", "ex": the office is no longer held
	CueDeputy       = "deputy"        // "deputy", "vice": a different, lesser office
	CueParticle     = "particle"      // "al", "de", "von": lower-case parts of names
	CueNotName      = "not_name"      // "Government", "Monday": never starts or ends a name
	CueDeterminer   = "determiner"    // "the", "a", "an"
	CueSuffix       = "suffix"        // "Jr", "III": generational suffixes
	CueMonthSurname = "month_surname" // "May": a month that is also a surname
	CueMonth        = "month"         // "March", "Sept": every month name and abbreviation
	CueVerb         = "verb"          // "SAYS": ends a name in an ALL-CAPS headline
	CueList         = "list"          // "and", ",": list context
	CueCurrency     = "currency"      // "dlrs", "francs": "U.S. dlrs" is money
	CueDirection    = "direction"     // "North", "Greater": begins a place's own name
	CueNamePart     = "name_part"     // "upon": "Stratford-upon-Avon" is one name
	CueGenericTitle = "generic_title" // "chairman": a title companies use as much as states
	CueCompany      = "company"       // "inc", "plc": ends a company's name
)

var cueClasses = []string{CueSpeech, CuePreposition, CueLocative, CueHonorific, CueFormer, CueDeputy, CueParticle,
	CueNotName, CueDeterminer, CueSuffix, CueMonthSurname, CueMonth, CueVerb, CueList, CueCurrency, CueDirection,
	CueNamePart, CueGenericTitle, CueCompany}

// CueClasses lists every class a cues row may name, in FORMAT.md's order.
func CueClasses() []string { return append([]string(nil), cueClasses...) }

func (fd *fileData) decodeCue(r *row, seen map[string]Pos) {
	c := r.cells
	ok := r.required(0)
	if !isCueClass(c[1]) {
		r.fail(1, "unknown cue %q (%s)", c[1], strings.Join(cueClasses, ", "))
		ok = false
	}
	switch {
	case !ok:
	case strings.ToLower(c[0]) != c[0]:
		r.fail(0, "%q must be lower case", c[0])
		ok = false
	case c[1] == CueGenericTitle && !isTitlePhrase(c[0]):
		r.fail(0, "%q: a title is words separated by one space or hyphen", c[0])
		ok = false
	case c[1] != CueGenericTitle && !isCueWord(c[0]):
		r.fail(0, "%q: a %s cue is one word or one punctuation mark", c[0], c[1])
		ok = false
	}
	if !ok || r.dup(seen, c[1]+"\x00"+c[0], 0) {
		return
	}
	fd.cues = append(fd.cues, Cue{Word: c[0], Class: c[1], Pos: r.pos})
}

func isCueClass(s string) bool {
	for _, c := range cueClasses {
		if c == s {
			return true
		}
	}
	return false
}

// isCueWord: letters and digits only, as the tagger reads one word, or a
// single mark (",", "&").
func isCueWord(s string) bool {
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		return !unicode.IsSpace(r)
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isTitlePhrase: words of letters and digits joined by single spaces or
// hyphens ("vice-president", "leader of the opposition").
func isTitlePhrase(s string) bool {
	sep := true // before the first word
	for _, r := range s {
		isSep := r == ' ' || r == '-'
		if isSep && sep || !isSep && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		sep = isSep
	}
	return !sep
}
