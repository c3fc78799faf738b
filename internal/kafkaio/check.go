package kafkaio

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"

	"github.com/segmentio/kafka-go"
)

// ErrSecurity marks a connection failure that retrying cannot fix: the
// brokers refused our credentials, or we refused their certificate. Without
// this check kafka-go's consumer group retries such a failure every couple of
// seconds for ever (one refused login each time) while the worker looks
// merely "not ready"; `newsworker run` exits on it at start instead.
var ErrSecurity = errors.New("kafka security check failed")

// Check connects to the brokers once the way the worker will (TCP, TLS
// handshake, SASL authentication, one metadata request) and returns nil as
// soon as one broker answers. A failure retrying cannot fix is returned at
// once, wrapping ErrSecurity and the cause, with a message naming the
// settings to look at; brokers are tried in order otherwise, and when none
// answers the last error is returned without ErrSecurity: the caller may
// retry it (the broker may just be starting). It never includes a secret.
func Check(ctx context.Context, brokers []string, sec Security) error {
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
	}
	if last == nil {
		return errors.New("kafka check: no brokers configured")
	}
	return last
}

// classify returns an ErrSecurity error for failures that the same settings
// will meet again, or nil.
func classify(err error, addr string, sec Security) error {
	var (
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		verify    *tls.CertificateVerificationError
		record    tls.RecordHeaderError
		opErr     *net.OpError
	)
	mech := "none"
	if sec.SASL != nil {
		mech = sec.SASL.Name()
	}
	var why string
	switch {
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &verify):
		why = fmt.Sprintf("the TLS certificate of broker %s is not trusted (check NEWSWORKER_TLS_CA_FILE and NEWSWORKER_TLS_SERVER_NAME)", addr)
	case errors.As(err, &record):
		why = fmt.Sprintf("broker %s did not answer in TLS (is NEWSWORKER_TLS_ENABLED right for this listener?)", addr)
	case errors.As(err, &opErr) && opErr.Op == "remote error": // crypto/tls reports a received alert so

		why = fmt.Sprintf("broker %s refused the TLS handshake (does it require a client certificate: NEWSWORKER_TLS_CERT_FILE/NEWSWORKER_TLS_KEY_FILE?)", addr)
	case errors.Is(err, kafka.SASLAuthenticationFailed):
		why = fmt.Sprintf("broker %s refused SASL user %q with %s (check NEWSWORKER_SASL_USERNAME, NEWSWORKER_SASL_PASSWORD and NEWSWORKER_SASL_MECHANISM)", addr, sec.user, mech)
	case errors.Is(err, kafka.UnsupportedSASLMechanism), errors.Is(err, kafka.IllegalSASLState):
		why = fmt.Sprintf("broker %s does not accept SASL mechanism %s on this listener (check NEWSWORKER_SASL_MECHANISM and NEWSWORKER_TLS_ENABLED)", addr, mech)
	default:
		return nil
	}
	return fmt.Errorf("%w: %s: %w", ErrSecurity, why, err)
}
