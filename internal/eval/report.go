package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeTable prints one block per file: the metrics that apply to it, and
// with verbose the cases' misses and false tags.
func writeTable(w io.Writer, reports []*Report, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tmetric\tprecision\trecall\tf1\tcounts")
	for _, r := range reports {
		fmt.Fprintf(tw, "%s\tcases\t\t\t\t%d (errors %d)\n", r.File, r.Cases, r.Errors)
		if m := r.Countries; m != nil {
			fmt.Fprintf(tw, "%s\tcountries\t%.3f\t%.3f\t%.3f\ttp %d fp %d fn %d\n", r.File, m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN)
		}
		if m := r.Mentioned; m != nil {
			fmt.Fprintf(tw, "%s\tcountries mentioned\t%.3f\t%.3f\t%.3f\ttp %d fp %d fn %d\n", r.File, m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN)
		}
		if m := r.Focus; m != nil {
			fmt.Fprintf(tw, "%s\tfocus countries\t%.3f\t%.3f\t%.3f\ttp %d fp %d fn %d\n", r.File, m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN)
		}
		if m := r.People; m != nil {
			fmt.Fprintf(tw, "%s\tpeople\t\t%.3f\t\t%d/%d found\n", r.File, m.Rate, m.Found, m.Total)
		}
		if m := r.Officials; m != nil {
			fmt.Fprintf(tw, "%s\tofficials\t%.3f\t%.3f\t%.3f\tfound %d/%d, false %d, country %d/%d, status %d/%d\n",
				r.File, m.Precision, m.Recall, m.F1, m.TP, m.TP+m.FN, m.FP, m.CountryAgree, m.TP, m.StatusAgree, m.TP)
		}
		if m := r.TopicTop1; m != nil {
			fmt.Fprintf(tw, "%s\ttopic top-1\t%.3f\t\t\t%d/%d\n", r.File, m.Rate, m.Found, m.Total)
		}
		if m := r.Topics; m != nil {
			fmt.Fprintf(tw, "%s\ttopics\t%.3f\t%.3f\t\tmust %d/%d, correct %d/%d\n", r.File, m.Precision.Rate, m.MustCovered.Rate,
				m.MustCovered.Found, m.MustCovered.Total, m.Precision.Found, m.Precision.Total)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !verbose {
		return nil
	}
	for _, r := range reports {
		for _, d := range r.Details {
			fmt.Fprintf(w, "%s %s", r.File, d.ID)
			if d.Error != "" {
				fmt.Fprintf(w, " error=%q", d.Error)
			}
			if len(d.Missed) > 0 {
				fmt.Fprintf(w, " missed=[%s]", strings.Join(d.Missed, " "))
			}
			if len(d.False) > 0 {
				fmt.Fprintf(w, " false=[%s]", strings.Join(d.False, " "))
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
