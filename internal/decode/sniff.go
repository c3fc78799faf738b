package decode

import (
	"encoding/binary"
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
	for len(v) > 0 {
		// Eight printable ASCII bytes at a time (no high bit, none below
		// 0x20: the borrow test of "Bit Twiddling Hacks", exact for bytes
		// below 0x80), which is most of any text; the rest byte by byte,
		// and rune by rune beyond ASCII.
		if len(v) >= 8 {
			x := binary.LittleEndian.Uint64(v)
			if x&0x8080808080808080 == 0 && (x-0x2020202020202020)&^x&0x8080808080808080 == 0 {
				n, v = n+8, v[8:]
				continue
			}
		}
		if c := v[0]; c < utf8.RuneSelf {
			n, v = n+1, v[1:]
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				bad++
			}
			continue
		}
		r, size := utf8.DecodeRune(v)
		n, v = n+1, v[size:]
		if r == utf8.RuneError && size == 1 {
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
