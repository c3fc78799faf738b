package decode

import (
	"unicode"
	"unicode/utf8"
)

// sniffBytes bounds how much of a value the binary and text checks read, so
// they cost the same on a 10 MB value as on a 10 KB one.
const sniffBytes = 8 << 10

// isBinary reports whether the start of v is dominated by control bytes or
// invalid UTF-8. A few bad bytes in real text are repaired instead.
func isBinary(v []byte) bool {
	if len(v) > sniffBytes {
		v = v[:sniffBytes]
	}
	var bad, n int
	// ASCII a byte at a time (where DecodeRune would return the byte
	// itself), the rest rune by rune.
	for ; len(v) > 0 && v[0] < utf8.RuneSelf; v = v[1:] {
		n++
		if c := v[0]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			bad++
		}
	}
	for len(v) > 0 {
		r, size := utf8.DecodeRune(v)
		v = v[size:]
		n++
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
	}
	return n > 0 && bad*10 > n*3 // more than 30% bad
}

// plausibleText reports whether v reads like prose: mostly letters and
// spaces, with at least a few words. It decides whether a value that fails to
// parse as JSON is plain text after all ("{Update} Markets fell...").
func plausibleText(v []byte) bool {
	if len(v) > sniffBytes {
		v = v[:sniffBytes]
	}
	var letters, spaces, punct, n int
	for _, r := range string(v) {
		n++
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r):
			spaces++
		case r == '{' || r == '}' || r == '[' || r == ']' || r == ':' || r == '"' || r == ',':
			punct++
		}
	}
	return n > 0 && spaces >= 3 && letters*10 >= n*6 && punct*10 < n
}
