// Package tokens provides the tagger's first stage: a field's text as
// Tokens (words and punctuation marks with byte offsets, flags and a 64-bit
// key of the folded word), and the key and folding functions that every
// later stage uses to build its tables, so that patterns and text meet on
// the same keys.
//
// Tokenize is linear in the text and allocates only when the caller's
// slice grows. This package must never allocate per word, keep state
// between calls or change a key without the tables that are built from it
// (they are all built by KeyOf and KeyBytes at start-up, so keys may change
// between versions but never within a running tagger).
package tokens

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Token is one word or one punctuation mark of a field. Words are maximal
// runs of letters and digits; every other non-space rune is a token of its
// own, so "U.S." is [u . s .] and "al-Assad" is [al - assad]. Matching works
// on these keys, which makes patterns and text tokenize the same way.
type Token struct {
	Start, End int32  // byte offsets in the field
	Key        uint64 // hash of the folded, lower-cased form
	Flags      uint16 // Word, Cap, Upper, ... (the flag bits below)
}

// The flag bits of Token.Flags.
const (
	Word     uint16 = 1 << iota // letters or digits
	Cap                         // first letter upper case
	Upper                       // every letter upper case (and at least one letter)
	Lower                       // first letter lower case
	Digit                       // starts with a digit
	Space                       // preceded by white space
	Para                        // first token of a paragraph (or of the field)
	Sentence                    // first token of a sentence
)

// Is says whether t has any of the flag bits f.
func (t Token) Is(f uint16) bool { return t.Flags&f != 0 }

// asciiClass classifies bytes for the tokenizer: l lower, U upper, d digit,
// s space, n newline, p punctuation, u the start or part of a multi-byte rune.
// A constant, so the hot loop needs no unicode calls on ASCII text.
const asciiClass = "" +
	"pppppppppsnsssppppppppppppppppppspppppppppppppppddddddddddpppppp" +
	"pUUUUUUUUUUUUUUUUUUUUUUUUUUppppppllllllllllllllllllllllllllppppp" +
	"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu" +
	"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"

// wordClassFlags gives the flag of an ASCII word's first byte by its class
// in asciiClass, indexed by the class letter's low five bits: 'd' (4)
// Digit, 'l' (12) Lower, 'U' (21) Cap.
const wordClassFlags = "\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// sentenceEnds has bit c set for the bytes that end a sentence: '!', '.'
// and '?'.
const sentenceEnds uint64 = 1<<'!' | 1<<'.' | 1<<'?'

// sentenceStart is Sentence after a byte that ends a sentence, else 0,
// without a branch (a shift of 64 or more gives 0).
func sentenceStart(c byte) uint16 { return uint16(sentenceEnds>>c&1) * Sentence }

// Tokenize appends the tokens of s to dst. It is linear in len(s) and
// allocates only when dst grows.
func Tokenize(dst []Token, s string) []Token {
	dst, _ = TokenizeCaps(dst, s)
	return dst
}

// TokenizeCaps is Tokenize that also reports whether the field is written
// in capitals (Reuters headlines): case then says nothing about names, so
// matching must not rely on it. It counts on the way (see capsRatio).
func TokenizeCaps(dst []Token, s string) ([]Token, bool) {
	pending := Space | Para | Sentence // what the next token starts
	words, upperWords := 0, 0
	i := 0
	for i < len(s) {
		c := s[i]
		k := asciiClass[c]
		switch k {
		case 's':
			pending |= Space
			i++
			continue
		case 'n':
			if i+1 < len(s) && s[i+1] == '\n' {
				pending |= Para | Sentence
			}
			pending |= Space
			i++
			continue
		}
		flags := pending
		pending = 0
		start := i
		if k == 'p' {
			i++
			pending = sentenceStart(c)
			dst = append(dst, Token{Start: int32(start), End: int32(i), Key: keyFinish(keyChunk(keySeed, uint64(c)), 1), Flags: flags})
			continue
		}
		var (
			h     uint64
			upper bool
		)
		if k == 'u' {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !IsWordRune(r) {
				i += size
				if unicode.IsSpace(r) {
					pending = Space // and no paragraph or sentence start (see the reference test)
					continue
				}
				dst = append(dst, Token{Start: int32(start), End: int32(i), Key: KeyBytes(s[start:i]), Flags: flags})
				continue
			}
			switch {
			case unicode.IsDigit(r):
				flags |= Digit
			case unicode.IsUpper(r):
				flags |= Cap
			default:
				flags |= Lower
			}
			h, i, upper = readWordRunes(s, i)
		} else {
			flags |= uint16(wordClassFlags[k&31]) // without a branch: case is hard to predict
			// Most words end within their first eight bytes: that case
			// here, inline; longer ones and the text's end in readWord.
			// (The classification repeats readWordFrom's on purpose: as a
			// function it is too big for the compiler to inline, and a
			// call per word costs more than the lines.)
			if i+8 <= len(s) {
				w := load8(s[i:])
				w7 := w & lanes7
				lo, up := inRange(w7, 'a', 'z'), inRange(w7, 'A', 'Z')
				stop := ^((lo | up | inRange(w7, '0', '9')) &^ (w & lanes8)) & lanes8
				if stop == 0 { // eight letters and digits: the word goes on
					h, i, upper = readWordFrom(s, start, i+8, keyChunk(keySeed, w|fold8), lo, lo|up)
					goto emit
				}
				if n := bits.TrailingZeros64(stop) >> 3; s[i+n] < utf8.RuneSelf {
					keep := uint64(1)<<(8*n) - 1 // n > 0: the word starts with a letter or digit
					h, upper = keyFinish(keyChunk(keySeed, (w|fold8)&keep), n), (lo|up)&keep != 0 && lo&keep == 0
					i += n
					goto emit
				}
			}
			h, i, upper = readWord(s, i)
		}
	emit:
		u := bit(upper)
		flags |= Word | u*Upper
		notDigit := 1 - int(flags/Digit&1)
		words += notDigit
		upperWords += notDigit & int(u)
		dst = append(dst, Token{Start: int32(start), End: int32(i), Key: h, Flags: flags})
	}
	return dst, capsRatio(words, upperWords)
}

// bit is 1 for true: flags set without a branch where case is hard to
// predict.
func bit(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// IsWordRune says whether r belongs in a word: a letter, a digit or a
// combining mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// capsRatio: at least two words that do not start with a digit, and four
// in five of them in capitals.
func capsRatio(words, upper int) bool { return words >= 2 && upper*10 >= words*8 }
