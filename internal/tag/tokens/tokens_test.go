package tokens

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// tokenizeRef is the tokenizer written plainly, rune by rune, as the
// Token comment in tokens.go states it: the fast one must give the same
// tokens, keys and flags.
func tokenizeRef(dst []Token, s string) []Token {
	space, para, sentence := true, true, true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			if strings.HasPrefix(s[i+1:], "\n") {
				para, sentence = true, true
			}
			space = true
			i += size
			continue
		case r == ' ' || r == '\t' || r == '\v' || r == '\f' || r == '\r':
			space = true
			i += size
			continue
		}
		var flags uint16
		for _, f := range []struct {
			on   bool
			flag uint16
		}{{space, Space}, {para, Para}, {sentence, Sentence}} {
			if f.on {
				flags |= f.flag
			}
		}
		space, para, sentence = false, false, false
		start := i
		if !IsWordRune(r) { // a mark: one rune, its own bytes as key
			i += size
			if unicode.IsSpace(r) {
				// A space beyond ASCII counts as a space, but, as it always
				// has, it ends a pending paragraph or sentence start.
				space = true
				continue
			}
			sentence = r == '.' || r == '!' || r == '?'
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
		lower, letters := false, false
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !IsWordRune(r) {
				break
			}
			if unicode.IsLetter(r) {
				letters = true
				lower = lower || !unicode.IsUpper(r)
			}
			i += size
		}
		if letters && !lower {
			flags |= Upper
		}
		dst = append(dst, Token{Start: int32(start), End: int32(i), Key: KeyOf(s[start:i]), Flags: Word | flags})
	}
	return dst
}

// allCaps is the plain count TokenizeCaps must agree with.
func allCaps(toks []Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if t.Is(Word) && !t.Is(Digit) {
			words++
			if t.Is(Upper) {
				upper++
			}
		}
	}
	return capsRatio(words, upper)
}

// sameTokens checks TokenizeCaps against tokenizeRef: the same tokens, keys,
// flags and capitals test.
func sameTokens(t *testing.T, s string) {
	t.Helper()
	got, caps := TokenizeCaps(nil, s)
	want := tokenizeRef(nil, s)
	if caps != allCaps(want) {
		t.Fatalf("%.80q: caps %v, want %v", s, caps, allCaps(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%.80q: %d tokens, want %d", s, len(got), len(want))
	}
	for i, g := range got {
		if g != want[i] {
			t.Fatalf("%.80q: token %d %q = %+v, want %+v", s, i, s[g.Start:g.End], g, want[i])
		}
	}
}

// FuzzTokenize: the word-at-a-time tokenizer agrees with the plain one.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "a", "U.S. SAYS", "Québec's ÉLYSÉE 1,200 al-Assad\n\nNew", "exactly8 exactly8chars 0123456789abcdefXYZ",
		"a\u00a0b\u200bc", "\xff\xfeabc", "İstanbul ǅ ß ΣΑΣ 東京", "naïve café—déjà vu", "Talks ended.\u00a0European\u2028ministers\n\u3000Next", "abcdefg\u00e9", "ABCDEFGH\u2014",
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
		data, err := os.ReadFile(sharedtest.Path(t, "eval/"+f))
		if err != nil {
			t.Fatal(err)
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

// benchText is news-like text for BenchmarkTokenize without ../shared/eval.
const benchText = "The central bank raised interest rates by a quarter point on Thursday, " +
	"citing inflation and a weaker pound. Shares in London fell as investors sold banks, while " +
	"the government said ministers would publish the budget in March. Police arrested two men " +
	"after the match, and the striker scored twice before half-time in the Premiership.\n\n"

// BenchmarkTokenize measures the tokenizer next to the plain rune-by-rune
// one on the same texts: 400 Reuters and 400 BBC dev items when
// ../shared/eval is there (real text is branchy: numbers, tables,
// capitals), else a 5 kB news-like text repeated.
func BenchmarkTokenize(b *testing.B) {
	texts := devTexts(400)
	if len(texts) == 0 {
		texts = []string{strings.Repeat(benchText, 48)}
	}
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	for _, impl := range []struct {
		name string
		f    func([]Token, string) []Token
	}{{"word-at-a-time", Tokenize}, {"baseline-rune-by-rune", tokenizeRef}} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(int64(size / len(texts)))
			var dst []Token
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
		dir, _ := sharedtest.Root()
		data, err := os.ReadFile(filepath.Join(dir, "eval", f))
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
			if text, ok := sharedtest.ItemText(c.Item); ok {
				texts = append(texts, text)
			}
		}
	}
	return texts
}

// TestWordClassFlags: the table gives each ASCII word class its flag.
func TestWordClassFlags(t *testing.T) {
	for k, want := range map[byte]uint16{'d': Digit, 'l': Lower, 'U': Cap} {
		if got := uint16(wordClassFlags[k&31]); got != want {
			t.Errorf("class %c: flag %d, want %d", k, got, want)
		}
	}
}

// TestSentenceStart: exactly '.', '!' and '?' start a sentence after them.
func TestSentenceStart(t *testing.T) {
	for c := range 256 {
		want := uint16(0)
		if c == '.' || c == '!' || c == '?' {
			want = Sentence
		}
		if got := sentenceStart(byte(c)); got != want {
			t.Errorf("%q: %d, want %d", rune(c), got, want)
		}
	}
}
