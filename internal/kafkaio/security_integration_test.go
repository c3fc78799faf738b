package kafkaio_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
)

func TestSecurity(t *testing.T) {
	b := startSecureBroker(t)
	t0 := time.Now()
	b.tools(t,
		[]string{"configs", "--alter", "--add-config", "SCRAM-SHA-256=[password=" + b.workerPW + "]", "--entity-type", "users", "--entity-name", "worker"},
		[]string{"configs", "--alter", "--add-config", "SCRAM-SHA-512=[password=" + b.workerPW + "]", "--entity-type", "users", "--entity-name", "worker"},
		[]string{"configs", "--alter", "--add-config", "SCRAM-SHA-512=[password=" + b.nowritePW + "]", "--entity-type", "users", "--entity-name", "nowrite"},
	)
	t.Logf("users in %s", time.Since(t0))
	for _, mech := range []string{"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"} {
		sec, err := kafkaio.NewSecurity(config.TLS{Enabled: true, CAFile: b.pki.caFile}, config.SASL{Mechanism: mech, Username: "worker", Password: config.Secret(b.workerPW)})
		if err != nil {
			t.Fatal(err)
		}
		c, err := sec.Dialer().DialContext(context.Background(), "tcp", b.addr)
		if err != nil {
			t.Errorf("%s: %v", mech, err)
			continue
		}
		br, err := c.Brokers()
		t.Logf("%s: %v %v", mech, br, err)
		c.Close()
	}
	out, _ := b.run("log", "40")
	t.Logf("%s", out)
}
