package langid

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
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

// table is the n-gram table in the flat layout the detector probes: a
// hash table of 16-byte records in buckets of four (a 64-byte cache line),
// each record the key's tag (its low 16 bits, bit 0 set; its high bits
// choose the bucket) and its entries (language << 9 | value). A record
// whose tag is zero is empty; the others fill a bucket from its first
// record, and a key whose bucket is full goes on to the next one, so a
// bucket that is not full ends every search that reaches it. Two keys on
// one search sharing a tag: the first wins, as two sharing 16 bits did
// along a probe of the earlier layout; all 74,141 test sentences get the
// same answers. Go allocates a large slice page-aligned, so a bucket is
// one cache line (were it not, it would straddle two: slower, not wrong).
type table struct {
	codes []string // language codes by index
	langs []Script // each language's script
	// strength is what each language scores per letter of its own text,
	// ×16 (see gen/table.go).
	strength []int32
	recs     []uint16 // buckets × bucketLen
	size     uint64   // buckets
	bloom    []uint64 // the keys' filter, see may
	shift    uint     // 32 - log2(len(bloom))
}

// recLen is the length of a record in uint16s, bucketLen that of a bucket.
const (
	recLen     = 1 + keyEntries
	bucketRecs = 4
	bucketLen  = bucketRecs * recLen
)

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
	// Half full: two keys a bucket on average; 16% of the buckets are full
	// and send a search on. Fuller tables were slower (BenchmarkDetect).
	t.size = nkeys/2 + 1
	t.recs = make([]uint16, t.size*bucketLen)
	t.shift = 32
	for words := uint64(1); words < nkeys/bloomKeysPerWord; words *= 2 {
		t.shift--
	}
	t.bloom = make([]uint64, 1<<(32-t.shift))
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
		t.bloom[key>>t.shift] |= 1 << (key & 63)
		j := t.bucket(key) * bucketRecs // the record
		for t.recs[j*recLen] != 0 {
			if j++; j == t.size*bucketRecs {
				j = 0
			}
		}
		rec := t.recs[j*recLen : (j+1)*recLen]
		rec[0] = tag(key)
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

// The table's keys also set one bit each in a filter small enough to stay
// in the L2 cache (256 KiB for the 198,994 keys of the generated table,
// against 6.4 MB of records): the bit chosen by the key's low 6 bits in
// the word chosen by its high bits. A key of the table always has its bit
// set, so skipping the table when may is 0 changes no score: may only
// saves the cache miss (and the mispredicted branch waiting for it) of
// most n-grams the table lacks, one probe in six. With 10.5 bits a key,
// 9% of the bits are set: a key the table lacks passes for one in 11.
const bloomKeysPerWord = 8 // at least: the words are a power of two

// may reports whether the table may hold key: false when it does not.
func (t *table) may(key uint32) bool {
	return t.bloom[key>>t.shift]>>(key&63)&1 != 0
}

// bucket is the bucket where the search for key starts.
func (t *table) bucket(key uint32) uint64 {
	return uint64(key) * t.size >> 32
}

// tag is what a record holds of its key: never zero, the mark of an empty
// record.
func tag(key uint32) uint16 {
	return uint16(key) | 1
}

// eq is 1 when a == b, else 0, without a branch.
func eq(a, b uint16) uint {
	if a == b {
		return 1
	}
	return 0
}

// add adds the values of the n-gram with this key to scores and reports
// whether the table has it: those of the first record of its bucket
// with its tag, or of the next bucket's when the bucket is full. The
// match is found without branching on which record holds it: a branch
// that waits for a cache miss and guesses wrong costs the whole miss.
func (t *table) add(scores *[maxLangs]int32, key uint32) bool {
	tg := tag(key)
	for b := t.bucket(key); ; {
		r := t.recs[b*bucketLen : b*bucketLen+bucketLen : b*bucketLen+bucketLen]
		m := eq(r[0], tg) | eq(r[recLen], tg)<<1 | eq(r[2*recLen], tg)<<2 | eq(r[3*recLen], tg)<<3
		if m != 0 {
			e := r[bits.TrailingZeros(m)*recLen+1:]
			e = e[:keyEntries:keyEntries]
			scores[e[0]>>9] += int32(e[0] & maxValue)
			scores[e[1]>>9] += int32(e[1] & maxValue)
			scores[e[2]>>9] += int32(e[2] & maxValue)
			scores[e[3]>>9] += int32(e[3] & maxValue)
			scores[e[4]>>9] += int32(e[4] & maxValue)
			scores[e[5]>>9] += int32(e[5] & maxValue)
			scores[e[6]>>9] += int32(e[6] & maxValue)
			return true
		}
		if r[bucketLen-recLen] == 0 {
			return false
		}
		if b++; b == t.size {
			b = 0
		}
	}
}
