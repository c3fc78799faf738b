package deploy_test

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/newsworker/newsworker/internal/metrics"
)

// external are the series the rules may use that the worker does not export:
// Prometheus's own scrape health and kube-state-metrics.
var external = map[string]bool{
	"up":                    true,
	"kube_pod_status_ready": true,
	"kube_pod_container_status_restarts_total": true,
}

// exported is every series name the worker's /metrics can carry, from the
// registry metrics.New builds: what it gathers, plus the vectors that gather
// nothing until their first label value (read from their descriptors).
func exported(t *testing.T) map[string]bool {
	t.Helper()
	m := metrics.New()
	out := map[string]bool{}
	add := func(name string, typ dto.MetricType) {
		switch typ {
		case dto.MetricType_HISTOGRAM:
			for _, s := range []string{"_bucket", "_sum", "_count"} {
				out[name+s] = true
			}
		case dto.MetricType_SUMMARY:
			out[name], out[name+"_sum"], out[name+"_count"] = true, true, true
		default:
			out[name] = true
		}
	}
	mfs, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		add(mf.GetName(), mf.GetType())
	}
	fqName := regexp.MustCompile(`fqName: "([^"]+)"`)
	v := reflect.ValueOf(m).Elem()
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() || v.Type().Field(i).Name == "Registry" {
			continue
		}
		c, ok := v.Field(i).Interface().(prometheus.Collector)
		if !ok {
			continue
		}
		typ := dto.MetricType_GAUGE
		switch c.(type) {
		case *prometheus.HistogramVec, prometheus.Histogram:
			typ = dto.MetricType_HISTOGRAM
		case *prometheus.SummaryVec, prometheus.Summary:
			typ = dto.MetricType_SUMMARY
		}
		ch := make(chan *prometheus.Desc, 8)
		c.Describe(ch)
		close(ch)
		for d := range ch {
			if m := fqName.FindStringSubmatch(d.String()); m != nil {
				add(m[1], typ)
			}
		}
	}
	for _, must := range []string{"newsworker_consumer_lag", "newsworker_dead_lettered_total", "newsworker_processing_seconds_bucket", "newsworker_build_info"} {
		if !out[must] {
			t.Fatalf("derived metric names lack %s: %v", must, out)
		}
	}
	return out
}

var (
	promString   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	promMatchers = regexp.MustCompile(`\{[^}]*\}`)
	promRange    = regexp.MustCompile(`\[[^\]]*\]`)
	promGrafana  = regexp.MustCompile(`\$\{?\w+\}?`)
	promGrouping = regexp.MustCompile(`\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`)
	promIdent    = regexp.MustCompile(`[a-zA-Z_:][a-zA-Z0-9_:]*`)
	promKeywords = map[string]bool{"and": true, "or": true, "unless": true, "bool": true, "offset": true, "by": true, "without": true,
		"group_left": true, "group_right": true, "inf": true, "nan": true}
)

// metricNames is the metric names a PromQL expression reads: identifiers
// that are not functions, keywords, label names or Grafana variables.
func metricNames(expr string) []string {
	s := promGrafana.ReplaceAllString(expr, " ")
	s = promString.ReplaceAllString(s, `""`)
	s = promMatchers.ReplaceAllString(s, " ")
	s = promRange.ReplaceAllString(s, " ")
	s = promGrouping.ReplaceAllString(s, " ")
	var out []string
	for _, loc := range promIdent.FindAllStringIndex(s, -1) {
		name := s[loc[0]:loc[1]]
		if loc[0] > 0 && strings.ContainsAny(s[loc[0]-1:loc[0]], "0123456789.") {
			continue // the exponent of a number (1e3)
		}
		if strings.HasPrefix(strings.TrimLeft(s[loc[1]:], " \t\n"), "(") || promKeywords[strings.ToLower(name)] {
			continue // a function call or a keyword
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func TestMetricNames(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{`up{job="newsworker"} == 0`, "up"},
		{`sum by (reason) (rate(a_total{job=~"$job", x="y{z}"}[$__rate_interval])) / ignoring(reason) group_left b`, "a_total b"},
		{`histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m]))) > 1e3`, "h_bucket"},
		{`deriv(sum by (namespace, job) (lag)[15m:1m]) > 0 and on(job) x unless y offset 5m`, "lag x y"},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			if got := strings.Join(metricNames(tc.expr), " "); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// checkExpr fails for every name in expr that nothing exports.
func checkExpr(t *testing.T, where, expr string, names map[string]bool) []string {
	t.Helper()
	got := metricNames(expr)
	if len(got) == 0 {
		t.Errorf("%s: no metric in %q", where, expr)
	}
	for _, n := range got {
		if !names[n] && !external[n] {
			t.Errorf("%s uses %s, which the worker does not export", where, n)
		}
	}
	return got
}

type rule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

type ruleGroups []struct {
	Name  string `yaml:"name"`
	Rules []rule `yaml:"rules"`
}
