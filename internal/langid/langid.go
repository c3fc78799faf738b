// Package langid identifies the language of a text among the 75 languages
// of lingua-go's models, fast and without allocating: the script of the
// text decides alone for most scripts; among the languages of one script
// (Latin, Cyrillic, Arabic, Devanagari) hashed character n-grams add
// quantized log-probability bonuses, taken from a table generated from
// lingua-go's models (gen/), into one counter per language.
//
// Nothing in its table may ever come from the langid test sentences of
// ../shared: they are test data, here only to measure the detector.
package langid

import (
	_ "embed"
	"sync"
	"unicode/utf8"
)

//go:embed data/ngrams.bin
var tableData []byte

const (
	maxLangs = 128 // a power of two above the table's languages
	maxOrder = 5   // the longest n-gram looked up
	// The start of a text says what language it is in. 512 bytes (a
	// headline and a sentence or two) answer exactly as 2,048 did on every
	// dev item and on all 74,141 test sentences, and read a quarter as much
	// of a long article: `newsworker tag` over the dev items 0.52–0.58 s
	// against 0.56–0.60 s.
	sampleBytes = 512
)

// SampleBytes is how much of a text the detector reads: a caller may cut a
// longer text to SampleBytes+1 bytes (the byte after the sample decides
// where a character cut at its end begins) and get the same answer.
const SampleBytes = sampleBytes

// Detector identifies languages with one n-gram table. It is immutable
// and safe for concurrent use.
type Detector struct {
	t      *table
	groups [numScripts][]uint8 // the languages of each script
	scored [numScripts]bool    // scripts of more than one language
	blocks [blocksEnd >> 4]Script
}

// New parses a table written by gen.
func New(tableBytes []byte) (*Detector, error) {
	t, err := parseTable(tableBytes)
	if err != nil {
		return nil, err
	}
	d := &Detector{t: t, blocks: scriptBlocks()}
	for i, s := range t.langs {
		d.groups[s] = append(d.groups[s], uint8(i))
	}
	for s, g := range d.groups {
		d.scored[s] = len(g) > 1
	}
	return d, nil
}

// Default returns the detector of the embedded table, parsed at first use.
// A table that does not parse is a build defect: Default panics.
var Default = sync.OnceValue(func() *Detector {
	d, err := New(tableData)
	if err != nil {
		panic(err)
	}
	return d
})

// Codes returns the ISO 639-1 codes the detector can return.
func (d *Detector) Codes() []string {
	return append([]string(nil), d.t.codes...)
}

// Detect returns the ISO 639-1 code of text's language, or "" when the
// text has too few letters or no language stands out.
func (d *Detector) Detect(text string) string {
	return d.detect(text, -1).code
}

// DetectHint is Detect with a language expected of the text (an ISO 639-1
// code, e.g. a feed's usual language): it wins when it trails the best
// language of its script by at most a quarter of a nat per letter, so that
// abbreviations, tables and foreign names in a text in the expected
// language do not make it another. A hint the detector does not know is
// ignored.
func (d *Detector) DetectHint(text, hint string) string {
	h := -1
	for i, c := range d.t.codes {
		if c == hint {
			h = i
			break
		}
	}
	return d.detect(text, h).code
}

func (d *Detector) detect(text string, hint int) verdict {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	var scores [maxLangs]int32
	var letters [numScripts]int32
	var hs [maxOrder + 1]uint64 // hs[n]: hash of the word's last n runes
	wl, hit := 0, 0             // the word's runes so far (up to maxOrder), the last hit's order
	// With a hint, the scan stops at a checkpoint where the hinted language
	// is clearly ahead (settled).
	hintScript, check := ScriptNone, int32(1<<30)
	if hint >= 0 {
		hintScript, check = d.t.langs[hint], settleFirst
	}
	for i := 0; i < len(text); {
		if letters[hintScript] >= check {
			if d.settled(&scores, hint, letters[hintScript]) {
				break
			}
			check += settleEvery
		}
		r, s := rune(text[i]), ScriptLatin
		if r < utf8.RuneSelf {
			i++
			if r |= 0x20; r < 'a' || r > 'z' {
				wl, hit = 0, 0
				continue
			}
			letters[ScriptLatin]++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			if s = d.script(r); s == ScriptNone && !wordRune(r) {
				wl, hit = 0, 0
				continue
			}
			letters[s]++
			if s != ScriptNone && !d.scored[s] {
				// The script decides: no n-grams to look up.
				wl, hit = 0, 0
				continue
			}
			r = toLower(r)
		}
		for n := maxOrder; n > 1; n-- {
			hs[n] = hashRune(hs[n-1], r)
		}
		hs[1] = hashRune(hashSeed, r)
		if wl < maxOrder {
			wl++
		}
		// The longest n-gram the table has stands for every order. It
		// extends the previous position's at most by one: the table holds
		// the most frequent n-grams, and an n-gram is rarer than its prefix.
		n := min(wl, hit+1)
		for n > 0 {
			if k := fold(hs[n]); d.t.may(k) && d.t.add(&scores, k) {
				break
			}
			n--
		}
		hit = n
	}
	return d.verdict(&scores, &letters, hint)
}

// The hinted language settles the question early. News in a feed's usual
// language is most items, and its opening lines already put that language
// ahead. A hinted language wins unless another one beats it by hintMargin
// per letter over the whole sample (verdict), so once it leads every
// other language of its script after settleFirst letters, another one
// could still win only if the rest of the sample were in that language,
// by so much that it makes up the lead and hintMargin per letter of the
// whole sample: a text that changes language after its first lines, for
// which the language it opens in is as good an answer. The scan checks
// every settleEvery letters from settleFirst on, and stops when the hint
// leads by settleLead per letter (1/8 nat). Without a hint the whole
// sample is read. With the English hint the 9,456 Reuters and BBC dev
// items get the same languages as with the whole sample (8 not English,
// 25 empty: TestLanguageEnglishNews), the hinted accuracy on the 74,141
// test sentences moves from 0.9519 to 0.9518 (TestCompare), and
// BenchmarkPipeline takes 60–63 µs an item against 72 µs in the same run.
const (
	settleFirst = 64
	settleEvery = 64
	settleLead  = 1
)

// settled reports whether the hinted language leads every other language
// of its script by settleLead per letter.
func (d *Detector) settled(scores *[maxLangs]int32, hint int, letters int32) bool {
	top := scores[hint]
	for _, l := range d.groups[d.t.langs[hint]] {
		if int(l) != hint && top-scores[l] < settleLead*letters {
			return false
		}
	}
	return true
}
