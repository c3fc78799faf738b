package langid

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// maxValue is the largest value of an entry (9 bits), and keyEntries the
// most entries of a key: each key has exactly that many slots in pairs,
// padded with value 0 for language padLang, so that adding a key's
// entries is a fixed sequence without branches.
const (
	maxValue   = 511
	keyEntries = 7
	padLang    = maxLangs - 1
)

// table is the n-gram table in the flat layout the detector probes: an
// open-addressing hash table of 16-byte records, each the key's low 16
// bits (its high bits choose the slot) and its entries (language << 9 |
// value), so that a probe costs at most one cache miss. A record whose
// first entry is zero is empty (every key has an entry).
type table struct {
	codes []string // language codes by index
	langs []Script // each language's script
	// strength is what each language scores per letter of its own text,
	// ×16 (see gen/table.go).
	strength []int32
	recs     []uint16 // slots × recLen
	size     uint64   // slots
}

// recLen is the length of a record in uint16s.
const recLen = 1 + keyEntries

// parseTable reads the generator's format (see gen/table.go).
func parseTable(b []byte) (*table, error) {
	if len(b) < 5 || string(b[:4]) != "LID4" {
		return nil, errors.New("langid: table: bad magic")
	}
	n := int(b[4])
	b = b[5:]
	if n >= padLang || len(b) < 5*n {
		return nil, errors.New("langid: table: bad language list")
	}
	t := &table{}
	for i := 0; i < n; i++ {
		l := b[5*i : 5*i+5]
		t.codes = append(t.codes, string(l[:2]))
		t.strength = append(t.strength, int32(binary.LittleEndian.Uint16(l[3:])))
		s := Script(l[2])
		if s >= numScripts {
			return nil, fmt.Errorf("langid: table: bad script %d", s)
		}
		t.langs = append(t.langs, s)
	}
	b = b[5*n:]
	nkeys, k := binary.Uvarint(b)
	if k <= 0 || nkeys >= 1<<24 {
		return nil, errors.New("langid: table: bad key count")
	}
	b = b[k:]
	if _, k = binary.Uvarint(b); k <= 0 {
		return nil, errors.New("langid: table: bad entry count")
	}
	b = b[k:]
	// Half full: a probe that misses, one in six, stops at an empty record
	// after 2.5 records on average (8.5 at three quarters full).
	t.size = 2*nkeys + 1
	t.recs = make([]uint16, t.size*recLen)
	key := uint32(0)
	for i := uint64(0); i < nkeys; i++ {
		d, k := binary.Uvarint(b)
		if k <= 0 || len(b) < k+1 {
			return nil, errors.New("langid: table: truncated")
		}
		key += uint32(d)
		cnt := int(b[k])
		b = b[k+1:]
		if cnt == 0 || cnt > keyEntries || len(b) < 2*cnt {
			return nil, errors.New("langid: table: bad entries")
		}
		j := t.slot(key)
		for t.recs[j*recLen+1] != 0 {
			if j++; j == t.size {
				j = 0
			}
		}
		rec := t.recs[j*recLen : (j+1)*recLen]
		rec[0] = uint16(key)
		es := rec[1:]
		for j := range es {
			es[j] = padLang << 9
		}
		for j := 0; j < cnt; j++ {
			l, v := b[2*j], uint16(b[2*j+1])
			if int(l) >= n {
				return nil, errors.New("langid: table: bad entry")
			}
			es[j] = uint16(l)<<9 | v
		}
		b = b[2*cnt:]
	}
	if len(b) != 0 {
		return nil, errors.New("langid: table: trailing bytes")
	}
	return t, nil
}

// slot is where the probe for key starts.
func (t *table) slot(key uint32) uint64 {
	return uint64(key) * t.size >> 32
}

// add adds the values of the n-gram with this key to scores and reports
// whether the table has it.
func (t *table) add(scores *[maxLangs]int32, key uint32) bool {
	fp := uint16(key)
	for i := t.slot(key); ; {
		r := t.recs[i*recLen : i*recLen+recLen : i*recLen+recLen]
		if r[1] == 0 {
			return false
		}
		if r[0] == fp {
			scores[r[1]>>9] += int32(r[1] & maxValue)
			scores[r[2]>>9] += int32(r[2] & maxValue)
			scores[r[3]>>9] += int32(r[3] & maxValue)
			scores[r[4]>>9] += int32(r[4] & maxValue)
			scores[r[5]>>9] += int32(r[5] & maxValue)
			scores[r[6]>>9] += int32(r[6] & maxValue)
			scores[r[7]>>9] += int32(r[7] & maxValue)
			return true
		}
		if i++; i == t.size {
			i = 0
		}
	}
}
