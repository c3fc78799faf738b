package config

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDefaultsAreValid(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTPAddr != "127.0.0.1:8080" {
		t.Errorf("HTTP must bind loopback by default, got %s", c.HTTPAddr)
	}
}

func TestInvalidNamesVariable(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"NEWSWORKER_BROKERS", "nohostport", "NEWSWORKER_BROKERS"},
		{"NEWSWORKER_LOG_LEVEL", "loud", "NEWSWORKER_LOG_LEVEL"},
		{"NEWSWORKER_START_OFFSET", "middle", "NEWSWORKER_START_OFFSET"},
		{"NEWSWORKER_MAX_IN_FLIGHT", "-1", "NEWSWORKER_MAX_IN_FLIGHT"},
		{"NEWSWORKER_ITEM_TIMEOUT", "soon", "ITEM_TIMEOUT"},
		{"NEWSWORKER_COMPRESSION", "rar", "NEWSWORKER_COMPRESSION"},
		{"NEWSWORKER_SASL_MECHANISM", "GSSAPI", "NEWSWORKER_SASL_MECHANISM"},
		{"NEWSWORKER_OUTPUT_TOPIC", "news.raw", "NEWSWORKER_OUTPUT_TOPIC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.name, tc.value)
			_, err := Load()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error naming %s", err, tc.want)
			}
		})
	}
}

func TestSecretRedacted(t *testing.T) {
	t.Setenv("NEWSWORKER_SASL_MECHANISM", "SCRAM-SHA-512")
	t.Setenv("NEWSWORKER_SASL_USERNAME", "worker")
	t.Setenv("NEWSWORKER_SASL_PASSWORD", "hunter2-very-secret")
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(c)
	if strings.Contains(string(b), "hunter2") || !strings.Contains(string(b), "[redacted]") {
		t.Fatalf("secret leaks into the config dump: %s", b)
	}
	if string(c.SASL.Password) != "hunter2-very-secret" {
		t.Fatal("the secret itself must stay usable")
	}
}
