package service_test

import (
	"bufio"
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/service"
)

// startWorkerHTTP runs the service in-process, waits until it serves HTTP,
// and returns a graceful stop (which returns Run's error) and the address
// of /metrics. The config must listen (testConfig does).
func startWorkerHTTP(t testing.TB, cfg config.Config) (stop func() error, addr string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	addrs := make(chan string, 1)
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	proc := processor(t) // here, not in the goroutine: it may fail the test
	go func() {
		done <- service.Run(ctx, cfg, proc, log, service.Hooks{Started: func(a string) { addrs <- a }})
	}()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { _ = stop() })
	select {
	case addr = <-addrs:
	case err := <-done:
		t.Fatalf("worker stopped at start: %v", err)
	}
	return stop, addr
}

// histogramQuantile reads the cumulative buckets of a histogram from
// /metrics and returns the upper bound of the bucket holding quantile q
// (+Inf when it is past the last bound).
func histogramQuantile(t testing.TB, addr, name string, q float64) float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	type bucket struct{ le, n float64 }
	var bs []bucket
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), name+`_bucket{le="`)
		if !ok {
			continue
		}
		le, count, _ := strings.Cut(rest, `"} `)
		l, err1 := strconv.ParseFloat(le, 64)
		n, err2 := strconv.ParseFloat(count, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad bucket line %q", sc.Text())
		}
		bs = append(bs, bucket{l, n})
	}
	if len(bs) == 0 || bs[len(bs)-1].n == 0 {
		t.Fatalf("no observations of %s", name)
	}
	for _, b := range bs {
		if b.n >= q*bs[len(bs)-1].n {
			return b.le
		}
	}
	return math.Inf(1)
}
