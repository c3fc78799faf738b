// Package eval provides the `newsworker eval` scorer: it runs labeled cases
// (JSON Lines as described in shared/eval/README.md) through a Processor and
// scores the records exactly as that README defines, so that anyone who
// measures the project gets the same figures.
//
// This package must never tune, filter or alter cases, and never feed eval
// text back into the project's data.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/pkg/event"
)

// Processor turns one input message value into one record. It must be safe
// for concurrent use: cases are processed in parallel.
type Processor interface {
	Process(ctx context.Context, value []byte) (event.Record, error)
}

// Options control the report.
type Options struct {
	JSON    bool // print the report as JSON instead of a table
	Verbose bool // list misses and false tags per case
	// Broader maps a topic qcode to its broader concept (IPTC "broader"
	// links); nil loads them from the built-in gazetteer's topic rules.
	Broader map[string]string
	Workers int // parallel cases; 0 means GOMAXPROCS
}

// Case is one labeled line.
type Case struct {
	ID    string `json:"id"`
	Value []byte `json:"-"`
	Gold  Gold   `json:"gold"`
}

// Gold holds the labels; a nil slice means the key is absent, so the metric
// does not apply.
type Gold struct {
	Countries  []string       `json:"countries"`           // what the story is about: salience ≥ 0.5
	Mentioned  []string       `json:"countries_mentioned"` // every country the text mentions
	Focus      []string       `json:"focus_countries"`
	Officials  []GoldOfficial `json:"officials"`
	People     []string       `json:"people"`
	TopicsMust []string       `json:"topics_must"`
	TopicsMay  []string       `json:"topics_may"`
	TopicTop   string         `json:"topic_top"`
}

// GoldOfficial is one hand-labeled official.
type GoldOfficial struct {
	Name    string `json:"name"`
	Role    string `json:"role"`
	Country string `json:"country"`
	Status  string `json:"status"`
}

// Run scores every file and writes the report to stdout.
func Run(ctx context.Context, files []string, p Processor, opts Options, stdout io.Writer) error {
	if len(files) == 0 {
		return errors.New("eval: no files")
	}
	if opts.Broader == nil {
		g, err := gazetteer.Builtin()
		if err != nil {
			return fmt.Errorf("eval: load gazetteer: %w", err)
		}
		opts.Broader = BroaderOf(g.Topics)
	}
	var reports []*Report
	for _, f := range files {
		cases, err := ReadFile(f)
		if err != nil {
			return err
		}
		recs, errs := process(ctx, p, cases, opts.Workers)
		if err := ctx.Err(); err != nil {
			return err
		}
		reports = append(reports, Score(filepath.Base(f), cases, recs, errs, opts.Broader, opts.Verbose))
	}
	if opts.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reports)
	}
	return writeTable(stdout, reports, opts.Verbose)
}

// BroaderOf maps each topic rule's code to its parent.
func BroaderOf(rules []gazetteer.TopicRule) map[string]string {
	m := make(map[string]string, len(rules))
	for _, r := range rules {
		m[r.Code] = r.Parent
	}
	return m
}

// ReadFile reads one JSON Lines file of cases. An item that is a JSON
// string stands for the string's UTF-8 bytes; an object for its raw bytes.
func ReadFile(name string) ([]Case, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return Read(f, name)
}

// Read reads cases from r; name is used in error messages.
func Read(r io.Reader, name string) ([]Case, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var cases []Case
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 && len(trimSpace(b)) > 0 {
			c, perr := parseCase(b)
			if perr != nil {
				return nil, fmt.Errorf("eval: %s:%d: %w", name, line, perr)
			}
			cases = append(cases, c)
		}
		if err == io.EOF {
			return cases, nil
		}
		if err != nil {
			return nil, fmt.Errorf("eval: read %s: %w", name, err)
		}
	}
}

func parseCase(b []byte) (Case, error) {
	var raw struct {
		ID   string          `json:"id"`
		Item json.RawMessage `json:"item"`
		Gold Gold            `json:"gold"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Case{}, err
	}
	c := Case{ID: raw.ID, Gold: raw.Gold}
	item := trimSpace(raw.Item)
	switch {
	case len(item) > 0 && item[0] == '"':
		var s string
		if err := json.Unmarshal(item, &s); err != nil {
			return Case{}, fmt.Errorf("item: %w", err)
		}
		c.Value = []byte(s)
	case len(item) > 0 && item[0] == '{':
		c.Value = append([]byte(nil), item...)
	default:
		return Case{}, errors.New("item is neither a JSON object nor a string")
	}
	return c, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// process runs the cases in parallel; the outputs keep the cases' order.
func process(ctx context.Context, p Processor, cases []Case, workers int) ([]event.Record, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	recs := make([]event.Record, len(cases))
	errs := make([]error, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				recs[i], errs[i] = p.Process(ctx, cases[i].Value)
				if errs[i] != nil {
					recs[i] = event.Record{} // an error counts as an empty record
				}
			}
		}()
	}
feed:
	for i := range cases {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return recs, errs
}
