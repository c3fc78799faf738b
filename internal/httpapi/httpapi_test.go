package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func serve(t *testing.T, ready func() error, pprof bool) string {
	t.Helper()
	s, err := New("127.0.0.1:0", prometheus.NewRegistry(), ready, pprof)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Error(err)
			}
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	return "http://" + s.Addr()
}

func TestEndpoints(t *testing.T) {
	var notReady error = errors.New("not in a consumer group generation")
	base := serve(t, func() error { return notReady }, false)
	if code, body := get(t, base+"/readyz"); code != 503 || !strings.Contains(body, "consumer group") {
		t.Errorf("readyz while not ready: %d %q", code, body)
	}
	notReady = nil
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Errorf("readyz when ready: %d", code)
	}
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("healthz: %d", code)
	}
	if code, _ := get(t, base+"/metrics"); code != 200 {
		t.Errorf("metrics: %d", code)
	}
	if code, _ := get(t, base+"/debug/pprof/"); code != 404 {
		t.Errorf("pprof served without being enabled: %d", code)
	}
}

func TestPprofWhenEnabled(t *testing.T) {
	base := serve(t, func() error { return nil }, true)
	if code, _ := get(t, base+"/debug/pprof/"); code != 200 {
		t.Errorf("pprof enabled but %d", code)
	}
}
