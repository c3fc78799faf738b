package tag

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is the plain rune-by-rune tokenizer of version 0.3.0: the
// fast one must find the same tokens with the same flags.
func tokenizeRef(dst []token, s string) []token {
	space, para, sentence := true, true, true
	i := 0
	for i < len(s) {
		c := s[i]
		k := asciiClass[c]
		switch k {
		case 's':
			space = true
			i++
			continue
		case 'n':
			if i+1 < len(s) && s[i+1] == '\n' {
				para, sentence = true, true
			}
			space = true
			i++
			continue
		}
		var flags uint16
		if space {
			flags |= tSpace
		}
		if para {
			flags |= tPara
		}
		if sentence {
			flags |= tSentence
		}
		space, para, sentence = false, false, false
		start := i
		if k == 'p' {
			i++
			if c == '.' || c == '!' || c == '?' {
				sentence = true
			}
			dst = append(dst, token{start: int32(start), end: int32(i), key: (fnvOffset ^ uint64(c)) * fnvPrime, flags: flags})
			continue
		}
		if k == 'u' {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += size
				if unicode.IsSpace(r) {
					space = true
					continue
				}
				dst = append(dst, token{start: int32(start), end: int32(i), key: fnvRune(fnvOffset, r), flags: flags})
				continue
			}
			switch {
			case unicode.IsDigit(r):
				flags |= tDigit
			case unicode.IsUpper(r):
				flags |= tCap
			default:
				flags |= tLower
			}
		} else {
			switch k {
			case 'd':
				flags |= tDigit
			case 'U':
				flags |= tCap
			default:
				flags |= tLower
			}
		}
		flags |= tWord
		h := fnvOffset
		upper, letters := true, false
	word:
		for i < len(s) {
			c = s[i]
			switch asciiClass[c] {
			case 'l':
				upper, letters = false, true
				h = (h ^ uint64(c)) * fnvPrime
			case 'U':
				letters = true
				h = (h ^ uint64(c+'a'-'A')) * fnvPrime
			case 'd':
				h = (h ^ uint64(c)) * fnvPrime
			case 'u':
				r, size := utf8.DecodeRuneInString(s[i:])
				if !isWordRune(r) {
					break word
				}
				if unicode.IsLetter(r) {
					letters = true
					if !unicode.IsUpper(r) {
						upper = false
					}
				}
				h = fnvRune(h, foldRune(r))
				i += size
				continue
			default:
				break word
			}
			i++
		}
		if upper && letters {
			flags |= tUpper
		}
		dst = append(dst, token{start: int32(start), end: int32(i), key: h, flags: flags})
	}
	return dst
}

func fnvRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

// allCaps is the plain count tokenizeCaps must agree with.
func allCaps(toks []token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if t.is(tWord) && !t.is(tDigit) {
			words++
			if t.is(tUpper) {
				upper++
			}
		}
	}
	return capsRatio(words, upper)
}

// sameTokens checks tokenize against tokenizeRef: the same spans and flags,
// and keys that are keyOf of the word (or the key of the mark's bytes).
func sameTokens(t *testing.T, s string) {
	t.Helper()
	got, caps := tokenizeCaps(nil, s)
	want := tokenizeRef(nil, s)
	if caps != allCaps(want) {
		t.Fatalf("%.80q: caps %v, want %v", s, caps, allCaps(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%.80q: %d tokens, want %d", s, len(got), len(want))
	}
	for i, g := range got {
		w := want[i]
		if g.start != w.start || g.end != w.end || g.flags != w.flags {
			t.Fatalf("%.80q: token %d = %+v, want %+v", s, i, g, w)
		}
		text := s[g.start:g.end]
		key := keyBytes(text)
		if g.is(tWord) {
			key = keyOf(text)
		}
		if g.key != key {
			t.Fatalf("%.80q: token %d %q has key %#x, want %#x", s, i, text, g.key, key)
		}
	}
}

// FuzzTokenize: the word-at-a-time tokenizer agrees with the plain one.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "a", "U.S. SAYS", "Québec's ÉLYSÉE 1,200 al-Assad\n\nNew", "exactly8 exactly8chars 0123456789abcdefXYZ",
		"a\u00a0b\u200bc", "\xff\xfeabc", "İstanbul ǅ ß ΣΑΣ 東京", "naïve café—déjà vu", "abcdefg\u00e9", "ABCDEFGH\u2014",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameTokens(t, s) })
}

// TestTokenizeEval: the tokenizers agree on every eval text (skipped
// without ../shared/eval).
func TestTokenizeEval(t *testing.T) {
	n := 0
	for _, f := range []string{"seed.jsonl", "reuters-dev.jsonl", "bbc-dev.jsonl"} {
		data, err := os.ReadFile("../../../shared/eval/" + f)
		if err != nil {
			t.Skip("skipping: ../shared/eval not present")
		}
		for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			var c struct{ Item json.RawMessage }
			if err := json.Unmarshal(line, &c); err != nil {
				t.Fatal(err)
			}
			s := string(c.Item)
			var str string
			if json.Unmarshal(c.Item, &str) == nil {
				s = str
			}
			sameTokens(t, s)
			n++
		}
	}
	t.Logf("%d texts tokenized alike", n)
}

// BenchmarkTokenize measures the tokenizer next to the plain rune-by-rune
// one on the same texts: 400 Reuters and 400 BBC dev items when
// ../shared/eval is there (real text is branchy: numbers, tables,
// capitals), else a 5 kB news-like text repeated.
func BenchmarkTokenize(b *testing.B) {
	texts := devTexts(400)
	if len(texts) == 0 {
		texts = []string{strings.Repeat(benchTopicText, 4)}
	}
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	for _, impl := range []struct {
		name string
		f    func([]token, string) []token
	}{{"word-at-a-time", tokenize}, {"baseline-rune-by-rune", tokenizeRef}} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(int64(size / len(texts)))
			var dst []token
			for i := 0; b.Loop(); i++ {
				dst = impl.f(dst[:0], texts[i%len(texts)])
			}
		})
	}
}

// devTexts returns the title and body of up to n Reuters and n BBC dev
// items, or nothing without ../shared/eval.
func devTexts(n int) []string {
	var texts []string
	for _, f := range []string{"reuters-dev.jsonl", "bbc-dev.jsonl"} {
		data, err := os.ReadFile("../../../shared/eval/" + f)
		if err != nil {
			return nil
		}
		for k, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			if k == n {
				break
			}
			var c struct{ Item json.RawMessage }
			if json.Unmarshal(line, &c) != nil {
				continue
			}
			var plain string
			var item struct{ Title, Body string }
			switch {
			case json.Unmarshal(c.Item, &plain) == nil:
				texts = append(texts, plain)
			case json.Unmarshal(c.Item, &item) == nil:
				texts = append(texts, item.Title+"\n\n"+item.Body)
			}
		}
	}
	return texts
}
