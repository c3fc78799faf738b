// Package deploy_test keeps the deployment files correct without a Docker
// engine or a cluster: it parses them and checks what they promise (the
// files under k8s/ and monitoring/ are checked in k8s_test.go and
// monitoring_test.go).
package deploy_test

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/newsworker/newsworker/internal/buildinfo"
	"github.com/newsworker/newsworker/internal/config"
)

// knownVars is every NEWSWORKER_ variable the config struct reads.
func knownVars() map[string]bool {
	out := map[string]bool{}
	for _, v := range config.Vars() {
		out[v.Name] = true
	}
	return out
}

// kafkaVersion is the broker version the tests run (deploy/kafka/kafka.sh).
func kafkaVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("kafka/kafka.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^KAFKA_VERSION="\$\{KAFKA_VERSION:-([0-9.]+)\}"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("kafka.sh: no KAFKA_VERSION default")
	}
	return string(m[1])
}

type composeService struct {
	Image       string            `yaml:"image"`
	Build       any               `yaml:"build"`
	Environment map[string]string `yaml:"environment"`
	User        string            `yaml:"user"`
	ReadOnly    bool              `yaml:"read_only"`
	DependsOn   any               `yaml:"depends_on"`
	Ports       []string          `yaml:"ports"`
	Profiles    []string          `yaml:"profiles"`
	Volumes     []string          `yaml:"volumes"`
}

func readCompose(t *testing.T) map[string]composeService {
	t.Helper()
	b, err := os.ReadFile("../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]composeService `yaml:"services"`
	}
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("compose does not parse: %v", err)
	}
	return c.Services
}

func TestCompose(t *testing.T) {
	svc := readCompose(t)
	for _, s := range []string{"kafka", "topics", "newsworker", "samples", "prometheus", "grafana"} {
		if _, ok := svc[s]; !ok {
			t.Errorf("service %s missing", s)
		}
	}
	want := "apache/kafka:" + kafkaVersion(t)
	for name, s := range svc {
		if strings.HasPrefix(s.Image, "apache/kafka:") && s.Image != want {
			t.Errorf("service %s runs %s; the tests run %s (deploy/kafka/kafka.sh)", name, s.Image, want)
		}
		for _, p := range s.Ports {
			if !strings.HasPrefix(p, "127.0.0.1:") {
				t.Errorf("service %s publishes %s on all interfaces", name, p)
			}
		}
		for _, v := range s.Volumes {
			host := strings.SplitN(v, ":", 2)[0]
			if _, err := os.Stat("../" + host); strings.HasPrefix(host, "./") && err != nil {
				t.Errorf("service %s mounts %s: %v", name, host, err)
			}
		}
		monitoring := name == "prometheus" || name == "grafana"
		if got := strings.Join(s.Profiles, ","); monitoring != (got == "monitoring") {
			t.Errorf("service %s has profiles %q; only prometheus and grafana belong to the monitoring profile", name, got)
		}
	}
	if svc["kafka"].Environment["KAFKA_PROCESS_ROLES"] != "broker,controller" {
		t.Error("kafka is not a KRaft broker+controller")
	}
	w := svc["newsworker"]
	if !w.ReadOnly || w.User == "" || strings.HasPrefix(w.User, "0") {
		t.Errorf("worker must run non-root with a read-only root filesystem (user %q, read_only %v)", w.User, w.ReadOnly)
	}
	known := knownVars()
	for k := range w.Environment {
		if !known[k] {
			t.Errorf("compose sets unknown variable %s", k)
		}
	}
}

// TestVersionStamping: `make build` and the Dockerfile stamp the version
// into the symbol buildinfo reads (its own test proves the symbol works).
func TestVersionStamping(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"Dockerfile", "-X " + buildinfo.LinkVar + "=${VERSION}"},
		{"Dockerfile", "ARG VERSION"},
		{"../Makefile", "-X " + buildinfo.LinkVar + "=$(or $(VERSION),"},
	} {
		t.Run(tc.file+" "+tc.want, func(t *testing.T) {
			b, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("%s lacks %q", tc.file, tc.want)
			}
		})
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"AS build", "CGO_ENABLED=0", "nonroot", "USER 65532", `ENTRYPOINT ["/usr/local/bin/newsworker"]`} {
		if !strings.Contains(s, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if strings.Count(s, "FROM ") < 2 {
		t.Error("Dockerfile is not multi-stage")
	}
}

// TestDockerignore: the context leaves out .git and build output, and keeps
// what the build needs (sources and embedded data).
func TestDockerignore(t *testing.T) {
	b, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, want := range []string{".git", "bin/", "**/*.test"} {
		if !lines[want] {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
	for _, never := range []string{"internal", "internal/", "cmd/", "pkg/", "go.mod", "go.sum", "**/data", "**/data/", "*.json", "**/*.json"} {
		if lines[never] {
			t.Errorf(".dockerignore excludes %s, which the build needs", never)
		}
	}
}

func TestSamples(t *testing.T) {
	f, err := os.Open("samples/items.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		if !json.Valid(sc.Bytes()) {
			t.Errorf("line %d is not JSON", n)
		}
	}
	if n == 0 {
		t.Error("no samples")
	}
}

func TestREADMEListsEveryVariable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for v := range knownVars() {
		if !strings.Contains(string(b), "| `"+v+"` |") {
			t.Errorf("README's configuration table lacks %s", v)
		}
	}
}
