package gazetteer_test

import (
	"bufio"
	"encoding/json"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// devRun is how many consecutive words of a dev text make a distinctive
// phrase in the rules: a topic phrase or a word list of general news
// vocabulary ("the central bank said") is shorter, so a run this long can
// only have been copied from the text. Names of institutions and offices
// ("Board of Governors of the Federal Reserve System") are exempt: they are
// long by nature, and their source is the institution: a run written as a
// name in the dev text (every word but "of", "the", "and"... capitalised) is
// not indexed.
const devRun = 5

// officialNames are names of offices, institutions and meetings whose
// official English form has lower-case words, so the name rule above does
// not recognise them in the dev texts; their source is the institution.
var officialNames = []string{
	"tribunal for the former yugoslavia",           // the ICTY's official name
	"governor of the bank of england",              // the office's title
	"chief secretary to the treasury",              // a UK cabinet office
	"finance ministers and central bank governors", // the G7 and G20 meetings' name
}

// runChecked tells whether a file's phrases are rules (topic phrases, word
// lists in code) rather than names.
func runChecked(p string) bool {
	return strings.HasSuffix(p, ".go") || strings.Contains(filepath.ToSlash(p), "data/topics/") || strings.Contains(filepath.ToSlash(p), "data/usages/") ||
		strings.Contains(filepath.ToSlash(p), "data/cues/")
}

// leakRoots are the places built-in knowledge lives: the data tables and
// the word lists in the tagging and decoding code.
var leakRoots = []string{"data", "../tag", "../decode", "../normalize"}

// TestNoDevTextInBuiltinData: the built-in knowledge must not contain a case
// id of ../shared/eval or a phrase of devRun words copied from a dev text
// (issue 8: knowledge comes from sources, never from the cases that measure
// it). Test files are exempt: they may quote what they test against.
func TestNoDevTextInBuiltinData(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "eval/seed.jsonl"))
	ids, runs := devIndex(t, dir)
	var seed maphash.Seed = runs.seed
	for _, root := range leakRoots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "testdata") {
				return err
			}
			if !strings.HasSuffix(p, ".tsv") && !strings.HasSuffix(p, ".go") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for n, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "//") || strings.HasPrefix(line, "#") {
					continue // comments may cite what a rule is for
				}
				for _, id := range ids {
					if strings.Contains(line, id) {
						t.Errorf("%s:%d: names the dev case id %q", p, n+1, id)
					}
				}
				if !runChecked(p) {
					continue
				}
				// Cells, list items and string literals are phrases of their own.
				for _, phrase := range phrases(p, line) {
					w := words(phrase)
					for i := 0; i+devRun <= len(w); i++ {
						if runs.has(maphash.String(seed, strings.Join(w[i:i+devRun], " "))) && !isOfficialName(phrase) {
							t.Errorf("%s:%d: %q copies a run of %d words of a dev text", p, n+1, phrase, devRun)
							break
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestNoDevFittedNames: names a review found in the topic rules that exist
// only because a 2004-05 dev text named them (and a dateline rule quoting
// one Reuters line) must not come back.
func TestNoDevFittedNames(t *testing.T) {
	banned := []string{"gaudio", "robredo", "grewcock", "ashburton grove", "babyshambles", "dallas, march"}
	for _, root := range leakRoots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") || !(strings.HasSuffix(p, ".tsv") || strings.HasSuffix(p, ".go")) {
				return err
			}
			b, _ := os.ReadFile(p)
			low := strings.ToLower(string(b))
			for _, s := range banned {
				if strings.Contains(low, s) {
					t.Errorf("%s names %q, a dev-fitted name", p, s)
				}
			}
			return nil
		})
	}
}

func isOfficialName(phrase string) bool {
	low := strings.ToLower(phrase)
	for _, n := range officialNames {
		if strings.Contains(low, n) {
			return true
		}
	}
	return false
}

// phrases splits a line of a table into its cells and list items, and a
// line of Go into its string literals.
func phrases(p, line string) []string {
	if !strings.HasSuffix(p, ".go") {
		return strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == '|' })
	}
	var out []string
	for i, seg := range strings.Split(line, `"`) {
		if i%2 == 1 {
			out = append(out, seg)
		}
	}
	return out
}

type hashSet struct {
	seed maphash.Seed
	m    map[uint64]struct{}
}

func (h hashSet) has(x uint64) bool { _, ok := h.m[x]; return ok }

// devIndex reads every eval file's case ids and the hashes of every run of
// devRun words in its items.
func devIndex(t *testing.T, dir string) ([]string, hashSet) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no eval files in %s", dir)
	}
	runs := hashSet{seed: maphash.MakeSeed(), m: make(map[uint64]struct{}, 1<<21)}
	var ids []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var c struct {
				ID   string          `json:"id"`
				Item json.RawMessage `json:"item"`
			}
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			ids = append(ids, c.ID)
			var text string
			var obj map[string]any
			if json.Unmarshal(c.Item, &text) != nil && json.Unmarshal(c.Item, &obj) == nil {
				for _, k := range []string{"title", "headline", "body", "text"} {
					if s, ok := obj[k].(string); ok {
						text += "\n" + s
					}
				}
			}
			w, lower := wordsCased(text)
			for i := 0; i+devRun <= len(w); i++ {
				if slices.Contains(lower[i:i+devRun], true) {
					runs.m[maphash.String(runs.seed, strings.Join(w[i:i+devRun], " "))] = struct{}{}
				}
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return ids, runs
}

// nameWords may be lower case inside a name ("Court of Arbitration for Sport").
var nameWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "to": true, "a": true, "de": true, "s": true}

// wordsCased is words, with whether each word is written in lower case and
// is not one of the nameWords.
func wordsCased(s string) ([]string, []bool) {
	orig := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w := make([]string, len(orig))
	lower := make([]bool, len(orig))
	for i, o := range orig {
		w[i] = strings.ToLower(o)
		r := []rune(o)[0]
		lower[i] = unicode.IsLower(r) && !nameWords[w[i]]
	}
	return w, lower
}

// words folds case and splits on anything that is not a letter or digit.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
