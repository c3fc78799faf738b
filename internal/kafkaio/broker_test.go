package kafkaio_test

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// secureBroker is a Kafka broker of our own (not the shared plain one),
// started by deploy/kafka/kafka.sh with a single SASL_SSL listener for
// clients and inter-broker traffic, a SASL_PLAINTEXT (PLAIN) controller
// listener, PLAIN + SCRAM-SHA-256 + SCRAM-SHA-512, and the standard
// authorizer with only the admin as super user: no listener grants anything
// to an unauthenticated principal.
type secureBroker struct {
	addr       string // SASL_SSL listener, 127.0.0.1:port
	ctrlAddr   string // SASL_PLAINTEXT controller listener
	script     string
	env        []string
	stateDir   string
	pki        pki
	adminPW    string
	workerPW   string // distinctive: tests assert it never shows up in logs or /metrics
	nowritePW  string
	adminProps string // client properties for the broker's own tools
}

// startSecureBroker starts the broker and stops it when the test ends. It
// skips unless NEWSWORKER_TEST_BROKERS is set (the signal that real-broker
// tests should run) and java is installed.
func startSecureBroker(t *testing.T) *secureBroker {
	t.Helper()
	kafkatest.Brokers(t) // skips with a message when unset; the plain broker itself is not used
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("skipping: java not found; the secured broker is a real Apache Kafka")
	}
	script, err := filepath.Abs("../../deploy/kafka/kafka.sh")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	b := &secureBroker{
		script:    script,
		stateDir:  filepath.Join(dir, "kafka"),
		pki:       writePKI(t, dir),
		adminPW:   "admin-" + randHex(t, 8),
		workerPW:  "nwPw-" + randHex(t, 12) + "-zq",
		nowritePW: "nowrite-" + randHex(t, 8),
	}
	port, ctrlPort := kafkatest.ListenPort(t), kafkatest.ListenPort(t)
	b.addr = "127.0.0.1:" + strconv.Itoa(port)
	b.ctrlAddr = "127.0.0.1:" + strconv.Itoa(ctrlPort)
	props := filepath.Join(dir, "secure.properties")
	if err := os.WriteFile(props, []byte(b.serverProperties(port, ctrlPort)), 0o600); err != nil {
		t.Fatal(err)
	}
	b.adminProps = filepath.Join(dir, "admin.properties")
	if err := os.WriteFile(b.adminProps, []byte(b.clientProperties("admin", b.adminPW)), 0o600); err != nil {
		t.Fatal(err)
	}
	b.env = append(os.Environ(),
		"KAFKA_STATE_DIR="+b.stateDir,
		"KAFKA_PORT="+strconv.Itoa(port), // kafka.sh waits on this port; it carries SASL_SSL
		"KAFKA_CONTROLLER_PORT="+strconv.Itoa(ctrlPort),
		"KAFKA_EXTRA_PROPERTIES="+props,
		"KAFKA_AUTO_CREATE=false",
		"KAFKA_START_TIMEOUT=120",
		"KAFKA_HEAP_OPTS=-Xms256m -Xmx512m",
		// The admin's SCRAM credential must exist before the broker starts:
		// inter-broker traffic authenticates as admin.
		"KAFKA_FORMAT_ARGS=--add-scram SCRAM-SHA-512=[name=admin,password="+b.adminPW+"]",
	)
	start := time.Now()
	t.Cleanup(func() { // registered after TempDir, so it runs before the dir is removed
		if out, err := b.run("stop"); err != nil {
			t.Logf("stopping the secured broker: %v\n%s", err, out)
		}
	})
	if out, err := b.run("start"); err != nil {
		t.Fatalf("start secured broker: %v\n%s", err, out)
	}
	t.Logf("secured broker up on %s (SASL_SSL) in %s", b.addr, time.Since(start).Round(time.Millisecond))
	return b
}

func (b *secureBroker) serverProperties(port, ctrlPort int) string {
	jaas := func(module string, kv ...string) string {
		return "org.apache.kafka.common.security." + module + " required " + strings.Join(kv, " ") + ";"
	}
	q := strconv.Quote
	return strings.Join([]string{
		fmt.Sprintf("listeners=SASL_SSL://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d", port, ctrlPort),
		fmt.Sprintf("advertised.listeners=SASL_SSL://127.0.0.1:%d", port),
		"listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_SSL:SASL_SSL",
		"inter.broker.listener.name=SASL_SSL",
		"sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512",
		"sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
		"sasl.mechanism.controller.protocol=PLAIN",
		"listener.name.controller.sasl.enabled.mechanisms=PLAIN",
		"listener.name.controller.plain.sasl.jaas.config=" + jaas("plain.PlainLoginModule",
			"username="+q("admin"), "password="+q(b.adminPW), "user_admin="+q(b.adminPW)),
		// PLAIN users live in the broker's JAAS config; SCRAM users in the
		// cluster metadata (created with kafka-configs below).
		"listener.name.sasl_ssl.plain.sasl.jaas.config=" + jaas("plain.PlainLoginModule",
			"user_admin="+q(b.adminPW), "user_worker="+q(b.workerPW)),
		"listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=" + jaas("scram.ScramLoginModule"),
		"listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + jaas("scram.ScramLoginModule",
			"username="+q("admin"), "password="+q(b.adminPW)),
		"ssl.keystore.type=PEM",
		"ssl.keystore.location=" + b.pki.keystore,
		"ssl.truststore.type=PEM",
		"ssl.truststore.location=" + b.pki.caFile,
		// A client certificate is verified when offered (mutual TLS), not
		// required: SASL stays the identity.
		"ssl.client.auth=requested",
		"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
		"super.users=User:admin",
		"allow.everyone.if.no.acl.found=false",
		"",
	}, "\n")
}

func (b *secureBroker) clientProperties(user, password string) string {
	return strings.Join([]string{
		"security.protocol=SASL_SSL",
		"sasl.mechanism=SCRAM-SHA-512",
		`sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="` +
			user + `" password="` + password + `";`,
		"ssl.truststore.type=PEM",
		"ssl.truststore.location=" + b.pki.caFile,
		"",
	}, "\n")
}

func (b *secureBroker) run(args ...string) ([]byte, error) {
	cmd := exec.Command(b.script, args...)
	cmd.Env = b.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// tools runs several of the broker's own admin tools at once (each is a
// JVM start, ~2-4 s) over the admin's SASL_SSL client properties.
func (b *secureBroker) tools(t *testing.T, calls ...[]string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, len(calls))
	outs := make([][]byte, len(calls))
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := append([]string{"tool", c[0], "--bootstrap-server", b.addr, "--command-config", b.adminProps}, c[1:]...)
			outs[i], errs[i] = b.run(args...)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("kafka.sh tool %s: %v\n%s", strings.Join(calls[i], " "), err, outs[i])
		}
	}
}

// failedAuthentications counts the broker's "Failed authentication" log
// lines: one per connection it refused (bad SASL credentials or a TLS
// handshake the client aborted).
func (b *secureBroker) failedAuthentications(t *testing.T) int {
	t.Helper()
	log, err := os.ReadFile(filepath.Join(b.stateDir, "kafka.log"))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(log, []byte("Failed authentication with"))
}

func randHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
