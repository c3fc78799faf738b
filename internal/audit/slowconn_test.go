package audit_test

import (
	"context"
	"encoding/binary"
	"net"
	"sync"
	"time"
)

// fetchAPIKey is the Kafka protocol's api key of Fetch requests.
const fetchAPIKey = 1

// slowFetchDialer dials like net.Dialer but delays the broker's answer to
// every Fetch request by delay: a broker that is loaded or far away, as a
// delaying proxy would make it, for fetches only (metadata stays fast so the
// test spends its time where the audit used to give up).
func slowFetchDialer(delay time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		var d net.Dialer
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &slowFetchConn{Conn: c, delay: delay, fetches: map[int32]bool{}}, nil
	}
}

// slowFetchConn parses the request frames it writes (int32 size, int16 api
// key, int16 version, int32 correlation id) to learn which correlation ids
// are fetches, and the response frames it reads (int32 size, int32
// correlation id) to hold back those answers.
type slowFetchConn struct {
	net.Conn
	delay time.Duration

	mu      sync.Mutex
	fetches map[int32]bool
	wbuf    []byte // the start of a request frame not yet complete
	wleft   int    // bytes of the current request frame still to write

	rleft int    // bytes of the current response frame still to hand out
	rbuf  []byte // header bytes read ahead, not yet handed out
}

func (c *slowFetchConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	for rest := p; len(rest) > 0; {
		if c.wleft > 0 {
			n := min(c.wleft, len(rest))
			c.wleft -= n
			rest = rest[n:]
			continue
		}
		need := 12 - len(c.wbuf)
		n := min(need, len(rest))
		c.wbuf = append(c.wbuf, rest[:n]...)
		rest = rest[n:]
		if len(c.wbuf) == 12 {
			size := int(binary.BigEndian.Uint32(c.wbuf[0:4]))
			if int16(binary.BigEndian.Uint16(c.wbuf[4:6])) == fetchAPIKey {
				c.fetches[int32(binary.BigEndian.Uint32(c.wbuf[8:12]))] = true
			}
			c.wleft = size + 4 - 12
			c.wbuf = c.wbuf[:0]
		}
	}
	c.mu.Unlock()
	return c.Conn.Write(p)
}

func (c *slowFetchConn) Read(p []byte) (int, error) {
	if len(c.rbuf) == 0 && c.rleft == 0 {
		// A new response frame: read its header, hold a fetch's back.
		hdr := make([]byte, 8)
		n := 0
		for n < 8 {
			m, err := c.Conn.Read(hdr[n:])
			n += m
			if err != nil {
				c.rbuf = hdr[:n]
				if n == 0 {
					return 0, err
				}
				break
			}
		}
		if n == 8 {
			c.rleft = int(binary.BigEndian.Uint32(hdr[0:4])) + 4 - 8
			c.mu.Lock()
			fetch := c.fetches[int32(binary.BigEndian.Uint32(hdr[4:8]))]
			delete(c.fetches, int32(binary.BigEndian.Uint32(hdr[4:8])))
			c.mu.Unlock()
			if fetch {
				time.Sleep(c.delay)
			}
			c.rbuf = hdr
		}
	}
	if len(c.rbuf) > 0 {
		n := copy(p, c.rbuf)
		c.rbuf = c.rbuf[n:]
		return n, nil
	}
	n, err := c.Conn.Read(p[:min(len(p), c.rleft)])
	c.rleft -= n
	return n, err
}
