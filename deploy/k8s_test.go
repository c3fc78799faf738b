package deploy_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runtimeVars are the environment variables the pods set besides NEWSWORKER_*.
var runtimeVars = map[string]bool{"GOMAXPROCS": true, "GOMEMLIMIT": true}

var kustomizations = []string{"k8s/base", "k8s/overlays/dev", "k8s/overlays/production"}

// TestKustomizations: every file a kustomization names exists, and every
// key of its generated ConfigMap (the pods' envFrom) is a real variable.
func TestKustomizations(t *testing.T) {
	known := knownVars()
	for _, dir := range kustomizations {
		t.Run(dir, func(t *testing.T) {
			k := yamlDocs(t, filepath.Join(dir, "kustomization.yaml"))[0]
			var refs []string
			for _, key := range []string{"resources", "components"} {
				for _, r := range asStrings(k[key]) {
					refs = append(refs, r)
				}
			}
			for _, p := range list(k["patches"]) {
				if s, ok := p["path"].(string); ok {
					refs = append(refs, s)
				}
			}
			for _, r := range refs {
				fi, err := os.Stat(filepath.Join(dir, r))
				if err != nil {
					t.Errorf("%s: %v", r, err)
					continue
				}
				if fi.IsDir() {
					if _, err := os.Stat(filepath.Join(dir, r, "kustomization.yaml")); err != nil {
						t.Errorf("%s is a directory without kustomization.yaml", r)
					}
				}
			}
			for _, g := range list(k["configMapGenerator"]) {
				for _, l := range asStrings(g["literals"]) {
					if name, _, _ := strings.Cut(l, "="); !known[name] {
						t.Errorf("ConfigMap %v sets unknown variable %s", g["name"], name)
					}
				}
			}
		})
	}
}

// TestNoSecretValues: the kit references the SASL Secret and never holds one.
func TestNoSecretValues(t *testing.T) {
	_ = filepath.WalkDir("k8s", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, doc := range yamlDocs(t, p) {
			if doc["kind"] == "Secret" {
				t.Errorf("%s holds a Secret; reference one instead", p)
			}
		}
		return nil
	})
}

// render runs `kubectl kustomize` (kustomize's own semantics: generators,
// merges, patches); the test skips without kubectl.
func render(t *testing.T, dir string) map[string]map[string]any {
	t.Helper()
	kubectl, err := exec.LookPath("kubectl")
	if err != nil {
		t.Skip("kubectl not on PATH: rendered overlays not checked")
	}
	out, err := exec.Command(kubectl, "kustomize", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl kustomize %s: %v\n%s", dir, err, out)
	}
	f := filepath.Join(t.TempDir(), "out.yaml")
	if err := os.WriteFile(f, out, 0o600); err != nil {
		t.Fatal(err)
	}
	byKind := map[string]map[string]any{}
	for _, d := range yamlDocs(t, f) {
		kind, _ := d["kind"].(string)
		if byKind[kind] != nil {
			t.Fatalf("%s: two %s objects; the checks expect one of each", dir, kind)
		}
		byKind[kind] = d
	}
	return byKind
}

// TestRendered checks each overlay as kustomize builds it.
func TestRendered(t *testing.T) {
	known := knownVars()
	for _, dir := range kustomizations {
		t.Run(dir, func(t *testing.T) {
			objs := render(t, dir)
			for _, kind := range []string{"Deployment", "ConfigMap", "Service", "ServiceMonitor", "PrometheusRule", "PodDisruptionBudget", "NetworkPolicy"} {
				if objs[kind] == nil {
					t.Fatalf("no %s", kind)
				}
			}
			cm, _ := objs["ConfigMap"]["data"].(map[string]any)
			for k := range cm {
				if !known[k] {
					t.Errorf("ConfigMap sets unknown variable %s", k)
				}
			}
			pod := dig(objs["Deployment"], "spec", "template", "spec")
			podLabels, _ := dig(objs["Deployment"], "spec", "template", "metadata", "labels").(map[string]any)
			checkPod(t, pod, known)
			for _, kind := range []string{"PodDisruptionBudget", "NetworkPolicy"} {
				sel, _ := dig(objs[kind], "spec", kindSelector(kind), "matchLabels").(map[string]any)
				checkSelects(t, kind, sel, podLabels)
			}
			sel, _ := dig(objs["Service"], "spec", "selector").(map[string]any)
			checkSelects(t, "Service", sel, podLabels)
			checkServiceMonitor(t, objs["ServiceMonitor"], objs["Service"])
			checkBrokerEgress(t, objs["NetworkPolicy"], cm)
			if so := objs["ScaledObject"]; so != nil {
				checkScaledObject(t, so, objs, cm)
			}
		})
	}
}

