package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/progress"
	"github.com/newsworker/newsworker/internal/replay"
	"github.com/newsworker/newsworker/internal/worker"
)

const replayUsage = `usage: newsworker replay [flags]

Re-processes a range of the input topic (partitions, offsets or times) into
an output topic of your choice with the worker's own pipeline, so records keep
their ids (consumers can upsert), then audits the range. It reads the input
with no consumer group and commits nothing. Progress goes to stderr, the
summary to stdout; exit 1 when the audit finds inputs without an outcome.

Example, re-tag yesterday's items into a new topic after a gazetteer update:
  newsworker replay -since 2026-12-06T00:00:00Z -until 2026-12-07T00:00:00Z -output news.events.v2

flags:
`

func runReplay(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() { fmt.Fprint(fs.Output(), replayUsage); fs.PrintDefaults() }
	rf := addRangeFlags(fs, cfg, "topic the replayed records are written to (it must exist)")
	skipAudit := fs.Bool("no-audit", false, "skip the audit of the range at the end")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	o, err := rf.options(cfg)
	if err != nil {
		return err
	}
	if o.Output == o.Input || o.DLQ == o.Input {
		return fmt.Errorf("%w: -output and -dlq must differ from -input", errUsage)
	}
	proc, err := newProcessor(cfg)
	if err != nil {
		return err
	}
	sec, err := kafkaio.NewSecurity(cfg.TLS, cfg.SASL)
	if err != nil {
		return err
	}
	sec.ClientID = cfg.ClientID
	log := zerolog.New(stderr).Level(zerolog.WarnLevel).With().Timestamp().Str("command", "replay").Logger()
	w := kafkaio.NewWriter(kafkaio.WriterConfig{Brokers: cfg.Brokers, BatchSize: cfg.BatchSize, BatchBytes: int64(cfg.MaxBatchBytes),
		BatchTimeout: cfg.BatchTimeout, Compression: cfg.Compression, Topics: []string{o.Output, o.DLQ}}, sec, log)
	defer w.Close()
	conc := cfg.Concurrency
	if conc == 0 {
		conc = runtime.GOMAXPROCS(0)
	}
	meter := progress.Start(stderr, "replay", 0)
	res, err := replay.Run(ctx, replay.Config{Range: o, MaxInFlight: worker.InFlight(cfg.MaxInFlight, cfg.BatchSize), SkipAudit: *skipAudit,
		Worker: worker.Config{Concurrency: conc, Publishers: worker.Publishers, BatchSize: cfg.BatchSize, Linger: cfg.BatchTimeout,
			WriteRetries: cfg.WriteRetries, BackoffMax: cfg.RetryBackoffMax, MaxRecordBytes: cfg.MaxBatchBytes - 16<<10, CopyHeaders: cfg.CopyHeaders}},
		proc, w, log, meter)
	meter.Stop()
	if err != nil {
		return err
	}
	if *asJSON {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Fprintln(stdout, string(b))
	} else {
		fmt.Fprintf(stdout, "replayed %d items of %s into %s (dead letters to %s) in %.1f s\n", res.Items, o.Input, o.Output, o.DLQ, res.Seconds)
		if res.Audit != nil {
			printAudit(stdout, *res.Audit)
		}
	}
	if res.Audit != nil && res.Audit.Missing > 0 {
		return fmt.Errorf("%w: %d of %d", errIncomplete, res.Audit.Missing, res.Audit.Inputs)
	}
	return nil
}
