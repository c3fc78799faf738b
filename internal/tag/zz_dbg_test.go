package tag

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

func TestDbgText(t *testing.T) {
	txt := os.Getenv("TXT")
	if txt == "" { t.Skip() }
	g, _ := gazetteer.Builtin()
	tg, _ := New(g)
	r, _ := tg.Tag(context.Background(), Input{Title: os.Getenv("TITLE"), Text: txt, Date: time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC)})
	for _, o := range r.Officials { fmt.Printf("OFF %s | %s | %s | %s | %d %v\n", o.Name, o.Role, o.Country, o.Status, o.Mentions, o.Evidence) }
	for _, c := range r.Countries { fmt.Printf("CTY %s %v %.3f %d\n", c.Code, c.Focus, c.Salience, c.Mentions) }
	toks := tokenize(nil, txt)
	for _, m := range tg.d.scan(nil, toks, fieldText, false) {
		fmt.Printf("M %q:", txt[toks[m.i].start:toks[m.j-1].end])
		for k, s := range tg.d.nodes[m.node].senses { if m.mask&(1<<k) != 0 { fmt.Printf(" %d/%d", s.kind, s.ref) } }
		fmt.Println()
	}
}