func kindSelector(kind string) string {
	if kind == "NetworkPolicy" {
		return "podSelector"
	}
	return "selector"
}

func checkSelects(t *testing.T, what string, sel, labels map[string]any) {
	t.Helper()
	if len(sel) == 0 {
		t.Errorf("%s selects nothing", what)
	}
	for k, v := range sel {
		if labels[k] != v {
			t.Errorf("%s selects %s=%v; the pods have %v", what, k, v, labels[k])
		}
	}
}

// checkPod: probes, non-root read-only, env names, the runtime sized from
// the resources (GOMEMLIMIT from a request below the limit).
func checkPod(t *testing.T, pod any, known map[string]bool) {
	t.Helper()
	if dig(pod, "securityContext", "runAsNonRoot") != true {
		t.Error("pod may run as root")
	}
	cs := list(dig(pod, "containers"))
	if len(cs) != 1 {
		t.Fatalf("%d containers, want 1", len(cs))
	}
	c := cs[0]
	if dig(c, "securityContext", "readOnlyRootFilesystem") != true {
		t.Error("root filesystem is writable")
	}
	if p := dig(c, "readinessProbe", "httpGet", "path"); p != "/readyz" {
		t.Errorf("readiness probe on %v", p)
	}
	if p := dig(c, "livenessProbe", "httpGet", "path"); p != "/healthz" {
		t.Errorf("liveness probe on %v", p)
	}
	env := map[string]map[string]any{}
	for _, e := range list(c["env"]) {
		name, _ := e["name"].(string)
		if !known[name] && !runtimeVars[name] {
			t.Errorf("env sets unknown variable %s", name)
		}
		env[name] = e
	}
	for _, v := range []string{"NEWSWORKER_SASL_USERNAME", "NEWSWORKER_SASL_PASSWORD"} {
		if dig(env[v], "valueFrom", "secretKeyRef", "name") == nil {
			t.Errorf("%s is not read from a Secret", v)
		}
	}
	if r := dig(env["GOMAXPROCS"], "valueFrom", "resourceFieldRef", "resource"); r != "limits.cpu" || dig(c, "resources", "limits", "cpu") == nil {
		t.Errorf("GOMAXPROCS from %v, want limits.cpu with a CPU limit set", r)
	}
	if r := dig(env["GOMEMLIMIT"], "valueFrom", "resourceFieldRef", "resource"); r != "requests.memory" {
		t.Errorf("GOMEMLIMIT from %v, want requests.memory (below the limit)", r)
	}
	req := quantity(t, dig(c, "resources", "requests", "memory"))
	lim := quantity(t, dig(c, "resources", "limits", "memory"))
	if !(req >= 0.7*lim && req <= 0.95*lim) {
		t.Errorf("memory request %.0f is %.0f%% of the limit %.0f; GOMEMLIMIT wants 70-95%%", req, 100*req/lim, lim)
	}
}

// quantity parses the Kubernetes quantities this kit uses (256Mi, 2Gi, 500m, 2).
func quantity(t *testing.T, v any) float64 {
	t.Helper()
	s, _ := v.(string)
	mult := 1.0
	for suf, m := range map[string]float64{"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9} {
		if strings.HasSuffix(s, suf) {
			s, mult = strings.TrimSuffix(s, suf), m
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("quantity %v: %v", v, err)
	}
	return f * mult
}

func asStrings(v any) []string {
	var out []string
	s, _ := v.([]any)
	for _, e := range s {
		if str, ok := e.(string); ok {
			out = append(out, str)
		}
	}
	return out
}

// TestBaseDeployment checks the base Deployment as written, so the pod's
// promises are checked even where kubectl (TestRendered) is missing.
func TestBaseDeployment(t *testing.T) {
	d := yamlDocs(t, "k8s/base/deployment.yaml")
	if len(d) != 1 || d[0]["kind"] != "Deployment" {
		t.Fatalf("k8s/base/deployment.yaml holds %d documents, want one Deployment", len(d))
	}
	checkPod(t, dig(d[0], "spec", "template", "spec"), knownVars())
}
