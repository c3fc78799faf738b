package kafkaio_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/pipeline"
)

const (
	topicIn  = "news.raw"
	topicOut = "news.events"
	topicDLQ = "news.deadletter"
	topicRT  = "roundtrip"
	inParts  = 2
	outParts = 2
	nItems   = 200
	maxItem  = 64 << 10
)

// TestSecurity runs newsworker against a Kafka 4.x broker secured the way
// production clusters are: SASL_SSL only, SCRAM users made with the broker's
// own tools, the standard authorizer with ACLs and no anonymous access.
func TestSecurity(t *testing.T) {
	b := startSecureBroker(t)
	proc, err := pipeline.NewDefault(nil, "", pipeline.Options{MaxItemBytes: maxItem, ItemTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	admin := security(t, config.TLS{Enabled: true, CAFile: b.pki.caFile}, "SCRAM-SHA-512", "admin", b.adminPW)
	provision(t, b, admin)
	msgs, want := kafkatest.MixedItems(nItems, maxItem)
	produce(t, b.addr, admin, topicIn, msgs)
	good := workerEnv{mechanism: "SCRAM-SHA-512", user: "worker", password: b.workerPW, caFile: b.pki.caFile}

	t.Run("scram_sha_512_worker", func(t *testing.T) {
		e := good
		e.group = "nw-worker"
		w := startWorker(t, b.workerConfig(t, e), proc)
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			if sum(endOffsets(t, b.addr, admin, topicOut, outParts))+sum(endOffsets(t, b.addr, admin, topicDLQ, 1)) >= nItems {
				break
			}
		}
		elapsed := time.Since(w.started)
		ready := w.scrape(t, "/readyz")
		if err := w.stop(t); err != nil {
			t.Fatalf("worker stopped with error: %v", err)
		}
		recs := readAll(t, b.addr, admin, topicOut, outParts, 1, 300*time.Millisecond, 20*time.Second)
		dls := readAll(t, b.addr, admin, topicDLQ, 1, 1, 300*time.Millisecond, 20*time.Second)
		oc, err := kafkatest.Collect(topicIn, recs, dls)
		if err != nil {
			t.Fatal(err)
		}
		end := endOffsets(t, b.addr, admin, topicIn, inParts)
		got := committed(t, b.addr, admin, e.group, topicIn, inParts)
		rep := kafkatest.AuditWith(t, audit.Options{Brokers: []string{b.addr}, Dialer: admin.Dialer(), Transport: admin.Transport(),
			Input: topicIn, Output: topicOut, DLQ: topicDLQ, FromOffset: -1, ToOffset: -1})
		t.Logf("items=%d records=%d dead_letters=%d missing=%d duplicates=%d elapsed=%s committed=%v end=%v readyz=%q",
			nItems, len(recs), len(dls), rep.Missing, oc.Duplicates, elapsed.Round(time.Millisecond), got, end, strings.TrimSpace(ready))
		if rep.Missing > 0 || rep.Inputs != int64(nItems) || len(recs)+len(dls) != nItems {
			t.Fatalf("want exactly %d outcomes; missing %v", nItems, rep.MissingList)
		}
		for _, ms := range oc.DeadLetters {
			if r, wr := audit.Header(ms[0], "dlq-reason"), want[string(ms[0].Key)]; r != wr {
				t.Errorf("%s: dead letter %q, want %q", ms[0].Key, r, wr)
			}
		}
		for p, e := range end {
			if got[p] != e {
				t.Errorf("partition %d: committed %d, end offset %d", p, got[p], e)
			}
		}
		noSecrets(t, "worker log", w.logs.String(), b.workerPW, b.adminPW)
	})

	t.Run("plain_scram_sha_256_and_mtls_round_trip", func(t *testing.T) {
		tests := []struct {
			name, mechanism string
			tls             config.TLS
		}{
			{"PLAIN", "PLAIN", config.TLS{Enabled: true, CAFile: b.pki.caFile}},
			{"SCRAM-SHA-256", "SCRAM-SHA-256", config.TLS{Enabled: true, CAFile: b.pki.caFile}},
			{"SCRAM-SHA-512 with a client certificate", "SCRAM-SHA-512",
				config.TLS{Enabled: true, CAFile: b.pki.caFile, CertFile: b.pki.clientCert, KeyFile: b.pki.clientKey, ServerName: "localhost"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sec := security(t, tc.tls, tc.mechanism, "worker", b.workerPW)
				start := time.Now()
				if err := kafkaio.Check(context.Background(), []string{b.addr}, sec, "", topicRT); err != nil {
					t.Fatalf("check: %v", err)
				}
				checked := time.Since(start)
				key := fmt.Sprintf("rt-%s-%d", tc.mechanism, time.Now().UnixNano())
				w := kafkaio.NewWriter(kafkaio.WriterConfig{Brokers: []string{b.addr}, BatchSize: 10, BatchBytes: 1 << 20,
					BatchTimeout: 5 * time.Millisecond, Compression: "lz4", Topics: []string{topicRT}}, sec, zerolog.Nop())
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				err := w.WriteMessages(ctx, kafka.Message{Topic: topicRT, Key: []byte(key), Value: []byte("round trip")})
				w.Close()
				if err != nil {
					t.Fatalf("produce as %s: %v", tc.mechanism, err)
				}
				r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{b.addr}, Topic: topicRT, Partition: 0,
					Dialer: sec.Dialer(), MaxWait: 100 * time.Millisecond})
				defer r.Close()
				for {
					m, err := r.ReadMessage(ctx)
					if err != nil {
						t.Fatalf("consume as %s: %v", tc.mechanism, err)
					}
					if string(m.Key) == key {
						t.Logf("%s: check %s, produce+consume round trip %s (offset %d)", tc.name,
							checked.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), m.Offset)
						return
					}
				}
			})
		}
	})

	t.Run("wrong_password_fails_fast", func(t *testing.T) { testRefusedLogin(t, b, proc) })
	t.Run("untrusted_certificate_fails_fast", func(t *testing.T) { testUntrustedCert(t, b, proc) })
	t.Run("tls_mismatch_is_reported", func(t *testing.T) { testTLSMismatch(t, b) })
	t.Run("missing_acl_fails_fast", func(t *testing.T) { testMissingACL(t, b, proc) })
	t.Run("no_write_acl_commits_nothing", func(t *testing.T) { testNoWriteACL(t, b, admin, proc) })

	t.Run("secrets_never_in_logs_or_metrics", func(t *testing.T) {
		e := good
		e.group = "nw-secrets"
		cfg := b.workerConfig(t, e)
		w := startWorker(t, cfg, proc)
		end := endOffsets(t, b.addr, admin, topicIn, inParts)
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			if sum(committed(t, b.addr, admin, e.group, topicIn, inParts)) == sum(end) {
				break
			}
		}
		metrics := w.scrape(t, "/metrics")
		if err := w.stop(t); err != nil {
			t.Fatalf("worker stopped with error: %v", err)
		}
		logs := w.logs.String()
		if !strings.Contains(metrics, "newsworker_produced_total") {
			t.Fatalf("scrape did not return the worker's metrics:\n%s", tail(metrics, 500))
		}
		if !strings.Contains(logs, `"Password":"[redacted]"`) {
			t.Errorf("the logged config does not show the password as [redacted]:\n%s", tail(logs, 2000))
		}
		sec := security(t, config.TLS{Enabled: true, CAFile: b.pki.caFile}, "PLAIN", "worker", b.workerPW)
		var printed []string
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			printed = append(printed, fmt.Sprintf(verb, cfg), fmt.Sprintf(verb, sec))
		}
		t.Logf("log: %d lines, %d bytes at debug level; /metrics: %d bytes; %d fmt renderings of Config and Security",
			strings.Count(logs, "\n"), len(logs), len(metrics), len(printed))
		noSecrets(t, "worker log", logs, b.workerPW, b.adminPW)
		noSecrets(t, "/metrics", metrics, b.workerPW, b.adminPW)
		noSecrets(t, "fmt output", strings.Join(printed, "\n"), b.workerPW)
	})
}

