package importers

import (
	"strings"
	"unicode"
)

// displayName writes a Factbook name in the usual capitalisation: the
// capitalised words become "Putin", "Hoseini-Khamenei", "al-Asad", "bin
// Salman", "McAleese", "O'Neill"; regnal numbers stay ("Charles III");
// words the Factbook already writes in mixed case are kept as written.
func displayName(words []string) string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if !isCapsWord(p) {
				continue
			}
			first := i == 0 && j == 0
			lp := strings.ToLower(p)
			switch {
			case !first && isRoman(lp):
				// "Charles III", "Benedict XVI": already upper case.
			case !first && (nameParticle[lp] || j < len(parts)-1 && (lp == "al" || lp == "el")):
				parts[j] = lp
			default:
				parts[j] = titleWord1(p)
			}
		}
		out = append(out, strings.Join(parts, "-"))
	}
	return strings.Join(out, " ")
}

// titleWord1 capitalises one all-capitals word: the first letter, the
// letter after Mc, and the letter after O' or D'.
func titleWord1(w string) string {
	rs := []rune(strings.ToLower(w))
	up := true
	for k, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[k] = unicode.ToUpper(r)
			up = false
		}
		if r == '\'' || r == '’' {
			// O'Neill and D'Alema, but Yel'tsin.
			up = k == 1 && (rs[0] == 'O' || rs[0] == 'D')
		}
		if k == 1 && rs[0] == 'M' && r == 'c' && len(rs) > 3 {
			up = true
		}
	}
	return string(rs)
}
