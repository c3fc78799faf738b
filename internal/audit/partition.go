package audit

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

// readPartition calls fn for every message of one partition from s.first.
// Without tail it returns once the message before s.end has been read; with
// tail it reads on until ctx ends (the audit's wait), calling reached once
// s.end has been read past.
//
// A slow broker never ends the read: a fetch may take up to FetchWait, and
// a quiet spell longer than that ends the read only when the reader's own
// statistics show fetches that completed and brought nothing, that is when
// the partition ends in a gap (compaction, transaction markers) short of
// s.end. A spell in which no fetch completed is slowness, and the read goes
// on until ctx ends.
func (a *Auditor) readPartition(ctx context.Context, topic string, p int, s span, tail bool, reached func(), fn func(kafka.Message)) error {
	if s.end <= s.first {
		reached()
		if !tail {
			return nil
		}
	}
	d, conns := closableDialer(a.dialer)
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: a.brokers, Topic: topic, Partition: p, Dialer: d,
		MinBytes: 1, MaxBytes: 16 << 20, MaxWait: a.fetchWait})
	defer func() {
		// A Reader's Close waits for its fetch in progress, up to MaxWait
		// (kafka-go #428); closing its connections first ends that fetch.
		conns.closeAll()
		r.Close()
	}()
	if err := r.SetOffset(s.first); err != nil {
		return fmt.Errorf("read %s/%d: %w", topic, p, err)
	}
	r.Stats() // resets the counters the gap rule reads
	quiet := a.fetchWait + 2*time.Second
	done := s.end <= s.first
	for {
		fctx, cancel := context.WithTimeout(ctx, quiet)
		m, err := r.FetchMessage(fctx)
		cancel()
		switch {
		case err == nil:
		case ctx.Err() != nil:
			if tail {
				return nil // the wait is over, or everything is accounted for
			}
			return ctx.Err()
		case fctx.Err() != nil:
			if st := r.Stats(); !tail && st.FetchSize.Count > 0 && st.Messages == 0 {
				return nil // fetches answered with nothing: a gap before s.end
			}
			continue // no fetch came back: a slow broker, keep waiting
		default:
			return fmt.Errorf("read %s/%d: %w", topic, p, err)
		}
		if !tail && m.Offset >= s.end {
			return nil
		}
		fn(m)
		if !done && m.Offset >= s.end-1 {
			done = true
			reached()
			if !tail {
				return nil
			}
		}
	}
}

// connSet holds the connections one reader dialled.
type connSet struct {
	mu    sync.Mutex
	conns []net.Conn
}

func (s *connSet) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.conns = nil
}

// closableDialer returns a copy of d (a default one when nil) whose
// connections are kept in the returned set. TLS and SASL, which kafka-go
// layers over what DialFunc returns, stay as d has them.
func closableDialer(d *kafka.Dialer) (*kafka.Dialer, *connSet) {
	cd := kafka.Dialer{Timeout: 10 * time.Second}
	if d != nil {
		cd = *d
	}
	base := cd.DialFunc
	if base == nil {
		nd := &net.Dialer{Timeout: cd.Timeout, KeepAlive: cd.KeepAlive}
		base = nd.DialContext
	}
	set := &connSet{}
	cd.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := base(ctx, network, addr)
		if err == nil {
			set.mu.Lock()
			set.conns = append(set.conns, c)
			set.mu.Unlock()
		}
		return c, err
	}
	return &cd, set
}

// Read calls fn for every message of one partition of topic in [first,
// end), in order, with the audit's tolerance of slow brokers and of gaps
// at the end of a partition: what `newsworker replay` reads its range with.
func (a *Auditor) Read(ctx context.Context, topic string, p int, first, end int64, fn func(kafka.Message)) error {
	return a.readPartition(ctx, topic, p, span{first, end}, false, func() {}, fn)
}
