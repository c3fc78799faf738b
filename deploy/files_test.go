package deploy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// yamlDocs decodes every document of a (possibly multi-document) YAML file.
func yamlDocs(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var d map[string]any
		err := dec.Decode(&d)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: document %d: %v", path, len(out)+1, err)
		}
		if d != nil {
			out = append(out, d)
		}
	}
}

// TestEveryFileParses: every YAML and JSON file under deploy/, and the
// compose file, is well-formed; Kubernetes manifests name their apiVersion,
// kind and metadata.name.
func TestEveryFileParses(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch filepath.Ext(p) {
		case ".yaml", ".yml", ".json":
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "../docker-compose.yml")
	if len(files) < 15 {
		t.Fatalf("only %d files found: %v", len(files), files)
	}
	for _, p := range files {
		t.Run(p, func(t *testing.T) {
			if strings.HasSuffix(p, ".json") {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				var v any
				if err := json.Unmarshal(b, &v); err != nil {
					t.Fatalf("not JSON: %v", err)
				}
				return
			}
			docs := yamlDocs(t, p)
			if len(docs) == 0 {
				t.Fatal("no YAML document")
			}
			if !strings.HasPrefix(p, "k8s"+string(filepath.Separator)) {
				return
			}
			for i, d := range docs {
				name, _ := dig(d, "metadata", "name").(string)
				if d["apiVersion"] == nil || d["kind"] == nil || (name == "" && d["kind"] != "Kustomization") {
					t.Errorf("document %d lacks apiVersion, kind or metadata.name", i+1)
				}
			}
		})
	}
}

// dig walks maps by key; nil when a key is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// list is v as a slice of maps (nil when it is not one).
func list(v any) []map[string]any {
	var out []map[string]any
	s, _ := v.([]any)
	for _, e := range s {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
