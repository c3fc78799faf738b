package kafkaio_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/pipeline"
)

// failFastWithin is what "fails fast" means for `newsworker run`: one
// refused connection, then exit with the cause, well inside a few seconds
// (the consumer group alone would retry every ~2 s for ever).
const failFastWithin = 5 * time.Second

// refusal is a worker configuration the broker (or the worker) must refuse.
type refusal struct {
	name   string
	env    workerEnv
	saying []string // substrings the error must contain
}

// expectRefusal runs the worker with e and asserts it returns an
// ErrSecurity error quickly, after few connection attempts, and without
// any password in its error or logs.
func expectRefusal(t *testing.T, b *secureBroker, proc *pipeline.Processor, r refusal, secrets ...string) {
	t.Helper()
	before := b.failedAuthentications(t)
	w := startWorker(t, b.workerConfig(t, r.env), proc)
	err, exited := w.exited(30 * time.Second)
	took := time.Since(w.started)
	if !exited {
		t.Fatalf("worker still running after 30 s; log tail:\n%s", tail(w.logs.String(), 2000))
	}
	// The broker logs a refusal just after answering it.
	refused := before
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline) && refused == before; time.Sleep(100 * time.Millisecond) {
		refused = b.failedAuthentications(t)
	}
	time.Sleep(300 * time.Millisecond)
	refused = b.failedAuthentications(t) - before
	t.Logf("%s: exited after %s; broker refused %d connection(s); error: %v", r.name, took.Round(time.Millisecond), refused, err)
	switch {
	case err == nil:
		t.Fatal("worker exited without an error")
	case !errors.Is(err, kafkaio.ErrSecurity):
		t.Errorf("error does not wrap kafkaio.ErrSecurity")
	case took > failFastWithin:
		t.Errorf("took %s to fail; want under %s", took, failFastWithin)
	case refused > 2:
		t.Errorf("broker refused %d connections; want one attempt, not a retry storm", refused)
	}
	for _, s := range r.saying {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error does not say %q", s)
		}
	}
	noSecrets(t, "error", err.Error(), secrets...)
	noSecrets(t, "worker log", w.logs.String(), secrets...)
}

func testRefusedLogin(t *testing.T, b *secureBroker, proc *pipeline.Processor) {
	wrong := "wrongPw-" + randHex(t, 6)
	env := func(mech, user, pw string) workerEnv {
		return workerEnv{group: "nw-worker", mechanism: mech, user: user, password: pw, caFile: b.pki.caFile}
	}
	for _, r := range []refusal{
		{"SCRAM-SHA-512 wrong password", env("SCRAM-SHA-512", "worker", wrong), []string{`SASL user "worker" with SCRAM-SHA-512`, "Authentication Failed"}},
		{"SCRAM-SHA-256 wrong password", env("SCRAM-SHA-256", "worker", wrong), []string{`SASL user "worker" with SCRAM-SHA-256`}},
		{"PLAIN wrong password", env("PLAIN", "worker", wrong), []string{`SASL user "worker" with PLAIN`}},
		{"SCRAM-SHA-512 unknown user", env("SCRAM-SHA-512", "nobody", b.workerPW), []string{`SASL user "nobody"`}},
		// nowrite has a SCRAM-SHA-512 credential only.
		{"SCRAM-SHA-256 user without that mechanism", env("SCRAM-SHA-256", "nowrite", b.nowritePW), []string{`SASL user "nowrite"`}},
	} {
		t.Run(r.name, func(t *testing.T) { expectRefusal(t, b, proc, r, wrong, b.workerPW, b.nowritePW, b.adminPW) })
	}
}

// testMissingACL: authenticated, but without any ACL on a topic or the
// group: the start check names what is missing instead of retrying.
func testMissingACL(t *testing.T, b *secureBroker, proc *pipeline.Processor) {
	good := workerEnv{group: "nw-worker", mechanism: "SCRAM-SHA-512", user: "worker", password: b.workerPW, caFile: b.pki.caFile}
	noTopic, noGroup := good, good
	noTopic.extra = map[string]string{"DLQ_TOPIC": "news.private"}
	noGroup.group = "nw-unlisted"
	for _, r := range []refusal{
		{"no ACL on the dead-letter topic", noTopic, []string{`user "worker" may not use topic "news.private"`, "Topic Authorization Failed"}},
		{"no ACL on the consumer group", noGroup, []string{`user "worker" may not use consumer group "nw-unlisted"`, "Group Authorization Failed"}},
	} {
		t.Run(r.name, func(t *testing.T) { expectRefusal(t, b, proc, r, b.workerPW, b.adminPW) })
	}
}

