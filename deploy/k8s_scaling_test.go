package deploy_test

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

// checkServiceMonitor: it scrapes a port the Service has, on /metrics, and
// selects the Service.
func checkServiceMonitor(t *testing.T, sm, svc map[string]any) {
	t.Helper()
	ports := map[any]bool{}
	for _, p := range list(dig(svc, "spec", "ports")) {
		ports[p["name"]] = true
	}
	eps := list(dig(sm, "spec", "endpoints"))
	if len(eps) == 0 {
		t.Error("ServiceMonitor has no endpoints")
	}
	for _, ep := range eps {
		if !ports[ep["port"]] || ep["path"] != "/metrics" {
			t.Errorf("ServiceMonitor scrapes port %v path %v; the Service has ports %v", ep["port"], ep["path"], ports)
		}
	}
	sel, _ := dig(sm, "spec", "selector", "matchLabels").(map[string]any)
	labels, _ := dig(svc, "metadata", "labels").(map[string]any)
	checkSelects(t, "ServiceMonitor", sel, labels)
	// The alert rules select job="newsworker".
	if jl, _ := dig(sm, "spec", "jobLabel").(string); labels[jl] != "newsworker" {
		t.Errorf("ServiceMonitor jobLabel %q does not give job=newsworker", jl)
	}
}

// checkBrokerEgress: the NetworkPolicy lets the pods reach every broker
// port in NEWSWORKER_BROKERS, and DNS.
func checkBrokerEgress(t *testing.T, np map[string]any, cm map[string]any) {
	t.Helper()
	allowed := func(proto string, port int) bool {
		for _, rule := range list(dig(np, "spec", "egress")) {
			for _, p := range list(rule["ports"]) {
				lo, _ := p["port"].(int)
				hi, ok := p["endPort"].(int)
				if !ok {
					hi = lo
				}
				if p["protocol"] == proto && lo <= port && port <= hi {
					return true
				}
			}
		}
		return false
	}
	brokers, _ := cm["NEWSWORKER_BROKERS"].(string)
	if brokers == "" {
		t.Error("ConfigMap sets no NEWSWORKER_BROKERS")
	}
	for _, b := range strings.Split(brokers, ",") {
		_, ps, err := net.SplitHostPort(b)
		port, _ := strconv.Atoi(ps)
		if err != nil || !allowed("TCP", port) {
			t.Errorf("NetworkPolicy egress does not allow broker %s", b)
		}
	}
	if !allowed("UDP", 53) {
		t.Error("NetworkPolicy egress does not allow DNS")
	}
}

// checkScaledObject: KEDA scales this Deployment on the lag of the group and
// topic the worker uses, with the worker's brokers and credentials, and the
// Deployment leaves replicas to it.
func checkScaledObject(t *testing.T, so map[string]any, objs map[string]map[string]any, cm map[string]any) {
	t.Helper()
	if n := dig(so, "spec", "scaleTargetRef", "name"); n != dig(objs["Deployment"], "metadata", "name") {
		t.Errorf("ScaledObject scales %v", n)
	}
	if r := dig(objs["Deployment"], "spec", "replicas"); r != nil {
		t.Errorf("Deployment sets replicas %v while KEDA owns them", r)
	}
	lo, _ := dig(so, "spec", "minReplicaCount").(int)
	hi, _ := dig(so, "spec", "maxReplicaCount").(int)
	if lo < 1 || hi < lo {
		t.Errorf("replicas %d..%d", lo, hi)
	}
	trig := list(dig(so, "spec", "triggers"))
	if len(trig) != 1 || trig[0]["type"] != "kafka" {
		t.Fatalf("triggers %v, want one kafka trigger", trig)
	}
	md, _ := trig[0]["metadata"].(map[string]any)
	for key, v := range map[string]string{"bootstrapServers": "NEWSWORKER_BROKERS", "consumerGroup": "NEWSWORKER_GROUP_ID", "topic": "NEWSWORKER_INPUT_TOPIC"} {
		if md[key] != cm[v] {
			t.Errorf("trigger %s %v, but the worker's %s is %v", key, md[key], v, cm[v])
		}
	}
	if lag, err := strconv.Atoi(asString(md["lagThreshold"])); err != nil || lag < 1 {
		t.Errorf("lagThreshold %v", md["lagThreshold"])
	}
	if cm["NEWSWORKER_SASL_MECHANISM"] != nil {
		want := "scram_" + strings.ToLower(strings.TrimPrefix(asString(cm["NEWSWORKER_SASL_MECHANISM"]), "SCRAM-"))
		want = strings.ReplaceAll(want, "-", "")
		if asString(cm["NEWSWORKER_SASL_MECHANISM"]) == "PLAIN" {
			want = "plaintext"
		}
		if md["sasl"] != want {
			t.Errorf("trigger sasl %v, want %s for %v", md["sasl"], want, cm["NEWSWORKER_SASL_MECHANISM"])
		}
		ref := dig(trig[0], "authenticationRef", "name")
		if ta := objs["TriggerAuthentication"]; ta == nil || dig(ta, "metadata", "name") != ref {
			t.Errorf("authenticationRef %v names no TriggerAuthentication", ref)
		}
	}
	if (cm["NEWSWORKER_TLS_ENABLED"] == "true") != (md["tls"] == "enable") {
		t.Errorf("trigger tls %v, worker NEWSWORKER_TLS_ENABLED %v", md["tls"], cm["NEWSWORKER_TLS_ENABLED"])
	}
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}
