package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/buildinfo"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/demo"
	"github.com/newsworker/newsworker/internal/offline"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/service"
	"github.com/newsworker/newsworker/internal/tag"
)

const usage = `usage: newsworker <command> [arguments]

commands:
  run                 the Kafka worker (configured by NEWSWORKER_* environment variables)
  demo [-json]        embedded broker + sample items + the real worker; prints the events
  tag [FILE...]       offline: JSON Lines in (files or stdin), one JSON line out per input line
  eval [-json] [-v] FILE...  score the tagger on eval files (../shared/eval format)
  audit [-input T] [-output T] [-dlq T] [-since T] [-until T] [-from-offset N] [-to-offset N] [-wait D] [-json]
                      completeness check: every input offset has a record or a dead letter
  train [-o MODEL] [-cv K] FILE...  train the topic model on labelled JSON Lines (train -h)
  import KIND IN      convert a public source to a gazetteer file on stdout (geonames, wikidata, cameo)
  version             print the version
`

// errUsage marks command-line mistakes (exit code 2).
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) || errors.Is(err, errAuditFailed) {
		return 2
	}
	return 1
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "newsworker %s (tagger %s)\n", buildinfo.Version(), tag.Version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	switch cmd {
	case "run":
		log.Info().Interface("config", cfg).Str("version", buildinfo.Version()).Msg("starting")
		proc, err := newProcessor(cfg)
		if err != nil {
			return err
		}
		return service.Run(ctx, cfg, proc, log, service.Hooks{})
	case "demo":
		fs := flag.NewFlagSet("demo", flag.ContinueOnError)
		showJSON := fs.Bool("json", false, "also print each record as JSON")
		if err := fs.Parse(args); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		proc, err := newProcessor(cfg)
		if err != nil {
			return err
		}
		return demo.Run(ctx, stdout, log.Level(zerolog.WarnLevel), proc, *showJSON)
	case "tag":
		proc, err := newProcessor(cfg)
		if err != nil {
			return err
		}
		return tagFiles(ctx, proc, args, stdin, stdout)
	case "eval":
		return runEval(ctx, cfg, args, stdout)
	case "audit":
		return runAudit(ctx, cfg, args, stdout)
	case "import":
		return runImport(args, stdout, stderr)
	case "train":
		return runTrain(ctx, cfg, args, stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

func newLogger(cfg config.Config, w io.Writer) zerolog.Logger {
	lvl, err := zerolog.ParseLevel(cfg.LogLevel)
	if err != nil {
		lvl = zerolog.InfoLevel
	}
	if cfg.LogFormat == "console" {
		w = zerolog.ConsoleWriter{Out: w}
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Str("service", "newsworker").Logger()
}

func newProcessor(cfg config.Config) (*pipeline.Processor, error) {
	return pipeline.NewDefault(cfg.GazetteerFiles, cfg.TopicModel, pipeline.Options{MaxItemBytes: cfg.MaxItemBytes, ItemTimeout: cfg.ItemTimeout})
}

// tagFiles runs offline tagging over the files in order, or stdin.
func tagFiles(ctx context.Context, proc *pipeline.Processor, files []string, stdin io.Reader, stdout io.Writer) error {
	if len(files) == 0 {
		return offline.Run(ctx, proc, stdin, stdout)
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		err = offline.Run(ctx, proc, fh, stdout)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}
