package tokens

import (
	"strings"
	"unicode"
)

// FoldRune lower-cases r and strips the diacritics of Latin letters, so that
// "Québec", "Quebec" and "QUEBEC" share one key. Wire copy of the 1980s is
// plain ASCII while the gazetteer may carry accents.
func FoldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	switch {
	case r >= 'à' && r <= 'å', r == 'ā', r == 'ă', r == 'ą':
		return 'a'
	case r == 'ç', r == 'ć', r == 'č', r == 'ĉ', r == 'ċ':
		return 'c'
	case r >= 'è' && r <= 'ë', r == 'ē', r == 'ĕ', r == 'ė', r == 'ę', r == 'ě':
		return 'e'
	case r >= 'ì' && r <= 'ï', r == 'ī', r == 'ĭ', r == 'į', r == 'ı':
		return 'i'
	case r == 'ñ', r == 'ń', r == 'ň', r == 'ņ':
		return 'n'
	case r >= 'ò' && r <= 'ö', r == 'ø', r == 'ō', r == 'ŏ', r == 'ő':
		return 'o'
	case r >= 'ù' && r <= 'ü', r == 'ū', r == 'ŭ', r == 'ů', r == 'ű', r == 'ų':
		return 'u'
	case r == 'ý', r == 'ÿ':
		return 'y'
	case r == 'ś', r == 'š', r == 'ş', r == 'ș':
		return 's'
	case r == 'ž', r == 'ź', r == 'ż':
		return 'z'
	case r == 'ğ', r == 'ģ':
		return 'g'
	case r == 'ł', r == 'ľ', r == 'ļ':
		return 'l'
	case r == 'ř':
		return 'r'
	case r == 'ť', r == 'ţ', r == 'ț':
		return 't'
	case r == 'đ', r == 'ď':
		return 'd'
	case r == 'ķ':
		return 'k'
	}
	return r
}

// FoldString applies FoldRune to every rune (used on gazetteer names and in
// the eval's name rule, never on the hot path).
func FoldString(s string) string {
	return strings.Map(FoldRune, s)
}
