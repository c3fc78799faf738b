// Package config provides newsworker's one configuration struct, loaded from
// NEWSWORKER_* environment variables with envconfig and validated once at
// start. It must never read configuration from anywhere else.
package config

import (
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Prefix is the environment variable prefix.
const Prefix = "NEWSWORKER"

// Config is every setting of `newsworker run`. The README's configuration
// table is written from these tags; keep them in step.
type Config struct {
	Brokers      []string      `envconfig:"BROKERS" default:"127.0.0.1:9092" desc:"Kafka bootstrap brokers, comma-separated host:port"`
	InputTopic   string        `envconfig:"INPUT_TOPIC" default:"news.raw" desc:"topic of raw news items"`
	OutputTopic  string        `envconfig:"OUTPUT_TOPIC" default:"news.events" desc:"topic the event records are written to"`
	DLQTopic     string        `envconfig:"DLQ_TOPIC" default:"news.deadletter" desc:"dead-letter topic for rejected items"`
	GroupID      string        `envconfig:"GROUP_ID" default:"newsworker" desc:"consumer group id; replicas with the same id share the partitions"`
	ClientID     string        `envconfig:"CLIENT_ID" default:"newsworker" desc:"Kafka client id sent to the brokers (quotas and broker logs)"`
	StartOffset  string        `envconfig:"START_OFFSET" default:"earliest" desc:"where a group with no committed offset starts: earliest or latest"`
	CreateTopics bool          `envconfig:"CREATE_TOPICS" default:"false" desc:"create the output and dead-letter topics at start when missing"`
	TopicWait    time.Duration `envconfig:"TOPIC_WAIT" default:"20s" desc:"how long the worker waits at start for its input, output and dead-letter topics to exist (not ready meanwhile, naming them) before it exits with an error"`

	HTTPAddr      string        `envconfig:"HTTP_ADDR" default:"127.0.0.1:8080" desc:"listen address of /metrics, /healthz, /readyz (loopback by default)"`
	EnablePprof   bool          `envconfig:"PPROF" default:"false" desc:"serve /debug/pprof on HTTP_ADDR"`
	LogLevel      string        `envconfig:"LOG_LEVEL" default:"info" desc:"debug, info, warn or error"`
	LogFormat     string        `envconfig:"LOG_FORMAT" default:"json" desc:"json or console"`
	StatsInterval time.Duration `envconfig:"STATS_INTERVAL" default:"30s" desc:"how often a throughput line (items, items/s, dead letters, lag) is logged; 0 turns it off"`

	Concurrency     int           `envconfig:"CONCURRENCY" default:"0" desc:"items processed at once; 0 means the number of CPUs"`
	MaxInFlight     int           `envconfig:"MAX_IN_FLIGHT" default:"0" desc:"items fetched but not yet acknowledged by the broker, across partitions (backpressure; with MAX_ITEM_BYTES it bounds memory); 0 means 5 × BATCH_SIZE, the least that keeps processing going while the 4 publishers each wait on a full batch"`
	MaxItemBytes    int           `envconfig:"MAX_ITEM_BYTES" default:"1048576" desc:"message values larger than this are dead-lettered (too_large)"`
	ItemTimeout     time.Duration `envconfig:"ITEM_TIMEOUT" default:"5s" desc:"time budget for one item; an item over it is dead-lettered (time_budget_exceeded)"`
	CommitInterval  time.Duration `envconfig:"COMMIT_INTERVAL" default:"1s" desc:"how often acknowledged offsets are committed"`
	BatchSize       int           `envconfig:"BATCH_SIZE" default:"500" desc:"producer batch size (messages)"`
	MaxBatchBytes   int           `envconfig:"MAX_BATCH_BYTES" default:"1000000" desc:"largest producer request per partition; keep it at or below the broker's message.max.bytes (records larger than this minus 16 KiB are dead-lettered as record_too_large)"`
	BatchTimeout    time.Duration `envconfig:"BATCH_TIMEOUT" default:"5ms" desc:"producer linger before a partial batch is sent"`
	Compression     string        `envconfig:"COMPRESSION" default:"lz4" desc:"output compression: none, gzip, snappy, lz4 or zstd"`
	WriteRetries    int           `envconfig:"WRITE_RETRIES" default:"15" desc:"attempts to write a batch before the worker gives up and exits non-zero"`
	RetryBackoffMax time.Duration `envconfig:"RETRY_BACKOFF_MAX" default:"10s" desc:"cap of the jittered exponential backoff between write attempts"`
	ShutdownTimeout time.Duration `envconfig:"SHUTDOWN_TIMEOUT" default:"30s" desc:"time allowed to drain, flush and commit on SIGTERM"`
	SessionTimeout  time.Duration `envconfig:"SESSION_TIMEOUT" default:"30s" desc:"consumer group session timeout"`

	LanguageHint   string   `envconfig:"LANGUAGE_HINT" default:"en" desc:"ISO 639-1 code of the language most items are in; it wins close calls in language detection (none: no hint)"`
	CopyHeaders    []string `envconfig:"COPY_HEADERS" desc:"input headers copied onto the output record, comma-separated (e.g. traceparent,tracestate)"`
	GazetteerFiles []string `envconfig:"GAZETTEER_FILES" desc:"extra gazetteer TSV files merged over the built-in data, comma-separated"`
	TopicModel     string   `envconfig:"TOPIC_MODEL" desc:"topic model file written by newsworker train, used in place of the built-in one (empty: built-in; none: topic rules alone)"`

	TLS  TLS  `envconfig:"TLS"`
	SASL SASL `envconfig:"SASL"`
}

// TLS configures encryption to the brokers.
type TLS struct {
	Enabled    bool   `envconfig:"ENABLED" default:"false" desc:"connect to the brokers over TLS"`
	CAFile     string `envconfig:"CA_FILE" desc:"PEM file of the CA that signed the brokers' certificates (system pool when empty)"`
	CertFile   string `envconfig:"CERT_FILE" desc:"PEM client certificate for mutual TLS"`
	KeyFile    string `envconfig:"KEY_FILE" desc:"PEM client key for mutual TLS"`
	ServerName string `envconfig:"SERVER_NAME" desc:"expected server name in the broker certificate (host of the broker address when empty)"`
}

// SASL configures authentication to the brokers.
type SASL struct {
	Mechanism string `envconfig:"MECHANISM" desc:"empty (none), PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512"`
	Username  string `envconfig:"USERNAME" desc:"SASL user name"`
	Password  Secret `envconfig:"PASSWORD" desc:"SASL password (never logged)"`
}

// Secret is a string that never prints itself.
type Secret string

// String redacts the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// MarshalText redacts the secret in JSON and logs.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Format redacts the secret under every fmt verb: String alone leaves %#v
// and %d printing the raw value (fmt skips Stringer for both), and a
// `%#v` of the Config in a debug line would leak the password.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// Scope says which settings a command uses: it validates only those, so
// that a setting of the worker (say NEWSWORKER_LOG_LEVEL) cannot break an
// offline command that never reads it.
type Scope int

const (
	ScopeWorker  Scope = iota // run: every setting
	ScopeClient               // audit: brokers, topics, TLS and SASL
	ScopeOffline              // tag, eval, train, demo: the tagger's settings
)

// Load reads the environment and validates every setting.
func Load() (Config, error) { return LoadFor(ScopeWorker) }

// LoadFor reads the environment, refuses unknown NEWSWORKER_* variables,
// and validates the settings of the scope.
func LoadFor(s Scope) (Config, error) {
	var c Config
	if err := CheckEnviron(os.Environ()); err != nil {
		return c, err
	}
	if err := envconfig.Process(Prefix, &c); err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	switch s {
	case ScopeClient:
		return c, c.validateClient()
	case ScopeOffline:
		return c, c.validateOffline()
	}
	return c, c.Validate()
}

func bad(name, format string, a ...any) error {
	return fmt.Errorf("config: %s_%s: %s", Prefix, name, fmt.Sprintf(format, a...))
}

// validateOffline checks the settings the tagging pipeline reads.
func (c Config) validateOffline() error {
	switch {
	case c.LanguageHint != "none" && (len(c.LanguageHint) != 2 || strings.ToLower(c.LanguageHint) != c.LanguageHint):
		return bad("LANGUAGE_HINT", "want an ISO 639-1 code such as en, or none, got %q", c.LanguageHint)
	case c.MaxItemBytes < 1:
		return bad("MAX_ITEM_BYTES", "must be >= 1")
	case c.ItemTimeout <= 0:
		return bad("ITEM_TIMEOUT", "must be > 0")
	}
	return nil
}

// validateClient checks what a Kafka client of the worker's topics needs.
func (c Config) validateClient() error {
	if len(c.Brokers) == 0 {
		return bad("BROKERS", "at least one broker is required")
	}
	for _, b := range c.Brokers {
		if _, _, err := net.SplitHostPort(strings.TrimSpace(b)); err != nil {
			return bad("BROKERS", "%q is not host:port", b)
		}
	}
	for name, v := range map[string]string{"INPUT_TOPIC": c.InputTopic, "OUTPUT_TOPIC": c.OutputTopic, "DLQ_TOPIC": c.DLQTopic, "GROUP_ID": c.GroupID} {
		if strings.TrimSpace(v) == "" {
			return bad(name, "must not be empty")
		}
	}
	if c.InputTopic == c.OutputTopic || c.InputTopic == c.DLQTopic {
		return bad("OUTPUT_TOPIC", "input, output and dead-letter topics must differ")
	}
	return c.validateSecurity()
}

// Validate checks every setting and names the variable at fault.
func (c Config) Validate() error {
	if err := c.validateClient(); err != nil {
		return err
	}
	if err := c.validateOffline(); err != nil {
		return err
	}
	if c.StartOffset != "earliest" && c.StartOffset != "latest" {
		return bad("START_OFFSET", "want earliest or latest, got %q", c.StartOffset)
	}
	if _, _, err := net.SplitHostPort(c.HTTPAddr); err != nil && c.HTTPAddr != "" {
		return bad("HTTP_ADDR", "%q is not host:port", c.HTTPAddr)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return bad("LOG_LEVEL", "want debug, info, warn or error, got %q", c.LogLevel)
	}
	if c.LogFormat != "json" && c.LogFormat != "console" {
		return bad("LOG_FORMAT", "want json or console, got %q", c.LogFormat)
	}
	switch {
	case c.Concurrency < 0:
		return bad("CONCURRENCY", "must be >= 0")
	case c.MaxInFlight < 0:
		return bad("MAX_IN_FLIGHT", "must be >= 0 (0: 5 × BATCH_SIZE)")
	case c.CommitInterval <= 0:
		return bad("COMMIT_INTERVAL", "must be > 0")
	case c.BatchSize < 1:
		return bad("BATCH_SIZE", "must be >= 1")
	case c.MaxBatchBytes < 64<<10:
		return bad("MAX_BATCH_BYTES", "must be >= 65536")
	case c.BatchTimeout <= 0:
		return bad("BATCH_TIMEOUT", "must be > 0")
	case c.WriteRetries < 1:
		return bad("WRITE_RETRIES", "must be >= 1")
	case c.ShutdownTimeout <= 0:
		return bad("SHUTDOWN_TIMEOUT", "must be > 0")
	case c.StatsInterval < 0:
		return bad("STATS_INTERVAL", "must be >= 0")
	case c.TopicWait <= 0:
		return bad("TOPIC_WAIT", "must be > 0")
	}
	switch c.Compression {
	case "none", "gzip", "snappy", "lz4", "zstd":
	default:
		return bad("COMPRESSION", "want none, gzip, snappy, lz4 or zstd, got %q", c.Compression)
	}
	return nil
}

func (c Config) validateSecurity() error {
	switch c.SASL.Mechanism {
	case "":
	case "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512":
		if c.SASL.Username == "" {
			return fmt.Errorf("config: %s_SASL_USERNAME: required with SASL_MECHANISM %s", Prefix, c.SASL.Mechanism)
		}
		// An unset password (say, a missing Kubernetes secret) would
		// otherwise surface only as a refused login at the broker.
		if c.SASL.Password == "" {
			return fmt.Errorf("config: %s_SASL_PASSWORD: required with SASL_MECHANISM %s", Prefix, c.SASL.Mechanism)
		}
	default:
		return fmt.Errorf("config: %s_SASL_MECHANISM: want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got %q", Prefix, c.SASL.Mechanism)
	}
	// TLS files without TLS_ENABLED would silently connect in plaintext
	// to what is meant to be a TLS listener.
	if !c.TLS.Enabled && (c.TLS.CAFile != "" || c.TLS.CertFile != "" || c.TLS.KeyFile != "" || c.TLS.ServerName != "") {
		return fmt.Errorf("config: %s_TLS_ENABLED: must be true when TLS_CA_FILE, TLS_CERT_FILE, TLS_KEY_FILE or TLS_SERVER_NAME is set", Prefix)
	}
	if (c.TLS.CertFile == "") != (c.TLS.KeyFile == "") {
		return fmt.Errorf("config: %s_TLS_CERT_FILE and %s_TLS_KEY_FILE must be set together", Prefix, Prefix)
	}
	return nil
}
