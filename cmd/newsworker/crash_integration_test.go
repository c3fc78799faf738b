package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// buildBinary builds newsworker once per test binary run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsworker")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("build: %v", err)
	}
	return bin
}

type proc struct {
	cmd *exec.Cmd
	log *os.File
}

func startProc(t *testing.T, bin string, env []string, logPath string) *proc {
	t.Helper()
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &proc{cmd: cmd, log: f}
}

func sum(m map[int]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}

// TestCrashRestart: a stream of items; the worker is SIGKILLed at several
// random moments and restarted each time. Zero missing; duplicates counted.
func TestCrashRestart(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	n, kills := 50000, 5
	if testing.Short() {
		n, kills = 10000, 2
	}
	if v, err := strconv.Atoi(os.Getenv("NEWSWORKER_SOAK_ITEMS")); err == nil && v > 0 {
		n, kills = v, 10 // `make soak`: the long variant
	}
	const parts = 4
	in := kafkatest.Topic(t, brokers, "crash-in", parts)
	out := kafkatest.Topic(t, brokers, "crash-out", parts)
	dlq := kafkatest.Topic(t, brokers, "crash-dlq", 1)
	group := "crash-" + in
	msgs, _ := kafkatest.MixedItems(n, 64<<10)
	kafkatest.Produce(t, brokers, in, msgs)
	bin := buildBinary(t)
	logPath := filepath.Join(t.TempDir(), "worker.log")
	env := []string{"NEWSWORKER_BROKERS=" + brokers[0], "NEWSWORKER_INPUT_TOPIC=" + in, "NEWSWORKER_OUTPUT_TOPIC=" + out,
		"NEWSWORKER_DLQ_TOPIC=" + dlq, "NEWSWORKER_GROUP_ID=" + group, "NEWSWORKER_HTTP_ADDR=127.0.0.1:0",
		"NEWSWORKER_MAX_ITEM_BYTES=65536", "NEWSWORKER_COMMIT_INTERVAL=500ms", "NEWSWORKER_SESSION_TIMEOUT=6s", "NEWSWORKER_LOG_LEVEL=warn"}
	outputs := func() int64 {
		return sum(kafkatest.EndOffsets(t, brokers, out, parts)) + sum(kafkatest.EndOffsets(t, brokers, dlq, 1))
	}
	start := time.Now()
	p := startProc(t, bin, env, logPath)
	restarts := 0
	for k := 0; k < kills; k++ {
		// Kill at a random point of the stream's progress.
		target := int64(float64(n) * (float64(k) + rand.Float64()) / float64(kills+1))
		for deadline := time.Now().Add(3 * time.Minute); outputs() < target && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		_ = p.cmd.Wait()
		t.Logf("kill %d at %d outputs", k+1, outputs())
		p = startProc(t, bin, env, logPath)
		restarts++
	}
	var missing []kafkatest.Origin
	var oc kafkatest.Outcomes
	end := kafkatest.EndOffsets(t, brokers, in, parts)
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); {
		if outputs() >= int64(n) {
			recs := kafkatest.ReadAll(t, brokers, out, parts, 1, 500*time.Millisecond, time.Minute)
			dls := kafkatest.ReadAll(t, brokers, dlq, 1, 0, 500*time.Millisecond, time.Minute)
			var err error
			if oc, err = kafkatest.Collect(in, recs, dls); err != nil {
				t.Fatal(err)
			}
			if missing = oc.Missing(end); len(missing) == 0 {
				break
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	elapsed := time.Since(start)
	rss := peakRSS(p.cmd.Process.Pid)
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("graceful stop after the run: %v", err)
	}
	committed := kafkatest.Committed(t, brokers, group, in, parts)
	t.Logf("items=%d kills=%d restarts=%d missing=%d duplicates=%d elapsed=%s committed=%d/%d peak_rss(last run)=%d KiB",
		n, kills, restarts, len(missing), oc.Duplicates, elapsed.Round(time.Millisecond), sum(committed), sum(end), rss)
	if len(missing) > 0 {
		b, _ := os.ReadFile(logPath)
		t.Fatalf("%d inputs have no outcome, e.g. %v\nworker log tail:\n%s", len(missing), missing[:min(10, len(missing))], tail(b, 3000))
	}
	for p, e := range end {
		if committed[p] != e {
			t.Errorf("partition %d committed %d, end %d", p, committed[p], e)
		}
	}
	report, err := auditTopics(t, brokers, in, out, dlq)
	t.Logf("newsworker audit:\n%s", report)
	if err != nil {
		t.Errorf("audit: %v", err)
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// peakRSS is a process's peak resident set size in KiB (VmHWM).
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}
