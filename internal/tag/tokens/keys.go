package tokens

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Token keys. A token's key is a 64-bit hash of its folded UTF-8 bytes
// (FoldRune: lower case, Latin diacritics stripped), read eight bytes at a
// time: a word of plain ASCII letters and digits is found, folded and
// hashed a whole machine word per step (SWAR), with no branch per byte.
// Keys are internal to a running tagger (tables are built from the same
// function at start), so they can change between versions.

const (
	keySeed uint64 = 0x9E3779B97F4A7C15
	keyMul  uint64 = 0xBF58476D1CE4E5B9

	lanes7 uint64 = 0x7F7F7F7F7F7F7F7F
	lanes8 uint64 = 0x8080808080808080
	ones   uint64 = 0x0101010101010101
	fold8  uint64 = 0x2020202020202020 // | on an ASCII letter or digit folds it
)

// FNVOffset and FNVPrime are FNV-1a, 64 bit: byte-by-byte hashing of
// wildcard prefixes (package topics) and combining keys (the tagger's name
// forms), which need no SWAR speed.
const (
	FNVOffset uint64 = 14695981039346656037
	FNVPrime  uint64 = 1099511628211
)

// keyChunk mixes eight more bytes (little-endian, zero-padded) into h.
func keyChunk(h, w uint64) uint64 {
	h = (h ^ w) * keyMul
	return h ^ h>>29
}

// keyFinish mixes in the length, and folds the high half of a last
// multiplication into the low bits, which place keys in tables, so that
// they depend on every byte.
func keyFinish(h uint64, n int) uint64 {
	h = (h ^ uint64(n)) * 0x94D049BB133111EB
	return h ^ h>>32
}

// KeyBytes is the key of bytes that are already folded.
func KeyBytes[T string | []byte](b T) uint64 {
	h, n := keySeed, len(b)
	for len(b) >= 8 {
		h = keyChunk(h, load8(b))
		b = b[8:]
	}
	if len(b) > 0 {
		var w uint64
		for i := len(b) - 1; i >= 0; i-- {
			w = w<<8 | uint64(b[i])
		}
		h = keyChunk(h, w)
	}
	return keyFinish(h, n)
}

// KeyOf hashes a single word as the tokenizer would.
func KeyOf(word string) uint64 {
	var buf [64]byte
	b := buf[:0]
	for _, r := range word {
		b = utf8.AppendRune(b, FoldRune(r))
	}
	return KeyBytes(b)
}

// load8 reads eight bytes little-endian (the compiler makes it one load).
func load8[T string | []byte](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// inRange sets the high bit of each byte of w (all below 0x80) that lies
// in [lo, hi].
func inRange(w uint64, lo, hi byte) uint64 {
	return (w + ones*uint64(0x80-lo)) &^ (w + ones*uint64(0x80-hi-1)) & lanes8
}

// readWord reads the word that starts at s[i] with a letter or digit: its
// key, where it ends, and whether it has letters and none in lower case.
func readWord(s string, i int) (key uint64, end int, upper bool) {
	return readWordFrom(s, i, i, keySeed, 0, 0)
}

// readWordFrom goes on with a word that started at s[start] and whose
// bytes before s[i] were letters and digits (a multiple of eight of them),
// hashed into h; lower and letters mark the lower-case and all letters seen.
func readWordFrom(s string, start, i int, h, lower, letters uint64) (key uint64, end int, upper bool) {
	for i+8 <= len(s) {
		w := load8(s[i:])
		w7 := w & lanes7
		lo, up := inRange(w7, 'a', 'z'), inRange(w7, 'A', 'Z')
		alnum := (lo | up | inRange(w7, '0', '9')) &^ (w & lanes8)
		stop := ^alnum & lanes8
		if stop == 0 {
			h, lower, letters = keyChunk(h, w|fold8), lower|lo, letters|lo|up
			i += 8
			continue
		}
		n := bits.TrailingZeros64(stop) >> 3
		if s[i+n] >= utf8.RuneSelf {
			return readWordRunes(s, start) // the word may go on in another script
		}
		if n > 0 {
			keep := uint64(1)<<(8*n) - 1
			h, lower, letters = keyChunk(h, (w|fold8)&keep), lower|lo&keep, letters|(lo|up)&keep
		}
		i += n
		return keyFinish(h, i-start), i, letters != 0 && lower == 0
	}
	tail, w := i, uint64(0)
loop:
	for i < len(s) {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return readWordRunes(s, start)
		case c >= 'a' && c <= 'z':
			lower, letters = 1, 1
		case c >= 'A' && c <= 'Z':
			letters = 1
		case c >= '0' && c <= '9':
		default:
			break loop
		}
		w |= uint64(c|0x20) << (8 * (i - tail))
		i++
	}
	if i > tail {
		h = keyChunk(h, w)
	}
	return keyFinish(h, i-start), i, letters != 0 && lower == 0
}

// readWordRunes is readWord for a word with bytes beyond ASCII: rune by
// rune, folding into a buffer.
func readWordRunes(s string, i int) (key uint64, end int, upper bool) {
	var buf [96]byte
	b := buf[:0]
	upper = true
	letters := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			break
		}
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
		b = utf8.AppendRune(b, FoldRune(r))
		i += size
	}
	return KeyBytes(b), i, upper && letters
}
