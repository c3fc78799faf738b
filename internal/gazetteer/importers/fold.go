package importers

import (
	"strings"
	"unicode"
)

// latinFold maps Latin letters with diacritics to ASCII, so that "Zürich"
// and "Zurich" compare equal.
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ō': "o", 'ŏ': "o", 'ő': "o", 'ŕ': "r", 'ŗ': "r", 'ř': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// fold lower-cases, strips diacritics and punctuation and collapses spaces:
// the key under which two spellings of a name count as the same name.
func fold(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	pending := false // a separator seen since the last letter
	for _, r := range strings.ToLower(s) {
		var out string
		switch {
		case r == '\'' || r == '’' || r == '`' || unicode.Is(unicode.Mn, r):
			continue
		case latinFold[r] != "":
			out = latinFold[r]
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = string(r)
		default:
			pending = true
			continue
		}
		if pending && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		pending = false
		sb.WriteString(out)
	}
	return sb.String()
}

// isLatinName reports whether a name is written in Latin script (letters
// with or without diacritics, spaces, hyphens, apostrophes and dots) and is
// not a code: GeoNames' alternate names also hold other scripts, airport
// codes and links.
func isLatinName(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.' || unicode.Is(unicode.Mn, r):
		default:
			return false
		}
	}
	if letters < 2 {
		return false
	}
	// "LHR", "MOW": codes rather than names.
	return !(upper == letters && letters <= 4 && !strings.ContainsAny(s, " -"))
}
