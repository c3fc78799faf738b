package langid

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"
)

// The comparison with the detectors this package replaces (whatlanggo) and
// learns from (lingua-go, low-accuracy mode), on the same sentences of
// ../shared/data/langid in one run. Both are test-only dependencies.

// peerSample is how many sentences of each language the peers read: lingua
// reads slowly, and the test must stay well under a minute.
const peerSample = 100

type detector struct {
	name   string
	detect func(string) string
}

var linguaOnce = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().FromAllLanguages().
		WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
})

func detectors() []detector {
	d := Default()
	return []detector{
		{"langid", d.Detect},
		{"whatlanggo", func(s string) string { return whatlanggo.Detect(s).Lang.Iso6391() }},
		{"lingua-go (low accuracy)", func(s string) string {
			l, ok := linguaOnce().DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		}},
	}
}

// sample keeps the first n sentences of each language.
func sample(ss []sentence, n int) []sentence {
	var out []sentence
	count := map[string]int{}
	for _, s := range ss {
		if count[s.lang] < n {
			out = append(out, s)
			count[s.lang]++
		}
	}
	return out
}

// score returns the share of sentences detected right (an empty answer is
// wrong) and the throughput in MB/s, over passes for at least minTime.
func score(detect func(string) string, ss []sentence) (acc, mbs float64) {
	const minTime = 300 * time.Millisecond
	right, bytes, passes := 0, 0, 0
	start := time.Now()
	for passes == 0 || time.Since(start) < minTime {
		for _, s := range ss {
			if detect(s.text) == s.lang {
				right++
			}
			bytes += len(s.text)
		}
		passes++
	}
	return float64(right) / float64(passes*len(ss)), float64(bytes) / time.Since(start).Seconds() / 1e6
}

func TestCompare(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: lingua-go takes seconds to load")
	}
	all := readSentences(t)
	ds := detectors()
	acc, mbs := score(ds[0].detect, all)
	t.Logf("%-26s %6d sentences: accuracy %.4f, %6.1f MB/s", ds[0].name, len(all), acc, mbs)
	if acc < 0.95 {
		t.Errorf("accuracy %.4f on all %d sentences, want ≥ 0.95", acc, len(all))
	}
	// The news worker hints English (normalize.Language): the hint must
	// cost little on text in other languages.
	d := Default()
	acc, mbs = score(func(s string) string { return d.DetectHint(s, "en") }, all)
	t.Logf("%-26s %6d sentences: accuracy %.4f, %6.1f MB/s", "langid, hint en", len(all), acc, mbs)
	if acc < 0.95 {
		t.Errorf("accuracy %.4f with hint en on all %d sentences, want ≥ 0.95", acc, len(all))
	}
	linguaOnce() // loading is not detecting
	ss := sample(all, peerSample)
	var accs, speeds []float64
	for _, d := range ds {
		a, m := score(d.detect, ss)
		accs, speeds = append(accs, a), append(speeds, m)
		t.Logf("%-26s %6d sentences: accuracy %.4f, %6.1f MB/s", d.name, len(ss), a, m)
	}
	for i := 1; i < len(ds); i++ {
		if accs[0] <= accs[i] || speeds[0] <= speeds[i] {
			t.Errorf("%s (%.4f, %.1f MB/s) is not ahead of %s (%.4f, %.1f MB/s) on both", ds[0].name, accs[0], speeds[0], ds[i].name, accs[i], speeds[i])
		}
	}
}

// BenchmarkCompare runs the three detectors on the same sample sentences.
func BenchmarkCompare(b *testing.B) {
	ss := sample(readSentences(b), peerSample)
	n := 0
	for _, s := range ss {
		n += len(s.text)
	}
	for _, d := range detectors() {
		b.Run(d.name, func(b *testing.B) {
			d.detect("warm up: load the models")
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range ss {
					d.detect(s.text)
				}
			}
		})
	}
}

// BenchmarkDetect is this package alone on every sentence.
func BenchmarkDetect(b *testing.B) {
	ss := readSentences(b)
	d := Default()
	n := 0
	for _, s := range ss {
		n += len(s.text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			d.Detect(s.text)
		}
	}
}

func ExampleDetector_Detect() {
	fmt.Println(Default().Detect("Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites."))
	// Output: fr
}
