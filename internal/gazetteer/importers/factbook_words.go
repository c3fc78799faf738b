package importers

import (
	"strings"
	"unicode"
)

// The word classes the Factbook entry parser (factbook_parse.go) tells
// titles, names and prose apart by.

// isProse: a lower-case word that is no title, joiner or particle; after a
// holder it means the entry has gone on to describe rather than name.
func isProse(w string) bool {
	r := []rune(w)
	lw := strings.ToLower(w)
	return len(r) > 0 && unicode.IsLower(r[0]) && !titleWord[lw] && !joiner[lw] && !nameParticle[lw] && !honorific[lw] &&
		lw != "for" && lw != "in" && lw != "to" // "Secretary of State for Foreign ...", "Commander in Chief"
}

var joiner = map[string]bool{"and": true, "&": true, "-": true, "of": true, "the": true, "members": true}

// honorific are ranks and forms of address written between a title and a
// name ("President Lt. Gen. Omar al-BASHIR"): not part of either.
var honorific = map[string]bool{"gen.": true, "gen": true, "general": true, "lt.": true, "lt": true, "col.": true,
	"colonel": true, "maj.": true, "major": true, "brig.": true, "brigadier": true, "dr.": true, "dr": true,
	"sir": true, "dame": true, "sheikh": true, "shaykh": true, "mr.": true, "mrs.": true, "ms.": true,
	"field": true, "marshal": true, "capt.": true, "captain": true, "adm.": true, "admiral": true, "rev.": true,
	"father": true, "ret.": true, "lieutenant": true, "commander": true}

// titleWord are words of office titles: a capitalised word among them is
// the end of a title, not a given name.
var titleWord = map[string]bool{"president": true, "minister": true, "premier": true, "chancellor": true,
	"king": true, "queen": true, "emir": true, "amir": true, "sultan": true, "leader": true, "chairman": true,
	"chairwoman": true, "chairperson": true, "chief": true, "executive": true, "governor": true, "pope": true,
	"duke": true, "duchess": true, "prince": true, "princess": true, "co-prince": true, "regent": true,
	"regents": true, "captain": true, "captains": true, "emperor": true, "empress": true, "taoiseach": true,
	"monarch": true, "state": true, "government": true, "council": true, "presidency": true, "ministers": true,
	"secretary": true, "general": true, "acting": true, "interim": true, "transitional": true, "supreme": true,
	"grand": true, "head": true, "sovereign": true, "ruler": true, "co-chiefs": true, "federal": true, "first": true,
	"prime": true, "lord": true, "us": true, "uk": true, "crown": true, "affairs": true, "political": true,
	"foreign": true, "defense": true, "defence": true, "finance": true, "economy": true, "interior": true, "justice": true,
	"national": true, "public": true, "security": true, "relations": true, "development": true, "cabinet": true,
	"congress": true, "assembly": true, "parliament": true, "committee": true, "people's": true, "commission": true,
	"confederation": true, "republic": true, "union": true, "military": true, "sovereignty": true, "coprince": true,
	"french": true, "episcopal": true, "revolutionary": true, "salvation": true, "transition": true, "administrator": true, "commissioner": true, "mayor": true, "speaker": true}

