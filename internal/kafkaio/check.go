package kafkaio

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/segmentio/kafka-go"
)

// ErrSecurity marks a failure that retrying cannot fix: the brokers refused
// our credentials or our access to a topic or the group, or we refused
// their certificate. Without this check kafka-go's consumer group retries
// such a failure every couple of seconds for ever (one refused login each
// time) while the worker looks merely "not ready"; `newsworker run` exits on
// it at start instead.
var ErrSecurity = errors.New("kafka security check failed")

// Check connects to the brokers once the way the worker will (TCP, TLS
// handshake, SASL authentication, a metadata request), then asks whether
// the user may see each topic and the consumer group (group may be empty).
// A failure retrying cannot fix is returned at once, wrapping ErrSecurity
// and the cause, with a message naming the settings or ACL to look at.
// Otherwise brokers are tried in order; when none answers the last error is
// returned without ErrSecurity, and the caller may retry (the cluster may
// just be starting). Topics that do not exist yet are not an error. The
// check creates nothing and never includes a secret in its errors.
func Check(ctx context.Context, brokers []string, sec Security, group string, topics ...string) error {
	if err := checkConnect(ctx, brokers, sec); err != nil {
		return err
	}
	return checkAccess(ctx, brokers, sec, group, topics)
}

func checkConnect(ctx context.Context, brokers []string, sec Security) error {
	d := sec.Dialer()
	var last error
	for _, addr := range brokers {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("kafka check: %w", err)
		}
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			_, err = conn.Brokers() // a metadata request: the connection really works
			conn.Close()
			if err == nil {
				return nil
			}
		}
		if fatal := classify(err, addr, sec); fatal != nil {
			return fatal
		}
		last = fmt.Errorf("kafka check: broker %s: %w", addr, err)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			// What a TLS/plaintext mismatch looks like from both sides with
			// Kafka, but also a broker going down: a hint, not a verdict.
			last = fmt.Errorf("%w (the broker closed the connection; if this persists, check that NEWSWORKER_TLS_ENABLED matches the listener)", last)
		}
	}
	if last == nil {
		return errors.New("kafka check: no brokers configured")
	}
	return last
}

// checkAccess asks for the topics' metadata by name (a request for all
// topics silently leaves out the ones the user may not describe) and for
// the group's coordinator: both answer *_AUTHORIZATION_FAILED to a user
// without any ACL on them. Write access cannot be probed without writing.
func checkAccess(ctx context.Context, brokers []string, sec Security, group string, topics []string) error {
	tr := sec.Transport()
	tr.MetadataTopics = topics
	defer tr.CloseIdleConnections()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr, Timeout: 10 * time.Second}
	if len(topics) > 0 {
		md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: topics})
		if err != nil {
			return fmt.Errorf("kafka check: topic metadata: %w", err)
		}
		for _, t := range md.Topics {
			if errors.Is(t.Error, kafka.TopicAuthorizationFailed) {
				return fmt.Errorf("%w: user %q may not use topic %q (it needs Read on the input topic and Write on the output and dead-letter topics): %w",
					ErrSecurity, sec.user, t.Name, t.Error)
			}
		}
	}
	if group != "" {
		res, err := c.FindCoordinator(ctx, &kafka.FindCoordinatorRequest{Key: group, KeyType: kafka.CoordinatorKeyTypeConsumer})
		switch {
		case err != nil:
			return fmt.Errorf("kafka check: find coordinator of group %s: %w", group, err)
		case errors.Is(res.Error, kafka.GroupAuthorizationFailed):
			return fmt.Errorf("%w: user %q may not use consumer group %q (it needs Read on the group; check NEWSWORKER_GROUP_ID): %w",
				ErrSecurity, sec.user, group, res.Error)
		}
	}
	return nil
}

// classify returns an ErrSecurity error for connection failures that the
// same settings will meet again, or nil.
func classify(err error, addr string, sec Security) error {
	var (
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		verify    *tls.CertificateVerificationError
		record    tls.RecordHeaderError
		opErr     *net.OpError
	)
	var why string
	switch {
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &verify):
		why = fmt.Sprintf("the TLS certificate of broker %s is not trusted (check NEWSWORKER_TLS_CA_FILE and NEWSWORKER_TLS_SERVER_NAME)", addr)
	case errors.As(err, &record):
		why = fmt.Sprintf("broker %s did not answer in TLS (is NEWSWORKER_TLS_ENABLED right for this listener?)", addr)
	case errors.As(err, &opErr) && opErr.Op == "remote error": // how crypto/tls reports a TLS alert from the peer
		why = fmt.Sprintf("broker %s refused the TLS handshake (does it require a client certificate: NEWSWORKER_TLS_CERT_FILE/NEWSWORKER_TLS_KEY_FILE?)", addr)
	case errors.Is(err, kafka.SASLAuthenticationFailed):
		why = fmt.Sprintf("broker %s refused SASL user %q with %s (check NEWSWORKER_SASL_USERNAME, NEWSWORKER_SASL_PASSWORD and NEWSWORKER_SASL_MECHANISM)", addr, sec.user, sec.mechanism())
	case errors.Is(err, kafka.UnsupportedSASLMechanism), errors.Is(err, kafka.IllegalSASLState):
		why = fmt.Sprintf("broker %s does not accept SASL mechanism %s on this listener (check NEWSWORKER_SASL_MECHANISM and NEWSWORKER_TLS_ENABLED)", addr, sec.mechanism())
	default:
		return nil
	}
	return fmt.Errorf("%w: %s: %w", ErrSecurity, why, err)
}
