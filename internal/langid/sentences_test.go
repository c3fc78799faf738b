package langid

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// sentence is one labeled line of ../shared/data/langid (test data only).
type sentence struct {
	lang, text string
}

// readSentences reads every sentence of ../shared/data/langid, by
// language in file-name order, or skips the test when ../shared is absent.
func readSentences(t testing.TB) []sentence {
	t.Helper()
	dir := sharedtest.Path(t, "data/langid")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sentence files in %s (%v)", dir, err)
	}
	slices.Sort(files)
	var out []sentence
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".txt")
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			out = append(out, sentence{lang, sc.Text()})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
