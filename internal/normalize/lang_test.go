package normalize

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsworker/newsworker/internal/sharedtest"
)

// TestLanguageEnglishNews: every Reuters and BBC dev item is English; at
// most 10 may get another language (empty is fine: tables of figures).
func TestLanguageEnglishNews(t *testing.T) {
	var texts, ids []string
	for _, name := range []string{"eval/reuters-dev.jsonl", "eval/bbc-dev.jsonl"} {
		f, err := os.Open(sharedtest.Path(t, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var c struct {
				ID   string          `json:"id"`
				Item json.RawMessage `json:"item"`
			}
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var plain string
			var obj struct{ Title, Body string }
			if json.Unmarshal(c.Item, &plain) == nil {
				texts = append(texts, Text(plain))
			} else if err := json.Unmarshal(c.Item, &obj); err == nil {
				texts = append(texts, Line(obj.Title)+"\n\n"+Text(obj.Body))
			} else {
				t.Fatalf("%s %s: item is neither a string nor an object: %v", name, c.ID, err)
			}
			ids = append(ids, c.ID)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	other, empty := map[string]int{}, 0
	n := 0
	for i, text := range texts {
		switch got := Language("", text, "en"); got {
		case "en":
		case "":
			empty++
		default:
			other[got]++
			n++
			if n <= 20 {
				t.Logf("%s → %s: %.80q", ids[i], got, text)
			}
		}
	}
	t.Logf("%d items: %d English, %d empty, %d other %v", len(texts), len(texts)-empty-n, empty, n, other)
	if n > 10 {
		t.Errorf("%d English items got another language, want at most 10: %v", n, other)
	}
}
