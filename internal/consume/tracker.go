package consume

import (
	"sort"
	"sync"
)

// tracker follows one partition's fetched offsets within one generation and
// knows the highest offset below which everything is acknowledged. Offsets
// are added in fetch order (increasing); acks come in any order.
type tracker struct {
	// commitMu serializes commits of this partition (the periodic loop and
	// the final commit), so a slower request with a smaller offset cannot
	// land after a larger one.
	commitMu  sync.Mutex
	mu        sync.Mutex
	offsets   []int64
	acked     []bool
	head      int
	next      int64 // offset to commit: everything below it is acknowledged; -1 none yet
	committed int64 // last offset committed; -1 none
	inFlight  int
	idle      chan struct{} // closed and replaced when inFlight drops to 0
}

func newTracker() *tracker {
	return &tracker{next: -1, committed: -1, idle: make(chan struct{})}
}

// add records a fetched offset. It returns false if the offset is not after
// the last one added, which means the partition was rewound under us.
func (t *tracker) add(off int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := len(t.offsets); (n > t.head && t.offsets[n-1] >= off) || (t.next >= 0 && off < t.next) {
		return false
	}
	t.offsets = append(t.offsets, off)
	t.acked = append(t.acked, false)
	t.inFlight++
	return true
}

// ack marks off done and advances next over every contiguous done offset.
func (t *tracker) ack(off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	live := t.offsets[t.head:]
	i := sort.Search(len(live), func(i int) bool { return live[i] >= off })
	if i == len(live) || live[i] != off || t.acked[t.head+i] {
		return
	}
	t.acked[t.head+i] = true
	t.inFlight--
	for t.head < len(t.offsets) && t.acked[t.head] {
		t.next = t.offsets[t.head] + 1
		t.head++
	}
	if t.head > 1024 && t.head*2 > len(t.offsets) {
		t.offsets = append(t.offsets[:0:0], t.offsets[t.head:]...)
		t.acked = append(t.acked[:0:0], t.acked[t.head:]...)
		t.head = 0
	}
	if t.inFlight == 0 {
		close(t.idle)
		t.idle = make(chan struct{})
	}
}

// toCommit returns the offset to commit and whether it is new.
func (t *tracker) toCommit() (int64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.next, t.next > t.committed
}

// committedUpTo records a successful commit. Commits never move backwards.
func (t *tracker) committedUpTo(off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if off > t.committed {
		t.committed = off
	}
}

// waitIdle returns a channel closed when nothing is in flight.
func (t *tracker) waitIdle() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.inFlight == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	return t.idle
}

func (t *tracker) pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.inFlight
}

// drop forgets the last added offset, which was never handed to the worker.
func (t *tracker) drop(off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.offsets)
	if n > t.head && t.offsets[n-1] == off && !t.acked[n-1] {
		t.offsets, t.acked = t.offsets[:n-1], t.acked[:n-1]
		t.inFlight--
		if t.inFlight == 0 {
			close(t.idle)
			t.idle = make(chan struct{})
		}
	}
}