func isGivenName(w string) bool {
	lw := strings.ToLower(w)
	if titleWord[lw] || honorific[lw] || joiner[lw] {
		return false
	}
	r := []rune(w)
	return len(r) > 0 && (unicode.IsUpper(r[0]) || nameParticle[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-"))
}

// isFragment: the archive lost an accented letter and split the word
// ("Luiz In cio" for Inácio): a short capitalised piece, then lower case.
func isFragment(prev, w string) bool {
	lw := strings.ToLower(w)
	return len(prev) <= 3 && len(w) <= 4 && prev != "" && unicode.IsUpper([]rune(prev)[0]) && !titleWord[strings.ToLower(prev)] &&
		!titleWord[lw] && !joiner[lw] && !nameParticle[lw] && !honorific[lw]
}

// isBrokenName: a word the name shows but the key leaves out: a quoted
// nickname ("Frank", 'Nino'), a name with an elided particle (d'Oliveira),
// or a lower-case piece of a word whose accented letter the archive lost
// ("S bastien", "Miche l"), after the capitalised piece prev.
func isBrokenName(prev, w string) bool {
	lw := strings.ToLower(w)
	switch {
	case w == "":
		return false
	case strings.ContainsAny(w[:1], "\"'“‘ʻ"), strings.HasPrefix(lw, "d'"):
		return true
	}
	return lostLetterPiece(prev, w)
}

// lostLetterPiece: w is the lower-case rest of a word whose accented
// letter the archive turned into a space ("S bastien", "Miche l").
func lostLetterPiece(prev, w string) bool {
	return prev != "" && unicode.IsUpper([]rune(prev)[0]) && (len(prev) <= 3 || len(w) <= 4) && !titleWord[strings.ToLower(prev)] &&
		isProse(w) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// isNameTail: the mixed-case words after the capitals that still belong to
// the name ("XI Jinping", "TAMIM bin Hamad Al Thani", "CASTRO Ruz").
func isNameTail(w string) bool {
	lw := strings.ToLower(w)
	if titleWord[lw] || honorific[lw] || joiner[lw] || strings.ContainsAny(w, ".0123456789") {
		return false
	}
	r := []rune(w)
	return len(r) > 0 && (unicode.IsUpper(r[0]) || nameParticle[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-"))
}

// afterParticle: the word after "bin" is a name even when it is also a
// title ("ZAYID bin Sultan Al Nuhayyan").
func afterParticle(prev string) bool {
	switch strings.ToLower(prev) {
	case "bin", "ibn", "bint", "ibni":
		return true
	}
	return false
}

var nameParticle = map[string]bool{"bin": true, "bint": true, "ibn": true, "ibni": true, "al": true, "el": true,
	"de": true, "da": true, "di": true, "do": true, "dos": true, "das": true, "del": true, "della": true, "la": true,
	"le": true, "van": true, "von": true, "der": true, "den": true, "du": true, "y": true, "i": true, "zu": true, "ter": true}

// hasCapsPart: the word, or one of its hyphenated parts, is in capitals.
func hasCapsPart(w string) bool {
	for _, p := range strings.Split(w, "-") {
		if isCapsWord(p) {
			return true
		}
	}
	return false
}

func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 && !notNames[w]
}

// notNames are capitalised words of entries that name no person: "Queen
// ELIZABETH II of the UK", "President of the TISA".
var notNames = map[string]bool{"NA": true, "UK": true, "US": true, "USA": true, "TISA": true, "UAE": true, "EU": true, "UN": true,
	"GNU": true, "UDF": true, "CNSP": true, "M.D.": true}

// capsKey folds the capitalised words of a name, without particles and
// regnal numbers: the key that identifies the person across editions.
func capsKey(ws []string) []string {
	var out []string
	for i, w := range ws {
		for _, p := range strings.Split(w, "-") {
			f := fold(p)
			if !isCapsWord(p) || f == "" || nameParticle[f] || isParticleWord(f) || (i > 0 && isRoman(f)) {
				continue
			}
			out = append(out, strings.ReplaceAll(f, " ", ""))
		}
	}
	return out
}

// tailKey folds the words after the last capitalised one, without
// particles: with a surname written first ("XI Jinping", "LI Keqiang") they
// tell people of one surname apart.
func tailKey(ws []word) []string {
	last := 0
	for k, w := range ws {
		if hasCapsPart(w.text) {
			last = k
		}
	}
	var out []string
	for _, w := range ws[last+1:] {
		for _, p := range strings.Fields(strings.ReplaceAll(fold(w.text), "-", " ")) {
			if !nameParticle[p] && !isParticleWord(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func isParticleWord(f string) bool {
	return f == "jr" || f == "sr" || f == "abd" || f == "abdul" || f == "na"
}

func isRoman(s string) bool { return s != "" && strings.Trim(s, "ivxl") == "" && len(s) <= 5 }