// provision creates the users with kafka-configs, the ACLs with kafka-acls
// (both over the admin's SASL_SSL connection), and the topics.
func provision(t *testing.T, b *secureBroker, admin kafkaio.Security) {
	t.Helper()
	start := time.Now()
	scram := func(user, mech, pw string) []string {
		// One mechanism per call: the broker refuses two changes to one user in a request.
		return []string{"configs", "--alter", "--add-config", mech + "=[password=" + pw + "]", "--entity-type", "users", "--entity-name", user}
	}
	b.tools(t,
		scram("worker", "SCRAM-SHA-256", b.workerPW),
		scram("worker", "SCRAM-SHA-512", b.workerPW),
		scram("nowrite", "SCRAM-SHA-512", b.nowritePW),
		// worker: read the input in its groups; write the output, the DLQ
		// and the round-trip topic; read the round-trip topic.
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--consumer", "--topic", topicIn, "--group", "nw-worker", "--group", "nw-secrets"},
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--producer", "--topic", topicOut, "--topic", topicDLQ, "--topic", topicRT},
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--operation", "Read", "--topic", topicRT},
		// nowrite: may read the input (in its group) and even the output and
		// the DLQ (so the start check passes: Read implies Describe), never write.
		[]string{"acls", "--add", "--allow-principal", "User:nowrite", "--consumer", "--topic", topicIn, "--topic", topicOut, "--topic", topicDLQ, "--group", "nw-nowrite"},
	)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := kafkaio.EnsureTopics(ctx, []string{b.addr}, admin, inParts, 1, topicIn, topicOut); err != nil {
		t.Fatal(err)
	}
	if err := kafkaio.EnsureTopics(ctx, []string{b.addr}, admin, 1, 1, topicDLQ, topicRT); err != nil {
		t.Fatal(err)
	}
	t.Logf("provisioned 3 SCRAM credentials and 4 ACL sets (broker tools) and 4 topics in %s", time.Since(start).Round(time.Millisecond))
}

func noSecrets(t *testing.T, where, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if i := strings.Index(text, s); i >= 0 {
			t.Errorf("a password appears in the %s: ...%s...", where, text[max(0, i-200):i])
		}
	}
}
