package tag

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// tokenizeRef is the tokenizer written plainly, rune by rune, as the
// token comment in tokens.go states it: the fast one must give the same
// tokens, keys and flags.
func tokenizeRef(dst []token, s string) []token {
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
		}{{space, tSpace}, {para, tPara}, {sentence, tSentence}} {
			if f.on {
				flags |= f.flag
			}
		}
		space, para, sentence = false, false, false
		start := i
		if !isWordRune(r) { // a mark: one rune, its own bytes as key
			i += size
			if unicode.IsSpace(r) {
				// A space beyond ASCII counts as a space, but, as it always
				// has, it ends a pending paragraph or sentence start.
				space = true
				continue
			}
			sentence = r == '.' || r == '!' || r == '?'
			dst = append(dst, token{start: int32(start), end: int32(i), key: keyBytes(s[start:i]), flags: flags})
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
		lower, letters := false, false
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			if unicode.IsLetter(r) {
				letters = true
				lower = lower || !unicode.IsUpper(r)
			}
			i += size
		}
		if letters && !lower {
			flags |= tUpper
		}
		dst = append(dst, token{start: int32(start), end: int32(i), key: keyOf(s[start:i]), flags: tWord | flags})
	}
	return dst
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

// sameTokens checks tokenize against tokenizeRef: the same tokens, keys,
// flags and capitals test.
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
		if g != want[i] {
			t.Fatalf("%.80q: token %d %q = %+v, want %+v", s, i, s[g.start:g.end], g, want[i])
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

// TestWordClassFlags: the table gives each ASCII word class its flag.
func TestWordClassFlags(t *testing.T) {
	for k, want := range map[byte]uint16{'d': tDigit, 'l': tLower, 'U': tCap} {
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
			want = tSentence
		}
		if got := sentenceStart(byte(c)); got != want {
			t.Errorf("%q: %d, want %d", rune(c), got, want)
		}
	}
}
