package audit

import (
	"sort"
	"sync"

	"github.com/segmentio/kafka-go"
)

// tally counts the outcomes read so far against the input ranges. It is
// safe for concurrent use by the partition readers.
type tally struct {
	input string
	in    map[int]span

	mu         sync.Mutex
	counts     map[Origin]int
	hasRecord  map[Origin]bool
	ids        map[string]int
	remaining  int64 // inputs in range with no outcome yet
	progress   Progress
	orphans    int64
	unreadable int64
}

func newTally(input string, in map[int]span) *tally {
	t := &tally{input: input, in: in, counts: map[Origin]int{}, hasRecord: map[Origin]bool{}, ids: map[string]int{}}
	for _, s := range in {
		t.remaining += s.end - s.first
	}
	return t
}

// record notes one message of the output topic: an event record naming its
// origin.
func (t *tally) record(m kafka.Message) {
	id, o, err := RecordOrigin(m)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil {
		t.unreadable++
		return
	}
	t.ids[id]++
	t.note(o.Topic, o.Partition, o.Offset, true)
}

// deadLetter notes one message of the dead-letter topic by its origin
// headers.
func (t *tally) deadLetter(m kafka.Message) {
	o, err := DeadLetterOrigin(m)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil {
		t.unreadable++
		return
	}
	t.note(o.Topic, o.Partition, o.Offset, false)
}

// note counts one outcome; t.mu is held.
func (t *tally) note(topic string, p int, off int64, record bool) {
	s, ok := t.in[p]
	if topic != t.input || !ok {
		t.orphans++
		return
	}
	if off < s.first || off >= s.end {
		if off >= s.end || off < 0 {
			t.orphans++ // points past the input: should not exist
		}
		return // before the range: out of scope
	}
	k := Origin{p, off}
	if t.counts[k] == 0 {
		t.remaining--
		if t.progress != nil {
			t.progress.Add(1)
		}
	}
	t.counts[k]++
	if record {
		t.hasRecord[k] = true
	}
}

// left is how many inputs in range have no outcome yet.
func (t *tally) left() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.remaining
}

// report fills rep's counts from what was read.
func (t *tally) report(rep *Report) {
	t.mu.Lock()
	defer t.mu.Unlock()
	rep.Orphans, rep.Unreadable = t.orphans, t.unreadable
	for _, n := range t.ids {
		if n > 1 {
			rep.DuplicateIDs += int64(n - 1)
		}
	}
	parts := make([]int, 0, len(t.in))
	for p := range t.in {
		parts = append(parts, p)
	}
	sort.Ints(parts)
	for _, p := range parts {
		for off := t.in[p].first; off < t.in[p].end; off++ {
			k := Origin{p, off}
			switch n := t.counts[k]; {
			case n == 0:
				rep.Missing++
				if len(rep.MissingList) < 1000 {
					rep.MissingList = append(rep.MissingList, k)
				}
			default:
				rep.Duplicates += int64(n - 1)
				if t.hasRecord[k] {
					rep.WithRecord++
				} else {
					rep.WithDLQ++
				}
			}
		}
	}
}
