package demo

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// print writes the outcomes readably: records first (by title), then dead
// letters (by origin offset).
func print(out io.Writer, got []outcome, showJSON bool) {
	sort.SliceStable(got, func(i, j int) bool {
		if (got[i].rec == nil) != (got[j].rec == nil) {
			return got[i].rec != nil
		}
		if got[i].rec != nil {
			return got[i].rec.Title < got[j].rec.Title
		}
		return got[i].origin < got[j].origin
	})
	for _, o := range got {
		if o.rec == nil {
			fmt.Fprintf(out, "DEAD LETTER  reason=%s  %s\n\n", o.reason, o.errMsg)
			continue
		}
		r := o.rec
		fmt.Fprintf(out, "EVENT %s  %q\n", r.ID, r.Title)
		fmt.Fprintf(out, "  published %s (%s)  language %s  source %s\n", r.PublishedAt, r.PublishedAtSource, r.Language, r.Source.Name)
		var cs []string
		for _, c := range r.Countries {
			f := ""
			if c.Focus {
				f = "*"
			}
			cs = append(cs, fmt.Sprintf("%s%s(%.2f)", c.Code, f, c.Salience))
		}
		fmt.Fprintf(out, "  countries  %s\n", strings.Join(cs, " "))
		for _, o := range r.Officials {
			fmt.Fprintf(out, "  official   %s — %s, %s, %s\n", o.Name, o.Role, o.Country, o.Status)
		}
		var ts []string
		for _, t := range r.Topics {
			ts = append(ts, fmt.Sprintf("%s %q %.2f", t.Code, t.Label, t.Score))
		}
		fmt.Fprintf(out, "  topics     %s\n", strings.Join(ts, "; "))
		if showJSON {
			b, _ := json.MarshalIndent(r, "  ", "  ")
			fmt.Fprintf(out, "  %s\n", b)
		}
		fmt.Fprintln(out)
	}
	var recs, dl int
	for _, o := range got {
		if o.rec != nil {
			recs++
		} else {
			dl++
		}
	}
	fmt.Fprintf(out, "%d records on %s, %d dead letters on %s; offsets committed after the broker acknowledged each output.\n",
		recs, outTopic, dl, dlqTopic)
}
