package deploy_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func readRules(t *testing.T, path string, spec bool) ruleGroups {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plain struct {
		Groups ruleGroups `yaml:"groups"`
		Spec   struct {
			Groups ruleGroups `yaml:"groups"`
		} `yaml:"spec"`
	}
	if err := yaml.Unmarshal(b, &plain); err != nil {
		t.Fatal(err)
	}
	if spec {
		return plain.Spec.Groups
	}
	return plain.Groups
}

// TestAlertRules: each rule has for, a severity, a summary and a description
// that says what to do, reads only exported metrics, and the plain rules
// file and the PrometheusRule hold the same rules.
func TestAlertRules(t *testing.T) {
	names := exported(t)
	groups := readRules(t, "monitoring/alerts.yaml", false)
	if op := readRules(t, "k8s/base/prometheusrule.yaml", true); !reflect.DeepEqual(groups, op) {
		t.Error("k8s/base/prometheusrule.yaml and monitoring/alerts.yaml differ; keep them identical")
	}
	seen := map[string]bool{}
	for _, g := range groups {
		for _, r := range g.Rules {
			t.Run(r.Alert, func(t *testing.T) {
				if r.Alert == "" || seen[r.Alert] {
					t.Errorf("alert name %q empty or repeated", r.Alert)
				}
				seen[r.Alert] = true
				if r.For == "" {
					t.Error("no for:")
				}
				if s := r.Labels["severity"]; s != "warning" && s != "critical" {
					t.Errorf("severity %q", s)
				}
				if r.Annotations["summary"] == "" || len(r.Annotations["description"]) < 80 {
					t.Error("summary missing or description too short to say what to do")
				}
				for _, n := range checkExpr(t, r.Alert, r.Expr, names) {
					seen[n] = true
				}
			})
		}
	}
	// The list: lag growing, dead-letter rate, write failures, not
	// ready, commit errors.
	for _, n := range []string{"newsworker_consumer_lag", "newsworker_dead_lettered_total", "newsworker_write_errors_total", "kube_pod_status_ready", "newsworker_commit_errors_total", "up"} {
		if !seen[n] {
			t.Errorf("no alert reads %s", n)
		}
	}
}

type panel struct {
	Title   string  `json:"title"`
	Type    string  `json:"type"`
	Panels  []panel `json:"panels"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
}

// TestDashboard: every panel query and template variable reads exported
// metrics, and the dashboard covers every newsworker_ metric.
func TestDashboard(t *testing.T) {
	b, err := os.ReadFile("monitoring/dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		UID        string  `json:"uid"`
		Panels     []panel `json:"panels"`
		Templating struct {
			List []struct {
				Name  string `json:"name"`
				Type  string `json:"type"`
				Query any    `json:"query"`
			} `json:"list"`
		} `json:"templating"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	names := exported(t)
	used := map[string]bool{}
	var walk func([]panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			walk(p.Panels)
			if p.Type == "row" {
				continue
			}
			if len(p.Targets) == 0 {
				t.Errorf("panel %q has no query", p.Title)
			}
			for _, tg := range p.Targets {
				for _, n := range checkExpr(t, "panel "+p.Title, tg.Expr, names) {
					used[n] = true
				}
			}
		}
	}
	walk(d.Panels)
	for _, v := range d.Templating.List {
		if v.Type != "query" {
			continue
		}
		q, _ := v.Query.(map[string]any)
		expr, _ := q["query"].(string)
		expr = strings.TrimSuffix(strings.TrimPrefix(expr, "label_values("), ")")
		expr, _, _ = strings.Cut(expr, ", ")
		checkExpr(t, "variable "+v.Name, expr, names)
	}
	for n := range names {
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, "_bucket"), "_sum"), "_count")
		if strings.HasPrefix(n, "newsworker_") && !used[n] && !used[base+"_bucket"] {
			t.Errorf("no panel shows %s", n)
		}
	}
}

// TestComposeMonitoring: the compose Prometheus loads the rules file it
// mounts and scrapes the worker as job newsworker; Grafana is provisioned
// with the dashboard where its provider looks.
func TestComposeMonitoring(t *testing.T) {
	svc := readCompose(t)
	mounts := func(s string) map[string]string {
		out := map[string]string{}
		for _, v := range svc[s].Volumes {
			parts := strings.Split(v, ":")
			out[parts[1]] = parts[0]
		}
		return out
	}
	prom := yamlDocs(t, "monitoring/prometheus.yml")[0]
	pm := mounts("prometheus")
	for _, f := range asStrings(prom["rule_files"]) {
		if pm[f] != "./deploy/monitoring/alerts.yaml" {
			t.Errorf("prometheus reads %s, mounted from %q", f, pm[f])
		}
	}
	sc := list(prom["scrape_configs"])
	if len(sc) != 1 || sc[0]["job_name"] != "newsworker" {
		t.Errorf("scrape configs %v, want job newsworker", sc)
	}
	gm := mounts("grafana")
	prov := yamlDocs(t, "monitoring/grafana/dashboards.yaml")[0]
	dir, _ := dig(list(prov["providers"])[0], "options", "path").(string)
	found := false
	for in, host := range gm {
		found = found || (host == "./deploy/monitoring/dashboard.json" && strings.HasPrefix(in, dir+"/"))
	}
	if !found {
		t.Errorf("dashboard.json is not mounted under the provider's path %s: %v", dir, gm)
	}
}
