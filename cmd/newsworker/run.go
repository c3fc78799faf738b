package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"text/tabwriter"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/buildinfo"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/demo"
	"github.com/newsworker/newsworker/internal/offline"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/progress"
	"github.com/newsworker/newsworker/internal/service"
	"github.com/newsworker/newsworker/internal/tag"
)

const usage = `usage: newsworker <command> [arguments]

commands:
  run                 the Kafka worker (configured by NEWSWORKER_* environment variables)
  demo [-json]        embedded broker + sample items + the real worker; prints the events
  tag [FILE...]       offline: JSON Lines in (files or stdin), one JSON line out per input line
  eval [-json] [-v] FILE...  score the tagger on eval files (../shared/eval format)
  audit [-input T] [-output T] [-dlq T] [-partitions P] [-since T] [-until T] [-from-offset N] [-to-offset N] [-wait D] [-json]
                      completeness check: every input offset has a record or a dead letter
  replay [-output T] [-partitions P] [-since T] [-until T] [-from-offset N] [-to-offset N] [-no-audit]
                      re-process a range of the input into a topic of your choice (same ids), then audit it
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
	if slices.ContainsFunc(args, isHelpFlag) {
		return commandHelp(cmd, args, stdout, stderr)
	}
	if cmd == "import" {
		return runImport(args, stdout, stderr)
	}
	scope, ok := scopes[cmd]
	if !ok {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
	}
	cfg, err := config.LoadFor(scope)
	if err != nil {
		return err
	}
	switch cmd {
	case "run":
		log := newLogger(cfg, stderr)
		ev := log.Info().Interface("config", cfg.Values()).Str("version", buildinfo.Version()).Int("gomaxprocs", runtime.GOMAXPROCS(0))
		if soft := memoryLimit(cgroupMemoryMax); soft > 0 {
			ev = ev.Int64("gomemlimit_from_cgroup", soft)
		}
		ev.Msg("starting")
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
		log := zerolog.New(stderr).Level(zerolog.WarnLevel).With().Timestamp().Logger()
		return demo.Run(ctx, stdout, log, proc, *showJSON)
	case "tag":
		proc, err := newProcessor(cfg)
		if err != nil {
			return err
		}
		return tagFiles(ctx, proc, args, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, cfg, args, stdout)
	case "audit":
		return runAudit(ctx, cfg, args, stdout, stderr)
	case "replay":
		return runReplay(ctx, cfg, args, stdout, stderr)
	default: // train
		return runTrain(ctx, cfg, args, stdout, stderr)
	}
}

// scopes says which settings each command reads, so that it validates only
// those (config.Scope).
var scopes = map[string]config.Scope{
	"run": config.ScopeWorker, "audit": config.ScopeClient, "replay": config.ScopeClient,
	"demo": config.ScopeOffline, "tag": config.ScopeOffline, "eval": config.ScopeOffline, "train": config.ScopeOffline,
}

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// commandHelp prints a command's usage and returns nil (exit 0). Commands
// with flags print theirs through the flag package, which answers -h with
// the usage and flag.ErrHelp.
func commandHelp(cmd string, args []string, stdout, stderr io.Writer) error {
	switch cmd {
	case "run":
		fmt.Fprint(stdout, "usage: newsworker run\n\nThe Kafka worker. It is configured by these environment variables (default in brackets):\n\n")
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for _, v := range config.Vars() {
			fmt.Fprintf(tw, "  %s\t[%s]\t%s\n", v.Name, v.Default, v.Desc)
		}
		return tw.Flush()
	case "tag":
		fmt.Fprint(stdout, `usage: newsworker tag [FILE...]

Tags JSON Lines offline: each line is one input message value (a JSON object,
or a JSON string standing for a plain-text value); files in order, or stdin.
Writes exactly one JSON line per input line, in order: the event record, or
{"error":{"reason","message"},"line":N}. Reads NEWSWORKER_GAZETTEER_FILES,
NEWSWORKER_TOPIC_MODEL, NEWSWORKER_MAX_ITEM_BYTES and NEWSWORKER_ITEM_TIMEOUT.
`)
		return nil
	case "import":
		if isHelpFlag(args[0]) {
			fmt.Fprint(stdout, "usage: newsworker import KIND [flags] FILE\n\nConverts a public source into a gazetteer file on stdout (counts on stderr).\nKINDs: geonames, wikidata, cameo, factbook. `newsworker import KIND -h` lists a kind's flags.\n")
			return nil
		}
		err := runImport([]string{args[0], "-h"}, stdout, stderr)
		if err != nil && !errors.Is(err, errUsage) {
			return err
		}
		return nil
	}
	if _, ok := scopes[cmd]; !ok {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
	}
	// Only "-h" is passed on: the flags are printed before anything runs,
	// even when a file name came first ("eval a.jsonl -h").
	args = []string{"-h"}
	var cfg config.Config // defaults are enough to print the flags
	var err error
	switch cmd {
	case "demo":
		fs := flag.NewFlagSet("demo", flag.ContinueOnError)
		fs.SetOutput(stdout)
		fs.Bool("json", false, "also print each record as JSON")
		err = fs.Parse(args)
	case "eval":
		err = runEval(context.Background(), cfg, args, stdout)
	case "audit":
		err = runAudit(context.Background(), cfg, args, stdout, stderr)
	case "replay":
		err = runReplay(context.Background(), cfg, args, stdout, stderr)
	case "train":
		err = runTrain(context.Background(), cfg, args, stdout, stderr)
	}
	if err != nil && !errors.Is(err, errUsage) && !errors.Is(err, flag.ErrHelp) {
		return err
	}
	return nil
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

// newProcessor builds the pipeline every command runs. The build makes
// tens of megabytes of tables, and as much garbage, from an empty heap:
// the collector would run a cycle at every doubling for nothing it could
// free, so it waits until the build is done (a memory limit still holds,
// since it applies whatever the GC percentage). `newsworker tag` on one
// item, collector off during the build against on: 0.15 s against
// 0.16–0.19 s, 0.16 s of CPU against 0.20.
func newProcessor(cfg config.Config) (*pipeline.Processor, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return pipeline.NewDefault(cfg.GazetteerFiles, cfg.TopicModel, pipeline.Options{MaxItemBytes: cfg.MaxItemBytes, ItemTimeout: cfg.ItemTimeout, LanguageHint: cfg.LanguageHint})
}

// tagFiles runs offline tagging over the files in order, or stdin, with
// progress on stderr.
func tagFiles(ctx context.Context, proc *pipeline.Processor, files []string, stdin io.Reader, stdout, stderr io.Writer) error {
	meter := progress.Start(stderr, "tag", 0)
	defer meter.Stop()
	if len(files) == 0 {
		return offline.RunCounted(ctx, proc, stdin, stdout, meter)
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		err = offline.RunCounted(ctx, proc, fh, stdout, meter)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}
