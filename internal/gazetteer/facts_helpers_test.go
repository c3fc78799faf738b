package gazetteer_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/sharedtest"
)

// sharedData returns the path of a file under ../shared/data (beside the
// repository), or skips the test when it is absent (fails it when CI=true):
// the reference data is other people's and is never part of the project.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return sharedtest.Path(t, "data/"+rel)
}

func builtin(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatalf("built-in data does not load:\n%v", err)
	}
	return g
}

// foldTable maps Latin letters with diacritics to ASCII. The reference
// sources spell names with and without accents ("Kouchner", "Kouchnér").
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a", 'ǎ': "a",
	'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ǐ': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ō': "o", 'ŏ': "o", 'ő': "o", 'ǒ': "o", 'ŕ': "r", 'ŗ': "r", 'ř': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ǔ': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// fold lower-cases, strips diacritics and apostrophes ("YEL'TSIN" →
// "yeltsin") and turns other punctuation into spaces.
func fold(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʻ' || r == 'ʼ':
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-'):
			sb.WriteRune(r)
		case foldTable[r] != "":
			sb.WriteString(foldTable[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			sb.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			sb.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}
