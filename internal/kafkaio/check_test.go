package kafkaio_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestCheckClassifies runs Check against local listeners that fail the way
// misconfigured brokers do; no Kafka needed. The real broker's answers
// (wrong password, untrusted CA) are in TestSecurity.
func TestCheckClassifies(t *testing.T) {
	dir := t.TempDir()
	p := writePKI(t, dir)
	serverCert, err := tls.LoadX509KeyPair(p.keystore, p.keystore)
	if err != nil {
		t.Fatal(err)
	}
	tlsAddr := serve(t, func(c net.Conn) {
		tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{serverCert}})
		_, _ = io.Copy(io.Discard, tc)
	})
	pool := x509.NewCertPool()
	caPEM, err := os.ReadFile(p.caFile)
	if err != nil {
		t.Fatal(err)
	}
	pool.AppendCertsFromPEM(caPEM)
	mtlsAddr := serve(t, func(c net.Conn) {
		tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{serverCert}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool})
		_, _ = io.Copy(io.Discard, tc)
	})
	plainAddr := serve(t, func(c net.Conn) { _, _ = c.Write([]byte("HTTP/1.0 400 Bad Request\r\n\r\n")) })
	closedAddr := "127.0.0.1:" + strconv.Itoa(kafkatest.FreePort(t))

	tests := []struct {
		name   string
		addr   string
		tls    config.TLS
		fatal  bool
		saying []string
	}{
		{"untrusted CA", tlsAddr, config.TLS{Enabled: true, CAFile: p.otherCAFile}, true,
			[]string{"certificate signed by unknown authority", "NEWSWORKER_TLS_CA_FILE"}},
		{"wrong server name", tlsAddr, config.TLS{Enabled: true, CAFile: p.caFile, ServerName: "kafka.example.org"}, true,
			[]string{"not kafka.example.org", "NEWSWORKER_TLS_SERVER_NAME"}},
		{"client certificate required", mtlsAddr, config.TLS{Enabled: true, CAFile: p.caFile}, true,
			[]string{"refused the TLS handshake", "NEWSWORKER_TLS_CERT_FILE"}},
		{"TLS to a plaintext port", plainAddr, config.TLS{Enabled: true, CAFile: p.caFile}, true,
			[]string{"did not answer in TLS", "NEWSWORKER_TLS_ENABLED"}},
		{"nothing listening", closedAddr, config.TLS{Enabled: true, CAFile: p.caFile}, false,
			[]string{"connection refused"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sec := security(t, tc.tls, "", "", "")
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			start := time.Now()
			err := kafkaio.Check(ctx, []string{tc.addr}, sec, "")
			t.Logf("after %s: %v", time.Since(start).Round(time.Millisecond), err)
			if err == nil {
				t.Fatal("Check succeeded")
			}
			if got := errors.Is(err, kafkaio.ErrSecurity); got != tc.fatal {
				t.Errorf("errors.Is(err, ErrSecurity) = %v, want %v", got, tc.fatal)
			}
			for _, s := range tc.saying {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error does not say %q", s)
				}
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %s; want a prompt answer", time.Since(start))
			}
		})
	}
}

// serve accepts connections on a loopback port until the test ends.
func serve(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(10 * time.Second))
				handle(c)
			}()
		}
	}()
	return ln.Addr().String()
}
