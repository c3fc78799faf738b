package tag

import (
	"maps"
	"slices"

	"github.com/newsworker/newsworker/internal/hugemem"
)

// dictSlot is an edge in 8 bytes: the high half of its edgeKey (the low
// bits place it in the table) and the child, 0 for an empty slot (the root
// is no child).
type dictSlot struct {
	hi    uint32
	child int32
}

// freeze builds the scan's table from the edges; call it after the last add.
// A slot holds 8 bytes: the high half of the edge key (the low bits place
// it) and the child. freeze checks that every edge is found as itself, and
// doubles the table in the rare case that two keys sharing a high half
// would shadow each other.
func (d *dict) freeze() {
	size := uint64(16)
	for size*3 < uint64(4*len(d.edges)) {
		size *= 2
	}
	keys := slices.Sorted(maps.Keys(d.edges)) // the same layout on every start
	for ; ; size *= 2 {
		d.tab, d.mask = hugemem.Make[dictSlot](d.ar, int(size)), size-1
		for _, k := range keys {
			i := (k >> 5) & d.mask
			for d.tab[i].child != 0 {
				i = (i + 1) & d.mask
			}
			d.tab[i] = dictSlot{uint32(k >> 32), d.edges[k]}
		}
		if d.exact(keys) {
			d.ar = nil
			return
		}
	}
}

// exact reports whether every key finds its own edge in the table.
func (d *dict) exact(keys []uint64) bool {
	for _, k := range keys {
		if c, ok := d.lookup(k); !ok || c != d.edges[k] {
			return false
		}
	}
	return true
}

// child follows the edge from parent on a token key.
func (d *dict) child(parent int32, key uint64) (int32, bool) {
	k := edgeKey(parent, key)
	if parent != 0 {
		if b := (k >> 11) & (moreBits - 1); d.more[b>>6]&(1<<(b&63)) == 0 {
			return 0, false
		}
	}
	return d.lookup(k)
}

func (d *dict) lookup(k uint64) (int32, bool) {
	for i, hi := (k>>5)&d.mask, uint32(k>>32); d.tab[i].child != 0; i = (i + 1) & d.mask {
		if d.tab[i].hi == hi {
			return d.tab[i].child, true
		}
	}
	return 0, false
}

func edgeKey(parent int32, key uint64) uint64 {
	return key ^ (uint64(parent)+1)*0x9E3779B97F4A7C15
}
