package importers

import (
	"bufio"
	"io"
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// tsvWriter writes one gazetteer file: a provenance comment, the header of
// its kind, then rows with cells cleaned so that no value can break the
// format.
type tsvWriter struct {
	w     *bufio.Writer
	stats *Stats
}

func newTSVWriter(w io.Writer, kind, provenance string, stats *Stats) (*tsvWriter, error) {
	return newTSVWriterHeader(w, gazetteer.Header(kind), provenance, stats)
}

// newTSVWriterHeader is newTSVWriter with the header line given, for tables
// that end with the source column.
func newTSVWriterHeader(w io.Writer, header, provenance string, stats *Stats) (*tsvWriter, error) {
	t := &tsvWriter{w: bufio.NewWriterSize(w, 64<<10), stats: stats}
	for _, line := range strings.Split(provenance, "\n") {
		t.w.WriteString("# " + line + "\n")
	}
	_, err := t.w.WriteString(header + "\n")
	return t, err
}

var cellCleaner = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")

// row writes one row; cells are cleaned of tabs and line breaks.
func (t *tsvWriter) row(cells ...string) error {
	for i, c := range cells {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(strings.TrimSpace(cellCleaner.Replace(c)))
	}
	_, err := t.w.WriteString("\n")
	if err == nil {
		t.stats.Written++
	}
	return err
}

func (t *tsvWriter) flush() error { return t.w.Flush() }

// list joins items into a `|` list, dropping empty items and any `|` inside
// one.
func list(items []string) string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		it = strings.TrimSpace(strings.ReplaceAll(cellCleaner.Replace(it), "|", "/"))
		if it != "" {
			out = append(out, it)
		}
	}
	return strings.Join(out, "|")
}
