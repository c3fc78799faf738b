// Package offline provides `newsworker tag`: JSON Lines in, exactly one JSON
// line out per input line, in order — the event record, or an error object
// naming the line. It is the batch-replay path and how the tagger is scored.
// It must never skip, merge or reorder lines.
package offline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/newsworker/newsworker/internal/decode"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// Processor is the part of the pipeline offline tagging needs.
type Processor interface {
	Process(ctx context.Context, m pipeline.Message) (event.Record, error)
}

// ErrorLine is written for a rejected input line.
type ErrorLine struct {
	Error struct {
		Reason  string `json:"reason"`
		Message string `json:"message"`
	} `json:"error"`
	Line int `json:"line"`
}

// Value turns one JSON Lines line into a message value: a JSON object is the
// value itself; a JSON string stands for a plain-text value (its bytes).
func Value(line []byte) ([]byte, error) {
	t := bytes.TrimSpace(line)
	if len(t) == 0 {
		return nil, &decode.Error{Reason: decode.ReasonEmpty, Msg: "empty line"}
	}
	switch t[0] {
	case '{':
		return t, nil
	case '"':
		var s string
		if err := json.Unmarshal(t, &s); err != nil {
			return nil, &decode.Error{Reason: decode.ReasonInvalidJSON, Msg: err.Error()}
		}
		return []byte(s), nil
	}
	if !json.Valid(t) {
		return nil, &decode.Error{Reason: decode.ReasonInvalidJSON, Msg: "line is not a JSON object or string"}
	}
	return nil, &decode.Error{Reason: decode.ReasonUnsupportedJSON, Msg: "line is valid JSON but not an object or a string"}
}

// Run tags every line of r and writes one line per input line to w.
// Lines are processed concurrently and written in input order. Run returns
// only after every goroutine it started has exited: when writing fails it
// stops the reader and the taggers, and returns the write error together
// with any error of the reader.
func Run(ctx context.Context, p Processor, r io.Reader, w io.Writer) error {
	return RunCounted(ctx, p, r, w, nil)
}

// Counter is told of every line written (a progress meter).
type Counter interface{ Add(n int64) }

// RunCounted is Run, telling c (when not nil) of every line written.
func RunCounted(ctx context.Context, p Processor, r io.Reader, w io.Writer, c Counter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	// Results wait in input order for the line before them: a deep queue
	// keeps every worker busy behind a slow line (64 a worker: `newsworker
	// tag` on the dev items 0.38 s against 0.42 s with 4 a worker).
	queue := make(chan chan []byte, workers*64)
	var wg sync.WaitGroup // the reader and every tagging goroutine
	var readErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(queue)
		readErr = readLines(ctx, p, bufio.NewReaderSize(r, 1<<20), queue, workers, &wg)
	}()
	writeErr := writeLines(queue, w, c)
	if writeErr != nil {
		cancel()
		for range queue { // the reader may be about to queue one more line
		}
	}
	wg.Wait()
	if writeErr != nil {
		if readErr != nil && !errors.Is(readErr, context.Canceled) {
			return errors.Join(writeErr, readErr)
		}
		return writeErr
	}
	return readErr
}

// readLines queues each line's result channel in input order and hands the
// line to one of workers tagging goroutines, started once and stopped when
// it returns. (A goroutine per line grew a fresh stack to the tagger's
// depth for every line: 3% of the command's CPU in a profile.) A queued
// line is always handed over and always answered, so the writer never
// waits on a result that will not come.
func readLines(ctx context.Context, p Processor, br *bufio.Reader, queue chan<- chan []byte, workers int, wg *sync.WaitGroup) error {
	type job struct {
		n    int
		line []byte
		res  chan<- []byte
	}
	jobs := make(chan job, workers*32)
	defer close(jobs)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- tagLine(ctx, p, j.n, j.line)
			}
		}()
	}
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return err
		}
		res := make(chan []byte, 1)
		select {
		case queue <- res:
		case <-ctx.Done():
			return ctx.Err()
		}
		jobs <- job{n, line, res}
	}
}

// writeLines writes each queued result in order until the queue closes or
// a write fails.
func writeLines(queue <-chan chan []byte, w io.Writer, c Counter) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for res := range queue {
		if _, err := bw.Write(append(<-res, '\n')); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if c != nil {
			c.Add(1)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

func tagLine(ctx context.Context, p Processor, n int, line []byte) []byte {
	v, err := Value(line)
	if err == nil {
		var rec event.Record
		if rec, err = p.Process(ctx, pipeline.Message{Value: v}); err == nil {
			b, merr := pipeline.MarshalRecord(&rec)
			if merr == nil {
				return b
			}
			err = merr
		}
	}
	var el ErrorLine
	el.Line = n
	var rej *decode.Error
	if errors.As(err, &rej) {
		el.Error.Reason, el.Error.Message = rej.Reason, rej.Msg
	} else {
		el.Error.Reason, el.Error.Message = event.ReasonInternal, err.Error()
	}
	b, _ := json.Marshal(el)
	return b
}
