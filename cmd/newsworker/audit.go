package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/progress"
)

// errIncomplete is returned when the audit finds missing inputs (exit 1).
var errIncomplete = errors.New("audit found missing inputs")

// errAuditFailed marks an audit that could not run to the end: a failed
// lookup or read (exit 2, so that 1 always means "something is missing").
var errAuditFailed = errors.New("audit failed")

func runAudit(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stdout) // -h prints the flags where the user reads the answer
	rf := addRangeFlags(fs, cfg, "output topic")
	wait := fs.Duration("wait", 0, "keep reading the outputs as they grow until every input is accounted for or this much time has passed (e.g. 2m); 0 reads them to where they end now")
	fetchWait := fs.Duration("fetch-wait", 30*time.Second, "how long one fetch may take (a slow or distant broker)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	o, err := rf.options(cfg)
	if err != nil {
		return err
	}
	o.Wait, o.FetchWait = *wait, *fetchWait
	meter := progress.Start(stderr, "audit", 0)
	o.Progress = meter
	a := audit.New(o)
	defer a.Close()
	rep, err := a.Run(ctx, o)
	meter.Stop()
	if err != nil {
		return fmt.Errorf("%w: %w", errAuditFailed, err)
	}
	if *asJSON {
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintln(stdout, string(b))
	} else {
		printAudit(stdout, rep)
	}
	if rep.Missing > 0 {
		return fmt.Errorf("%w: %d of %d", errIncomplete, rep.Missing, rep.Inputs)
	}
	return nil
}

func printAudit(w io.Writer, r audit.Report) {
	parts := make([]int, 0, len(r.Ranges))
	for p := range r.Ranges {
		parts = append(parts, p)
	}
	sort.Ints(parts)
	fmt.Fprintf(w, "input topic   %s\n", r.Input)
	for _, p := range parts {
		fmt.Fprintf(w, "  partition %d offsets [%d, %d)\n", p, r.Ranges[p][0], r.Ranges[p][1])
	}
	if r.WaitedSec > 0 {
		fmt.Fprintf(w, "outputs read for %.1f s\n", r.WaitedSec)
	}
	fmt.Fprintf(w, "inputs        %d\nwith record   %d\nwith dead letter %d\nmissing       %d\nduplicates    %d (outcomes beyond the first for an input)\nduplicate ids %d\norphans       %d\nunreadable    %d\n",
		r.Inputs, r.WithRecord, r.WithDLQ, r.Missing, r.Duplicates, r.DuplicateIDs, r.Orphans, r.Unreadable)
	for i, m := range r.MissingList {
		if i == 20 {
			fmt.Fprintf(w, "  … %d more\n", r.Missing-20)
			break
		}
		fmt.Fprintf(w, "  missing partition %d offset %d\n", m.Partition, m.Offset)
	}
}
