package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
)

// rangeFlags are the flags audit and replay share: the topics and the range
// of the input (partitions, offsets, times).
type rangeFlags struct {
	in, out, dlq, since, until, parts *string
	from, to                          *int64
}

func addRangeFlags(fs *flag.FlagSet, cfg config.Config, outHelp string) *rangeFlags {
	return &rangeFlags{
		in:    fs.String("input", cfg.InputTopic, "input topic"),
		out:   fs.String("output", cfg.OutputTopic, outHelp),
		dlq:   fs.String("dlq", cfg.DLQTopic, "dead-letter topic"),
		since: fs.String("since", "", "only inputs with a timestamp at or after this RFC 3339 time"),
		until: fs.String("until", "", "only inputs with a timestamp before this RFC 3339 time"),
		parts: fs.String("partitions", "", "only these input partitions, comma-separated (default: all)"),
		from:  fs.Int64("from-offset", -1, "only input offsets at or after this, in every partition"),
		to:    fs.Int64("to-offset", -1, "only input offsets before this, in every partition"),
	}
}

// options turns the flags and the configuration into audit.Options.
func (r *rangeFlags) options(cfg config.Config) (audit.Options, error) {
	var o audit.Options
	for _, tv := range []struct {
		s string
		t *time.Time
	}{{*r.since, &o.Since}, {*r.until, &o.Until}} {
		if tv.s != "" {
			t, err := time.Parse(time.RFC3339, tv.s)
			if err != nil {
				return o, fmt.Errorf("%w: bad time %q: %v", errUsage, tv.s, err)
			}
			*tv.t = t
		}
	}
	for _, f := range strings.FieldsFunc(*r.parts, func(c rune) bool { return c == ',' || c == ' ' }) {
		p, err := strconv.Atoi(f)
		if err != nil || p < 0 {
			return o, fmt.Errorf("%w: -partitions: %q is not a partition number", errUsage, f)
		}
		o.Partitions = append(o.Partitions, p)
	}
	sec, err := kafkaio.NewSecurity(cfg.TLS, cfg.SASL)
	if err != nil {
		return o, err
	}
	o.FromOffset, o.ToOffset = *r.from, *r.to
	o.Brokers, o.Dialer, o.Transport, o.Input, o.Output, o.DLQ = cfg.Brokers, sec.Dialer(), sec.Transport(), *r.in, *r.out, *r.dlq
	return o, nil
}
