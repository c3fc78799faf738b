package kafkaio_test

import (
	"context"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/kafkatest"
	"github.com/newsworker/newsworker/internal/pipeline"
)

const (
	topicIn   = "news.raw"
	topicOut  = "news.events"
	topicDLQ  = "news.deadletter"
	topicRT   = "roundtrip"
	inParts   = 2
	outParts  = 2
	nItems    = 200
	maxItem   = 64 << 10
	groupMain = "nw-worker"
)

func TestSecurity(t *testing.T) {
	b := startSecureBroker(t)
	admin := security(t, config.TLS{Enabled: true, CAFile: b.pki.caFile}, "SCRAM-SHA-512", "admin", b.adminPW)
	provision(t, b, admin)
	msgs, want := kafkatest.MixedItems(nItems, maxItem)
	produce(t, b.addr, admin, topicIn, msgs)
	proc, err := pipeline.NewDefault(nil, pipeline.Options{MaxItemBytes: maxItem, ItemTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = want

	t.Run("baseline_wrong_password", func(t *testing.T) {
		before := b.failedAuthentications(t)
		cfg := b.workerConfig(t, workerEnv{group: groupMain, mechanism: "SCRAM-SHA-512", user: "worker", password: "wrong-" + b.workerPW, caFile: b.pki.caFile})
		w := startWorker(t, cfg, proc)
		err, ok := w.exited(20 * time.Second)
		t.Logf("exited=%v err=%v failed auths=%d", ok, err, b.failedAuthentications(t)-before)
		t.Logf("%s", tail(w.logs.String(), 3000))
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
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--consumer", "--topic", topicIn, "--group", groupMain, "--group", "nw-secrets"},
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--producer", "--topic", topicOut, "--topic", topicDLQ, "--topic", topicRT},
		[]string{"acls", "--add", "--allow-principal", "User:worker", "--operation", "Read", "--topic", topicRT},
		// nowrite: may read the input (in its group) and even the output, never write.
		[]string{"acls", "--add", "--allow-principal", "User:nowrite", "--consumer", "--topic", topicIn, "--topic", topicOut, "--group", "nw-nowrite"},
	)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := kafkaio.EnsureTopics(ctx, []string{b.addr}, admin, inParts, 1, topicIn, topicOut); err != nil {
		t.Fatal(err)
	}
	if err := kafkaio.EnsureTopics(ctx, []string{b.addr}, admin, 1, 1, topicDLQ, topicRT); err != nil {
		t.Fatal(err)
	}
	t.Logf("provisioned 3 SCRAM credentials, 4 ACL sets and 4 topics with the broker's tools in %s", time.Since(start).Round(time.Millisecond))
}

var _ = kafka.Message{}
