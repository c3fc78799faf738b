package topics

import "github.com/newsworker/newsworker/internal/hugemem"

// topicTable maps word hashes to their class and the state they reach from
// the root, by open addressing in 16-byte slots: the scan probes it once per
// word. Words are found by the key the tokenizer gives them (see package
// tokens); a wildcard prefix by FNV-1a over its folded bytes, which the
// scan computes byte by byte for words no rule has, up to the longest
// prefix.
type topicTable struct {
	slots []topicSlot
	mask  uint64
	has   []uint64 // a bit set over the keys (topicHasBit): most absent words stop there
}

const topicHasBits = 1 << 18

func topicHasBit(k uint64) uint64 { return k >> 24 & (topicHasBits - 1) }

type topicSlot struct {
	key          uint64 // 0: empty
	class, state int32
}

func newTopicTable(ar *hugemem.Arena, keys []uint64, val func(uint64) topicSlot) topicTable {
	size := uint64(16)
	for size < uint64(2*len(keys)) { // at most half full: a word no rule has probes about 2.5 slots
		size *= 2
	}
	t := topicTable{slots: hugemem.Make[topicSlot](ar, int(size)), mask: size - 1, has: hugemem.Make[uint64](ar, topicHasBits/64)}
	for _, k := range keys { // in a fixed order: the same layout on every start
		b := topicHasBit(k)
		t.has[b/64] |= 1 << (b % 64)
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = val(k)
		t.slots[i].key = k
	}
	return t
}

func (t *topicTable) get(k uint64) (*topicSlot, bool) {
	if b := topicHasBit(k); t.has[b/64]&(1<<(b%64)) == 0 {
		return nil, false
	}
	for i := k & t.mask; t.slots[i].key != 0; i = (i + 1) & t.mask {
		if t.slots[i].key == k {
			return &t.slots[i], true
		}
	}
	return nil, false
}

// topicMoves holds the automaton's moves that do not start afresh from the
// root, by open addressing in 8-byte slots: the state (bits 42-63), the
// class (bits 22-41) and the state moved to (bits 0-21). 0 is empty: state
// 0 has no moves here.
type topicMoves struct {
	slots []uint64
	shift uint
	mask  uint64
}

const (
	topicMaxStates  = 1 << 22
	topicMaxClasses = 1 << 20
)

func topicMoveHash(k uint64, shift uint) uint64 { return k * 0x9E3779B97F4A7C15 >> shift }

// topicMoveKey is a move's key: its state and the class it moves on.
func topicMoveKey(state, class int32) uint64 { return uint64(state)<<20 | uint64(class) }

// newTopicMoves takes the moves by topicMoveKey.
func newTopicMoves(ar *hugemem.Arena, moves []topicMove) topicMoves {
	size, shift := uint64(16), uint(60)
	for size*3 < uint64(4*len(moves)) { // up to 3/4 full: eight slots share a cache line
		size, shift = size*2, shift-1
	}
	t := topicMoves{slots: hugemem.Make[uint64](ar, int(size)), shift: shift, mask: size - 1}
	for _, m := range moves { // in the order they were made, the same on every start
		i := topicMoveHash(m.key, shift)
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = m.key<<22 | uint64(m.to)
	}
	return t
}

// topicMove is a move of the automaton as it is built: topicMoveKey and
// the state it leads to. Each is made once.
type topicMove struct {
	key uint64
	to  int32
}

func (t *topicMoves) get(key uint64) (int32, bool) {
	for i := topicMoveHash(key, t.shift); t.slots[i] != 0; i = (i + 1) & t.mask {
		if t.slots[i]>>22 == key {
			return int32(t.slots[i] & (topicMaxStates - 1)), true
		}
	}
	return 0, false
}
