package normalize

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGolden(t *testing.T) {
	ins, _ := filepath.Glob("testdata/*.*")
	for _, in := range ins {
		if strings.HasSuffix(in, ".golden") {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, _ := os.ReadFile(in)
			src := string(b)
			if strings.HasSuffix(in, ".html") {
				src = HTMLToText(src)
			}
			got := Text(src)
			golden := in + ".golden"
			if *update {
				_ = os.WriteFile(golden, []byte(got), 0o644)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump’s “deal”", `Trump's "deal"`},
		{"al‐Assad – 2017—2018", "al-Assad - 2017-2018"},
		{"a\u200bb\u202ec\u00add", "abcd"},
		{"  one\n two  \n\n\nthree ", "one two\n\nthree"},
		{"line\n    indented para", "line\n\nindented para"},
		{"nul\x00byte", "nul byte"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTMLDeepAndHuge(t *testing.T) {
	deep := strings.Repeat("<div>", 100000) + "deep text" + strings.Repeat("</div>", 100000)
	if got := Text(HTMLToText(deep)); got != "deep text" {
		t.Errorf("deep: got %q", got)
	}
	attr := `<p title="` + strings.Repeat("x", 5<<20) + `">visible</p>`
	if got := Text(HTMLToText(attr)); got != "visible" {
		t.Errorf("huge attribute: got %q", got)
	}
}

func TestLanguage(t *testing.T) {
	if got := Language("", "The foreign ministers of Russia and the United States met in Moscow on Wednesday to discuss the war.", "en"); got != "en" {
		t.Errorf("english: %q", got)
	}
	if got := Language("", "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites, a annoncé le président.", "en"); got != "fr" {
		t.Errorf("french: %q", got)
	}
	if got := Language("de-DE", "anything", "en"); got != "de" {
		t.Errorf("declared: %q", got)
	}
	if got := Language("", "two words", "en"); got != "" {
		t.Errorf("short: %q", got)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Trump’s “deal”", "<p>a</p><script>x</script>", "a\n\n  b", "\xff\xfe", "e\u0301\n\u0301x", "<div><p>x</div>", "a  b\n  c \t d\r\n", "<P>x<BR>", "<ſpan><ſpan>", "<lİ>x<dİv>", "<P>a</P>", "<Br/>\u212a<br>", "a\u00a0b", "a\u2003 b", " a", "a ", "one two"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Text(s)
		if ref := textReference(s); once != ref {
			t.Fatalf("Text(%q) = %q; the reference gives %q", s, once, ref)
		}
		if LooksLikeHTML(s) != looksLikeHTMLReference(s) {
			t.Fatalf("LooksLikeHTML(%q) differs from the reference", s)
		}
		if twice := Text(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		if strings.Contains(once, "\n\n\n") || strings.HasPrefix(once, " ") || strings.HasSuffix(once, " ") {
			t.Fatalf("whitespace not collapsed: %q", once)
		}
		h := Text(HTMLToText(s))
		if Text(h) != h {
			t.Fatalf("html path not idempotent: %q", s)
		}
		if l := Line(s); strings.Contains(l, "\n") || Line(l) != l {
			t.Fatalf("Line: %q", l)
		}
		// Line's shortcut for single-spaced text gives what the join gives.
		if l, ref := Line(s), strings.Join(strings.Fields(strings.ReplaceAll(once, "\n\n", " ")), " "); l != ref {
			t.Fatalf("Line(%q) = %q; the join gives %q", s, l, ref)
		}
	})
}

// BenchmarkNormalize measures Text next to a baseline in the same run: a
// bare whitespace collapse (strings.Fields + Join), the least any
// normalizer does.
func BenchmarkNormalize(b *testing.B) {
	para := "Russia and the US struck a conciliatory tone on key points of disagreement on April 12 when US Secretary of State Rex Tillerson made his first official visit to Moscow. “There is a low level of trust,” he said.\n\n"
	doc := strings.Repeat(para, 20)
	b.Run("newsworker", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			_ = Text(doc)
		}
	})
	b.Run("baseline-fields-join", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			_ = strings.Join(strings.Fields(doc), " ")
		}
	})
}
