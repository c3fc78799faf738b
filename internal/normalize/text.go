// Package normalize provides the text normalization every item goes through
// before tagging: HTML to text, Unicode NFC, typographic quotes and dashes
// mapped to ASCII, invisible and bidi control characters removed, whitespace
// collapsed with paragraph breaks kept, plus language detection and the
// content hash. Every function is pure, linear in its input, and idempotent:
// normalizing normalized text changes nothing.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// mapRune maps typographic characters to the ASCII forms the tagger matches
// on ("Trump’s" → "Trump's", "al‐Assad" → "al-Assad"), and drops invisible
// and bidi control characters, which can hide or reorder text. It returns -1
// to drop a rune and ' ' for any kind of space.
func mapRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\uFF07':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D':
		return '-'
	case '\u2014', '\u2015':
		return '-' // em dash; surrounding spaces are kept as written
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
		'\u200E', '\u200F', '\u061C',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
		'\u2066', '\u2067', '\u2068', '\u2069':
		return -1
	case '\n':
		return '\n'
	}
	if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) {
		return ' '
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// Text normalizes a body. Paragraphs are separated by exactly "\n\n"; inside
// a paragraph all whitespace is one space. A paragraph break is a blank line,
// or a line that starts indented (wire copy's "\n    " paragraph starts).
func Text(s string) string {
	if !plainASCII(s) {
		s = strings.Map(mapRune, s)
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	para := false // a paragraph break is pending
	for i, rest, more := 0, s, true; more; i++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		indented := strings.HasPrefix(line, "  ")
		line = strings.TrimSpace(line)
		if line == "" {
			para = true
			continue
		}
		if i > 0 && indented {
			para = true
		}
		if b.Len() > 0 {
			if para {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		para = false
		// Runs of spaces become one; what lies between is copied whole.
		// The only white space left in line is ' ' (mapRune made every
		// other kind one, or plainASCII found none), and none at its ends.
		for {
			n := strings.Index(line, "  ")
			if n < 0 {
				b.WriteString(line)
				break
			}
			b.WriteString(line[:n+1])
			line = strings.TrimLeft(line[n:], " ")
		}
	}
	return b.String()
}

// plainASCII reports whether s holds only printable ASCII and '\n': the
// bytes mapRune keeps as they are and NFC leaves alone, so that Text may
// skip both (most wire copy is such text).
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7F {
			return false
		}
	}
	return true
}

// Line normalizes a single-line field such as a title: like Text, with every
// break turned into a space.
func Line(s string) string {
	t := Text(s)
	if singleSpaced(t) {
		return t // what the join below would give, without its three copies
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(t, "\n\n", " ")), " ")
}

// singleSpaced reports whether s has no white space (as strings.Fields
// splits on it) but single ASCII spaces between other characters.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\t', '\n', '\v', '\f', '\r':
				return false
			case ' ':
				if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
					return false
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}
