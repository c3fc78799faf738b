package kafkatest

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// repoRoot finds the module root from this source file.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// BuildWorker builds the newsworker binary into a temp dir.
func BuildWorker(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsworker")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/newsworker")
	cmd.Dir = repoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// FreePort returns a free TCP port on 127.0.0.1.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// ListenPort returns a free port below the kernel's ephemeral range, for a
// listener that another process opens later. A port from FreePort lies in the
// ephemeral range, where any outgoing connection of a test running beside
// this one may take it before the broker binds it.
func ListenPort(t testing.TB) int {
	t.Helper()
	low := ephemeralLow()
	if low <= 11000 {
		return FreePort(t)
	}
	for range 200 {
		port := 10000 + rand.IntN(low-10000)
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			l.Close()
			return port
		}
	}
	return FreePort(t)
}

// ephemeralLow is the lowest port the kernel gives to outgoing connections.
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(f[0])
	return n
}

// Broker is a broker instance of our own, for tests that stop it or change
// its settings (the shared test broker must never be touched).
type Broker struct {
	Addr string
	env  []string
}

// StartBroker starts a dedicated Kafka broker with deploy/kafka/kafka.sh in
// a temp state dir; extra are additional environment settings for kafka.sh
// (e.g. KAFKA_AUTO_CREATE=false). It is cleaned up when the test ends.
func StartBroker(t testing.TB, extra ...string) *Broker {
	t.Helper()
	Brokers(t) // skip without the real-broker setup
	state := filepath.Join(t.TempDir(), "kafka")
	var out []byte
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		port, cport := ListenPort(t), ListenPort(t)
		if port == cport {
			continue
		}
		b := &Broker{Addr: fmt.Sprintf("127.0.0.1:%d", port), env: append([]string{
			"KAFKA_STATE_DIR=" + state,
			"KAFKA_PORT=" + strconv.Itoa(port), "KAFKA_CONTROLLER_PORT=" + strconv.Itoa(cport),
			"KAFKA_HEAP_OPTS=-Xms256m -Xmx512m",
		}, extra...)}
		if out, err = b.run("start"); err == nil {
			t.Cleanup(func() { _, _ = b.run("clean") })
			return b
		}
		_, _ = b.run("clean")
		// Another process may take a port between our check and the
		// broker's bind: try other ports. Any other failure is final.
		if !strings.Contains(string(out), "already in use") {
			break
		}
		t.Logf("broker start, attempt %d: a port was taken; trying others", attempt)
	}
	t.Fatalf("kafka.sh start: %v\n%s", err, out)
	return nil
}

func (b *Broker) run(args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(repoRoot(), "deploy", "kafka", "kafka.sh"), args...)
	cmd.Env = append(os.Environ(), b.env...)
	return cmd.CombinedOutput()
}

// Run runs a kafka.sh subcommand against this broker and fails the test on error.
func (b *Broker) Run(t testing.TB, args ...string) string {
	t.Helper()
	out, err := b.run(args...)
	if err != nil {
		t.Fatalf("kafka.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Worker is a newsworker process.
type Worker struct {
	Cmd      *exec.Cmd
	HTTPAddr string
	Log      string
	done     chan error
}

// StartWorker runs `newsworker run` with env; its output goes to a log file.
func StartWorker(t testing.TB, bin string, env []string) *Worker {
	t.Helper()
	w := &Worker{HTTPAddr: fmt.Sprintf("127.0.0.1:%d", ListenPort(t)), Log: filepath.Join(t.TempDir(), "worker.log"), done: make(chan error, 1)}
	f, err := os.Create(w.Log)
	if err != nil {
		t.Fatal(err)
	}
	w.Cmd = exec.Command(bin, "run")
	w.Cmd.Env = append(append(os.Environ(), env...), "NEWSWORKER_HTTP_ADDR="+w.HTTPAddr)
	w.Cmd.Stdout, w.Cmd.Stderr = f, f
	if err := w.Cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.done <- w.Cmd.Wait(); f.Close() }()
	t.Cleanup(func() { _ = w.Cmd.Process.Kill() })
	return w
}

// Kill sends SIGKILL and waits.
func (w *Worker) Kill() { _ = w.Cmd.Process.Signal(syscall.SIGKILL); <-w.done }

// Stop sends SIGTERM and returns the exit error after at most timeout.
func (w *Worker) Stop(timeout time.Duration) error {
	_ = w.Cmd.Process.Signal(syscall.SIGTERM)
	return w.Wait(timeout)
}

// Wait waits for the process to exit.
func (w *Worker) Wait(timeout time.Duration) error {
	select {
	case err := <-w.done:
		w.done <- err
		return err
	case <-time.After(timeout):
		return fmt.Errorf("worker did not exit within %s", timeout)
	}
}

// PeakRSS is the process's peak resident set size in KiB (VmHWM), 0 if unknown.
func (w *Worker) PeakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", w.Cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			n, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return n
		}
	}
	return 0
}

// LogTail returns the last n bytes of the worker's log.
func (w *Worker) LogTail(n int) string {
	b, _ := os.ReadFile(w.Log)
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// Ready reports the worker's /readyz status code (0 when unreachable).
func (w *Worker) Ready() int {
	c := &net.Dialer{Timeout: time.Second}
	conn, err := c.Dial("tcp", w.HTTPAddr)
	if err != nil {
		return 0
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	fmt.Fprintf(conn, "GET /readyz HTTP/1.0\r\nHost: x\r\n\r\n")
	buf := make([]byte, 64)
	n, _ := conn.Read(buf)
	var code int
	fmt.Sscanf(string(buf[:n]), "HTTP/1.0 %d", &code)
	if code == 0 {
		fmt.Sscanf(string(buf[:n]), "HTTP/1.1 %d", &code)
	}
	return code
}

// Env is the worker environment for the given topics.
func Env(broker, in, out, dlq, group string, extra ...string) []string {
	return append([]string{"NEWSWORKER_BROKERS=" + broker, "NEWSWORKER_INPUT_TOPIC=" + in, "NEWSWORKER_OUTPUT_TOPIC=" + out,
		"NEWSWORKER_DLQ_TOPIC=" + dlq, "NEWSWORKER_GROUP_ID=" + group, "NEWSWORKER_MAX_ITEM_BYTES=65536",
		"NEWSWORKER_COMMIT_INTERVAL=500ms", "NEWSWORKER_SESSION_TIMEOUT=6s", "NEWSWORKER_LOG_LEVEL=warn"}, extra...)
}
