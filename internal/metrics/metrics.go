// Package metrics provides the worker's Prometheus metrics on a registry of
// its own (no global registry), so tests can build as many as they like.
// It must never label a metric with anything unbounded (item ids, errors).
package metrics

import (
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsworker/newsworker/internal/buildinfo"
)

// Metrics is every metric newsworker exports.
type Metrics struct {
	Registry     *prometheus.Registry
	Consumed     prometheus.Counter
	Produced     prometheus.Counter
	DeadLettered *prometheus.CounterVec // by reason
	Latency      prometheus.Histogram   // fetch to acknowledged output
	EndToEnd     prometheus.Histogram   // the input's broker timestamp to acknowledged output
	InFlight     prometheus.Gauge
	Commits      prometheus.Counter
	CommitErrors prometheus.Counter
	WriteErrors  prometheus.Counter
	Lag          *prometheus.GaugeVec // by partition
	Rebalances   prometheus.Counter
	// BuildInfo is 1, labelled with what the binary is; one series at a
	// time (SetTaggerVersion replaces it).
	BuildInfo *prometheus.GaugeVec
	version   string
}

// New registers the metrics, plus the Go and process collectors.
func New() *Metrics {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: r,
		Consumed: prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_consumed_total", Help: "Input messages fetched."}),
		Produced: prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_produced_total", Help: "Event records acknowledged by the broker."}),
		DeadLettered: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsworker_dead_lettered_total",
			Help: "Rejected items written to the dead-letter topic, by reason."}, []string{"reason"}),
		Latency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newsworker_processing_seconds",
			Help: "Time from fetch to the broker's acknowledgement of the output.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}),
		EndToEnd: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newsworker_end_to_end_seconds",
			Help:    "Time from the input's broker timestamp to the broker's acknowledgement of the output (includes time spent waiting in the topic).",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 20)}),
		InFlight:     prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsworker_in_flight", Help: "Items fetched and not yet acknowledged."}),
		Commits:      prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_commits_total", Help: "Successful offset commits."}),
		CommitErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_commit_errors_total", Help: "Failed offset commits."}),
		WriteErrors:  prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_write_errors_total", Help: "Failed produce attempts (each retried)."}),
		Lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "newsworker_consumer_lag",
			Help: "Messages behind the partition's high watermark at the last fetch."}, []string{"partition"}),
		Rebalances: prometheus.NewCounter(prometheus.CounterOpts{Name: "newsworker_generations_total", Help: "Consumer group generations joined."}),
		BuildInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "newsworker_build_info",
			Help: "Always 1; the labels say which build is running."}, []string{"version", "go_version", "tagger_version"}),
		version: buildinfo.Version(),
	}
	r.MustRegister(m.Consumed, m.Produced, m.DeadLettered, m.Latency, m.EndToEnd, m.InFlight, m.Commits, m.CommitErrors, m.WriteErrors, m.Lag, m.Rebalances, m.BuildInfo)
	m.SetTaggerVersion("")
	return m
}

// SetTaggerVersion labels build_info with the tagger's version (tag.Version).
// The caller passes it in: importing the tagger here would pull the whole
// gazetteer into every user of metrics. Until it is called the label is
// empty.
func (m *Metrics) SetTaggerVersion(v string) {
	m.BuildInfo.Reset()
	m.BuildInfo.WithLabelValues(m.version, runtime.Version(), v).Set(1)
}