func testUntrustedCert(t *testing.T, b *secureBroker, proc *pipeline.Processor) {
	good := workerEnv{group: "nw-worker", mechanism: "SCRAM-SHA-512", user: "worker", password: b.workerPW, caFile: b.pki.caFile}
	otherCA, wrongName := good, good
	otherCA.caFile = b.pki.otherCAFile
	wrongName.extra = map[string]string{"TLS_SERVER_NAME": "kafka.example.org"}
	// Not here: a client certificate from an untrusted CA. With
	// ssl.client.auth=requested the broker ignores it (SASL stays the
	// identity); a Go listener that requires one is in TestCheckClassifies.
	for _, r := range []refusal{
		{"broker certificate from an untrusted CA", otherCA, []string{"x509: certificate signed by unknown authority", "NEWSWORKER_TLS_CA_FILE"}},
		{"broker certificate for another name", wrongName, []string{"x509: certificate is valid for localhost, not kafka.example.org"}},
	} {
		t.Run(r.name, func(t *testing.T) { expectRefusal(t, b, proc, r, b.workerPW, b.adminPW) })
	}
}

// testNoWriteACL: a user that may read the input but not write the output.
// Every write is refused, nothing is acknowledged, so nothing is committed,
// and the worker gives up after its retry budget with the broker's reason.
func testNoWriteACL(t *testing.T, b *secureBroker, admin kafkaio.Security, proc *pipeline.Processor) {
	const group = "nw-nowrite"
	outBefore := sum(endOffsets(t, b.addr, admin, topicOut, outParts)) + sum(endOffsets(t, b.addr, admin, topicDLQ, 1))
	w := startWorker(t, b.workerConfig(t, workerEnv{group: group, mechanism: "SCRAM-SHA-512", user: "nowrite",
		password: b.nowritePW, caFile: b.pki.caFile,
		extra: map[string]string{"WRITE_RETRIES": "3", "RETRY_BACKOFF_MAX": "500ms"}}), proc)
	err, exited := w.exited(90 * time.Second)
	took := time.Since(w.started)
	if !exited {
		t.Fatalf("worker still running after 90 s; log tail:\n%s", tail(w.logs.String(), 2000))
	}
	logs := w.logs.String()
	got := committed(t, b.addr, admin, group, topicIn, inParts)
	outAfter := sum(endOffsets(t, b.addr, admin, topicOut, outParts)) + sum(endOffsets(t, b.addr, admin, topicDLQ, 1))
	t.Logf("exited after %s; write attempts logged as failed: %d; committed %v; outputs before/after %d/%d; error: %v",
		took.Round(time.Millisecond), strings.Count(logs, `"message":"write failed"`), got, outBefore, outAfter, err)
	if err == nil {
		t.Fatal("worker exited without an error")
	}
	for _, s := range []string{"Topic Authorization Failed", "not acknowledged after 3 attempts"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error does not say %q", s)
		}
	}
	if n := len(err.Error()); n > 600 { // the cause once, the topic, and what to do
		t.Errorf("error is %d bytes; want one line per distinct cause", n)
	}
	for p, off := range got {
		// The worker commits the resolved start offset (0 here) when it
		// first takes a partition with no commit (kafka-go #904/#711);
		// anything past it would commit unacknowledged work.
		if off > 0 {
			t.Errorf("partition %d: committed %d; nothing was written, so nothing may be committed past the start", p, off)
		}
	}
	if outAfter != outBefore {
		t.Errorf("outputs grew from %d to %d under a user without write access", outBefore, outAfter)
	}
	noSecrets(t, "worker log", logs, b.nowritePW, b.workerPW, b.adminPW)
}

// testTLSMismatch: TLS on one side only. Kafka just closes the connection
// (EOF), which a broker going down does too, so Check does not call it
// fatal: it answers at once with a hint, and `newsworker run` logs it.
func testTLSMismatch(t *testing.T, b *secureBroker) {
	tests := []struct {
		name, addr string
		tls        config.TLS
	}{
		{"plaintext client to the SASL_SSL listener", b.addr, config.TLS{}},
		{"TLS client to a plaintext (SASL_PLAINTEXT) listener", b.ctrlAddr, config.TLS{Enabled: true, CAFile: b.pki.caFile}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sec := security(t, tc.tls, "SCRAM-SHA-512", "worker", b.workerPW)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			start := time.Now()
			err := kafkaio.Check(ctx, []string{tc.addr}, sec, "")
			took := time.Since(start)
			t.Logf("%s: answered after %s: %v", tc.name, took.Round(time.Millisecond), err)
			switch {
			case err == nil:
				t.Fatal("check succeeded")
			case errors.Is(err, kafkaio.ErrSecurity):
				t.Errorf("an EOF must not be fatal: a restarting broker looks the same")
			case !strings.Contains(err.Error(), "NEWSWORKER_TLS_ENABLED"):
				t.Errorf("error gives no hint about NEWSWORKER_TLS_ENABLED")
			case took > failFastWithin:
				t.Errorf("took %s", took)
			}
		})
	}
}
