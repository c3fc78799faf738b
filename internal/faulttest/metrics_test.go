package faulttest

import (
	"bufio"
	"net/http"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// metric reads one gauge or counter from the worker's /metrics (-1 if absent).
func metric(w *kafkatest.Worker, name string) int64 {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + w.HTTPAddr + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, name+" ") {
			f, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimPrefix(line, name)), 64)
			return int64(f)
		}
	}
	return -1
}

// quota sets a client quota on the shared test broker with its own tooling
// and removes it when the test ends.
func quota(t *testing.T, client, config string) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "..", "..", "deploy", "kafka", "kafka.sh")
	brokers := kafkatest.Brokers(t)
	run := func(args ...string) {
		out, err := exec.Command(script, append([]string{"tool", "configs", "--bootstrap-server", brokers[0]}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("kafka-configs %v: %v\n%s", args, err, out)
		}
	}
	run("--alter", "--add-config", config, "--entity-type", "clients", "--entity-name", client)
	t.Cleanup(func() {
		key := strings.SplitN(config, "=", 2)[0]
		run("--alter", "--delete-config", key, "--entity-type", "clients", "--entity-name", client)
	})
}
