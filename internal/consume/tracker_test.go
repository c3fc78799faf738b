package consume

import (
	"math/rand/v2"
	"testing"
)

func TestTrackerCommitsOnlyContiguousAcks(t *testing.T) {
	tr := newTracker()
	for _, o := range []int64{10, 11, 12, 15, 16} {
		if !tr.add(o) {
			t.Fatalf("add %d refused", o)
		}
	}
	steps := []struct {
		ack  int64
		want int64
		ok   bool
	}{
		{11, -1, false}, // 10 still pending
		{15, -1, false},
		{10, 12, true}, // 10, 11 done → commit 12
		{12, 16, true}, // 13-14 were never fetched (compaction gap); 15 was already acked
		{16, 17, true},
	}
	for _, s := range steps {
		tr.ack(s.ack)
		got, ok := tr.toCommit()
		if got != s.want || ok != s.ok {
			t.Fatalf("after ack %d: toCommit = %d,%v; want %d,%v", s.ack, got, ok, s.want, s.ok)
		}
		if ok {
			tr.committedUpTo(got)
		}
	}
	if tr.pending() != 0 {
		t.Fatalf("pending %d", tr.pending())
	}
	select {
	case <-tr.waitIdle():
	default:
		t.Fatal("not idle")
	}
}

func TestTrackerRefusesRewind(t *testing.T) {
	tr := newTracker()
	tr.add(5)
	if tr.add(5) || tr.add(3) {
		t.Fatal("accepted an offset that is not after the last one")
	}
}

func TestTrackerNeverMovesBackwards(t *testing.T) {
	tr := newTracker()
	tr.committedUpTo(100)
	tr.committedUpTo(50)
	if _, ok := tr.toCommit(); ok {
		t.Fatal("nothing new to commit")
	}
	if tr.committed != 100 {
		t.Fatalf("committed moved back to %d", tr.committed)
	}
}

func TestTrackerRandomOrder(t *testing.T) {
	tr := newTracker()
	const n = 5000
	for i := int64(0); i < n; i++ {
		tr.add(i)
	}
	perm := rand.Perm(n)
	maxSeen := int64(-1)
	for i, p := range perm {
		tr.ack(int64(p))
		got, _ := tr.toCommit()
		if got < maxSeen {
			t.Fatalf("commit offset went back from %d to %d", maxSeen, got)
		}
		maxSeen = got
		// Every offset below got must have been acked.
		acked := map[int]bool{}
		for _, q := range perm[:i+1] {
			acked[q] = true
		}
		if got > 0 && i%500 == 0 {
			for o := 0; o < int(got); o++ {
				if !acked[o] {
					t.Fatalf("commit %d covers unacked %d", got, o)
				}
			}
		}
	}
	if got, _ := tr.toCommit(); got != n {
		t.Fatalf("final commit %d, want %d", got, n)
	}
}

func TestTrackerDrop(t *testing.T) {
	tr := newTracker()
	tr.add(1)
	tr.add(2)
	tr.drop(2)
	tr.ack(1)
	if got, _ := tr.toCommit(); got != 2 || tr.pending() != 0 {
		t.Fatalf("got %d pending %d", got, tr.pending())
	}
}

func TestTrackerRefusesRewindBelowAcked(t *testing.T) {
	tr := newTracker()
	tr.add(7)
	tr.ack(7)
	if tr.add(3) {
		t.Fatal("accepted offset 3 after 7 was acknowledged")
	}
	if !tr.add(8) {
		t.Fatal("refused the next offset")
	}
}
