package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/internal/topictrain"
)

const trainUsage = `usage: newsworker train [-o MODEL] [-cv K] FILE...

Trains the topic model (IPTC top-level concepts, combined with the topic
rules in the tagger) on labelled JSON Lines. Each line is either
  {"text": "<headline>\n\n<body>", "topic": "medtop:…"}
or a line of the eval format (../shared/eval):
  {"id": "…", "item": "<plain text>" or {"title": …, "body": …}, "gold": {"topic_top": "medtop:…"}}
A topic below the top level counts for its top-level concept. The same
input gives a byte-identical model file. Point the worker at the file with
NEWSWORKER_TOPIC_MODEL.

flags:
`

// runTrain trains a topic model and writes it, and with -cv prints the
// cross-validated figures.
func runTrain(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the model to this file")
	folds := fs.Int("cv", 0, "print K-fold cross-validated top-1 of the model alone, the rules alone and both combined")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), trainUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 || (*out == "" && *folds == 0) {
		fs.Usage()
		return fmt.Errorf("%w: train needs FILE and -o or -cv", errUsage)
	}
	g, err := gazetteer.Load(cfg.GazetteerFiles...)
	if err != nil {
		return err
	}
	var items []topictrain.Item
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		more, err := topictrain.Read(f, name, eval.BroaderOf(g.Topics))
		f.Close()
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		items = append(items, more...)
	}
	opt := topicmodel.DefaultOptions()
	if *folds != 0 {
		cv, err := topictrain.CrossValidate(ctx, g, items, *folds, opt)
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		cv.Print(stdout)
	}
	if *out == "" {
		return nil
	}
	m, err := topictrain.Train(ctx, items, opt)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if err := os.WriteFile(*out, m.Marshal(), 0o644); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}
