// Package deploy_test keeps the deployment files correct without a Docker
// engine: it parses them and checks what they promise.
package deploy_test

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/newsworker/newsworker/internal/config"
)

// knownVars lists every NEWSWORKER_ variable the config struct reads.
func knownVars() map[string]bool {
	out := map[string]bool{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := prefix + f.Tag.Get("envconfig")
			if f.Type.Kind() == reflect.Struct && f.Type.Name() != "Duration" {
				walk(f.Type, name+"_")
				continue
			}
			out[name] = true
		}
	}
	walk(reflect.TypeOf(config.Config{}), config.Prefix+"_")
	return out
}

func TestCompose(t *testing.T) {
	b, err := os.ReadFile("../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			User        string            `yaml:"user"`
			ReadOnly    bool              `yaml:"read_only"`
			DependsOn   map[string]any    `yaml:"depends_on"`
			Ports       []string          `yaml:"ports"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("compose does not parse: %v", err)
	}
	for _, s := range []string{"kafka", "topics", "newsworker", "samples"} {
		if _, ok := c.Services[s]; !ok {
			t.Errorf("service %s missing", s)
		}
	}
	if img := c.Services["kafka"].Image; !regexp.MustCompile(`^apache/kafka:4\.`).MatchString(img) {
		t.Errorf("kafka image %q is not Apache Kafka 4.x", img)
	}
	if c.Services["kafka"].Environment["KAFKA_PROCESS_ROLES"] != "broker,controller" {
		t.Error("kafka is not a KRaft broker+controller")
	}
	w := c.Services["newsworker"]
	if !w.ReadOnly || w.User == "" || strings.HasPrefix(w.User, "0") {
		t.Errorf("worker must run non-root with a read-only root filesystem (user %q, read_only %v)", w.User, w.ReadOnly)
	}
	known := knownVars()
	for k := range w.Environment {
		if !known[k] {
			t.Errorf("compose sets unknown variable %s", k)
		}
	}
	for _, p := range w.Ports {
		if !strings.HasPrefix(p, "127.0.0.1:") {
			t.Errorf("port %s published on all interfaces", p)
		}
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

func TestKubernetes(t *testing.T) {
	b, err := os.ReadFile("k8s/base/deployment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := yaml.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"readOnlyRootFilesystem: true", "runAsNonRoot: true", "path: /readyz", "path: /healthz"} {
		if !strings.Contains(s, want) {
			t.Errorf("deployment lacks %q", want)
		}
	}
	known := knownVars()
	for _, m := range regexp.MustCompile(`name: (NEWSWORKER_[A-Z_]+)`).FindAllStringSubmatch(s, -1) {
		if !known[m[1]] {
			t.Errorf("deployment sets unknown variable %s", m[1])
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
