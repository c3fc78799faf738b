package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// valueProcessor adapts the pipeline to eval's Processor (a bare value).
type valueProcessor struct{ p *pipeline.Processor }

func (v valueProcessor) Process(ctx context.Context, value []byte) (event.Record, error) {
	return v.p.Process(ctx, pipeline.Message{Value: value})
}

func runEval(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stdout) // -h prints the flags where the user reads the answer
	asJSON := fs.Bool("json", false, "print the metrics as JSON")
	verbose := fs.Bool("v", false, "list misses and false tags per case")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: eval needs at least one FILE", errUsage)
	}
	proc, err := newProcessor(cfg)
	if err != nil {
		return err
	}
	return eval.Run(ctx, fs.Args(), valueProcessor{proc}, eval.Options{JSON: *asJSON, Verbose: *verbose}, stdout)
}
