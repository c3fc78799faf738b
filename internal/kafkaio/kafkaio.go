// Package kafkaio provides the kafka-go clients the worker uses, built from
// configuration: the Dialer (consumer group and partition readers), the
// shared Writer, TLS and SASL, and topic creation. It must never log or
// expose a secret.
package kafkaio

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"

	"github.com/newsworker/newsworker/internal/config"
)

// Security is the TLS config and SASL mechanism for every connection.
type Security struct {
	TLS      *tls.Config
	SASL     sasl.Mechanism
	ClientID string // sent to the brokers (quotas, logs); "newsworker" when empty
	user     string // for error messages; the password lives only inside SASL
}

// Format prints the settings without the SASL mechanism's state: kafka-go's
// mechanisms keep the password in plain fields, which %v would print.
func (s Security) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "{TLS:%t SASL:%s User:%s ClientID:%s}", s.TLS != nil, s.mechanism(), s.user, s.clientID())
}

func (s Security) mechanism() string {
	if s.SASL == nil {
		return "none"
	}
	return s.SASL.Name()
}

func (s Security) clientID() string {
	if s.ClientID == "" {
		return "newsworker"
	}
	return s.ClientID
}

// NewSecurity reads the CA, certificate and key files and builds the SASL
// mechanism. Errors name the variable at fault.
func NewSecurity(t config.TLS, s config.SASL) (Security, error) {
	sec := Security{user: s.Username}
	if t.Enabled {
		tc := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName}
		if t.CAFile != "" {
			pem, err := os.ReadFile(t.CAFile)
			if err != nil {
				return sec, fmt.Errorf("NEWSWORKER_TLS_CA_FILE: %w", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return sec, errors.New("NEWSWORKER_TLS_CA_FILE: no PEM certificate found")
			}
			tc.RootCAs = pool
		}
		if t.CertFile != "" {
			cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
			if err != nil {
				return sec, fmt.Errorf("NEWSWORKER_TLS_CERT_FILE/KEY_FILE: %w", err)
			}
			tc.Certificates = []tls.Certificate{cert}
		}
		sec.TLS = tc
	}
	switch s.Mechanism {
	case "":
	case "PLAIN":
		sec.SASL = plain.Mechanism{Username: s.Username, Password: string(s.Password)}
	case "SCRAM-SHA-256", "SCRAM-SHA-512":
		algo := scram.SHA256
		if s.Mechanism == "SCRAM-SHA-512" {
			algo = scram.SHA512
		}
		m, err := scram.Mechanism(algo, s.Username, string(s.Password))
		if err != nil {
			return sec, fmt.Errorf("NEWSWORKER_SASL_MECHANISM: %w", err)
		}
		sec.SASL = m
	default:
		return sec, fmt.Errorf("NEWSWORKER_SASL_MECHANISM: unsupported %q", s.Mechanism)
	}
	return sec, nil
}

// Dialer returns a Dialer for readers and the consumer group.
func (s Security) Dialer() *kafka.Dialer {
	return &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true, TLS: s.TLS, SASLMechanism: s.SASL, ClientID: s.clientID()}
}

// Transport returns a Transport for writers and admin calls.
func (s Security) Transport() *kafka.Transport {
	return &kafka.Transport{DialTimeout: 10 * time.Second, TLS: s.TLS, SASL: s.SASL, ClientID: s.clientID(),
		Dial: (&net.Dialer{Timeout: 10 * time.Second}).DialContext}
}

// WriterConfig is what the shared writer needs.
type WriterConfig struct {
	Brokers      []string
	BatchSize    int
	BatchBytes   int64
	BatchTimeout time.Duration
	Compression  string
	// Topics the writer writes to (optional). Its metadata requests then
	// name them: a request for all topics silently leaves out those the
	// user may not describe, so a missing ACL showed as "Unknown Topic Or
	// Partition"; named, it shows as "Topic Authorization Failed". It also
	// spares a large cluster the full topic list every few seconds.
	Topics []string
}

// NewWriter returns the one shared Writer: every message names its topic,
// RequireAll acks, synchronous writes, hash partitioning on the key (the
// record id), a few-ms linger (see ../shared/guides/kafka.md).
func NewWriter(c WriterConfig, sec Security, log zerolog.Logger) *Writer {
	l := log.With().Str("component", "writer").Logger()
	tr := sec.Transport()
	tr.MetadataTopics = c.Topics
	return &Writer{&kafka.Writer{
		Addr:                   kafka.TCP(c.Brokers...),
		Balancer:               &kafka.Hash{},
		RequiredAcks:           kafka.RequireAll,
		BatchSize:              c.BatchSize,
		BatchBytes:             c.BatchBytes,
		BatchTimeout:           c.BatchTimeout,
		Compression:            compression(c.Compression),
		WriteTimeout:           10 * time.Second,
		ReadTimeout:            10 * time.Second,
		MaxAttempts:            1, // the worker retries whole batches itself, with backoff and a budget
		AllowAutoTopicCreation: false,
		Transport:              tr,
		ErrorLogger:            kafka.LoggerFunc(func(f string, a ...any) { l.Warn().Msgf(f, a...) }),
	}}
}

func compression(name string) kafka.Compression {
	switch name {
	case "gzip":
		return kafka.Gzip
	case "snappy":
		return kafka.Snappy
	case "lz4":
		return kafka.Lz4
	case "zstd":
		return kafka.Zstd
	}
	return 0
}
