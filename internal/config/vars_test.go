package config

import (
	"strings"
	"testing"
)

func TestVarsCoverEverySetting(t *testing.T) {
	vars := Vars()
	names := map[string]Var{}
	for _, v := range vars {
		names[v.Name] = v
		if v.Desc == "" {
			t.Errorf("%s has no description", v.Name)
		}
	}
	for _, want := range []string{"NEWSWORKER_BROKERS", "NEWSWORKER_TLS_CA_FILE", "NEWSWORKER_SASL_PASSWORD", "NEWSWORKER_TOPIC_MODEL"} {
		if _, ok := names[want]; !ok {
			t.Errorf("%s missing from Vars", want)
		}
	}
	if names["NEWSWORKER_BROKERS"].Default != "127.0.0.1:9092" {
		t.Errorf("default of BROKERS = %q", names["NEWSWORKER_BROKERS"].Default)
	}
}

func TestCheckEnviron(t *testing.T) {
	err := CheckEnviron([]string{"PATH=/bin", "NEWSWORKER_BROKERS=a:1", "NEWSWORKER_TEST_BROKERS=x", "NEWSWORKER_SHARED=/s"})
	if err != nil {
		t.Fatalf("valid environment refused: %v", err)
	}
	err = CheckEnviron([]string{"NEWSWORKER_BROKER=kafka:9092", "NEWSWORKER_INPUT_TOPC=x", "NEWSWORKER_TLS_CAFILE=/ca.pem"})
	if err == nil {
		t.Fatal("typos accepted")
	}
	for _, want := range []string{"NEWSWORKER_BROKER is not a setting (did you mean NEWSWORKER_BROKERS?)",
		"NEWSWORKER_INPUT_TOPC is not a setting (did you mean NEWSWORKER_INPUT_TOPIC?)",
		"NEWSWORKER_TLS_CAFILE is not a setting (did you mean NEWSWORKER_TLS_CA_FILE?)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
}

// TestScopes: an offline command does not validate the worker's settings.
func TestScopes(t *testing.T) {
	t.Setenv("NEWSWORKER_LOG_LEVEL", "verbose")
	t.Setenv("NEWSWORKER_BROKERS", "not-a-host-port")
	if _, err := LoadFor(ScopeOffline); err != nil {
		t.Errorf("offline scope refused a worker-only setting: %v", err)
	}
	if _, err := LoadFor(ScopeClient); err == nil || !strings.Contains(err.Error(), "NEWSWORKER_BROKERS") {
		t.Errorf("client scope: %v, want the brokers refused", err)
	}
	t.Setenv("NEWSWORKER_BROKERS", "k:9092")
	if _, err := LoadFor(ScopeClient); err != nil {
		t.Errorf("client scope refused a worker-only setting: %v", err)
	}
	if _, err := Load(); err == nil || !strings.Contains(err.Error(), "NEWSWORKER_LOG_LEVEL") {
		t.Errorf("worker scope: %v, want the log level refused", err)
	}
	t.Setenv("NEWSWORKER_BROKER", "k:9092")
	if _, err := LoadFor(ScopeOffline); err == nil || !strings.Contains(err.Error(), "did you mean NEWSWORKER_BROKERS") {
		t.Errorf("unknown variable in offline scope: %v", err)
	}
}

func TestValuesSpellLikeTheEnvironment(t *testing.T) {
	t.Setenv("NEWSWORKER_BROKERS", "a:1,b:2")
	t.Setenv("NEWSWORKER_SASL_MECHANISM", "PLAIN")
	t.Setenv("NEWSWORKER_SASL_USERNAME", "u")
	t.Setenv("NEWSWORKER_SASL_PASSWORD", "hunter2")
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	v := c.Values()
	for name, want := range map[string]string{"NEWSWORKER_BROKERS": "a:1,b:2", "NEWSWORKER_SHUTDOWN_TIMEOUT": "30s",
		"NEWSWORKER_SASL_PASSWORD": "[redacted]", "NEWSWORKER_CREATE_TOPICS": "false", "NEWSWORKER_MAX_IN_FLIGHT": "0", "NEWSWORKER_BATCH_SIZE": "500"} {
		if v[name] != want {
			t.Errorf("%s = %q, want %q", name, v[name], want)
		}
	}
	if len(v) != len(Vars()) {
		t.Errorf("%d values for %d variables", len(v), len(Vars()))
	}
}
