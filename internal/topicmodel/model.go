// Package topicmodel provides a small statistical topic classifier over the
// 17 IPTC Media Topics top-level concepts: a multinomial logistic
// regression over hashed word unigrams and bigrams, its compact binary file
// format, deterministic training, and the built-in model (trained on
// HuffPost headlines and summaries, see NOTICE).
//
// The package knows nothing of tokenizing: callers give it feature hashes
// (Unigram, Bigram) of the words they already have. Scoring reads a flat
// table and must never allocate or use maps; training must stay
// deterministic (the same examples give a byte-identical file).
package topicmodel

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/newsworker/newsworker/internal/hugemem"
)

// MaxClasses bounds the classes of a model, so that callers can keep
// per-class scores in fixed arrays.
const MaxClasses = 32

// magic starts every model file; the last byte is the format version.
const magic = "NWTOPIC\x01"

// Model is a trained classifier. It is immutable and safe for concurrent
// use.
type Model struct {
	bits    uint8     // the feature table has 1<<bits rows
	classes []string  // IPTC qcodes, in the model's order
	bias    []float32 // per class
	// The table is sparse (a few thousand of its rows hold weights), so it
	// is kept compact: index maps a row to 1 + its place in w, 0 for a
	// row of zeros, and w holds only those rows, len(classes) weights
	// each. A lookup touches a small index and a small block instead of a
	// table of megabytes, which keeps it in cache.
	index []uint32
	w     []float32
	zero  []float32 // the weights of every empty row
}

// Unigram is the feature hash of one word, given the word's 64-bit key.
func Unigram(key uint64) uint64 { return mix(key ^ 0x243F6A8885A308D3) }

// Bigram is the feature hash of two consecutive words.
func Bigram(prev, key uint64) uint64 { return mix(mix(prev^0x13198A2E03707344) ^ key) }

func mix(h uint64) uint64 {
	h = (h ^ h>>30) * 0xBF58476D1CE4E5B9
	h = (h ^ h>>27) * 0x94D049BB133111EB
	return h ^ h>>31
}

// Classes returns the model's class codes; callers must not modify it.
func (m *Model) Classes() []string { return m.classes }

// Bias returns the per-class bias; callers must not modify it.
func (m *Model) Bias() []float32 { return m.bias }

// Row returns the weights of feature hash f, one per class; callers must
// not modify it.
func (m *Model) Row(f uint64) []float32 {
	i := int(m.index[f>>(64-m.bits)])
	if i == 0 {
		return m.zero
	}
	c := len(m.classes)
	return m.w[(i-1)*c : i*c : i*c]
}

// Lookup is Row that also says whether the feature has weights at all.
func (m *Model) Lookup(f uint64) ([]float32, bool) {
	i := int(m.index[f>>(64-m.bits)])
	if i == 0 {
		return nil, false
	}
	c := len(m.classes)
	return m.w[(i-1)*c : i*c : i*c], true
}

// setRows fills the compact table from a dense one (row-major, 1<<bits
// rows of len(classes) weights), keeping the rows that hold a non-zero
// weight.
func (m *Model) setRows(dense []float32) {
	c := len(m.classes)
	ar := new(hugemem.Arena) // the index and the rows share huge pages
	m.index = hugemem.Make[uint32](ar, 1<<m.bits)
	m.zero = make([]float32, c)
	m.w = m.w[:0]
	for r := range m.index {
		row := dense[r*c : (r+1)*c]
		for _, v := range row {
			if v != 0 {
				m.w = append(m.w, row...)
				m.index[r] = uint32(len(m.w) / c)
				break
			}
		}
	}
	w := hugemem.Make[float32](ar, len(m.w))
	copy(w, m.w)
	m.w = w
}

// Softmax turns scores z into probabilities in place.
func Softmax(z []float64) {
	top := math.Inf(-1)
	for _, v := range z {
		top = max(top, v)
	}
	sum := 0.0
	for i, v := range z {
		z[i] = math.Exp(v - top)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// Marshal writes the model in its file format: the magic, the table's bit
// width, the classes, a weight scale, the biases, then only the rows that
// hold a non-zero weight, each as the gap from the previous row (uvarint)
// and its weights as int16 multiples of the scale. Equal models give equal
// bytes.
func (m *Model) Marshal() []byte {
	c := len(m.classes)
	peak := float32(0)
	for _, v := range m.w {
		peak = max(peak, float32(math.Abs(float64(v))))
	}
	scale := peak / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	var b []byte
	b = append(b, magic...)
	b = append(b, m.bits)
	b = binary.AppendUvarint(b, uint64(c))
	for _, k := range m.classes {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
	for _, v := range m.bias {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	var rows []byte
	n, prev := 0, -1
	q := make([]int16, c)
	for r, i := range m.index {
		if i == 0 {
			continue
		}
		nonzero := false
		for k, v := range m.w[(int(i)-1)*c : int(i)*c] {
			q[k] = int16(math.Round(float64(v / scale)))
			nonzero = nonzero || q[k] != 0
		}
		if !nonzero {
			continue
		}
		rows = binary.AppendUvarint(rows, uint64(r-prev))
		for _, v := range q {
			rows = binary.LittleEndian.AppendUint16(rows, uint16(v))
		}
		n, prev = n+1, r
	}
	b = binary.AppendUvarint(b, uint64(n))
	return append(b, rows...)
}

// Parse reads a model written by Marshal.
func Parse(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("topic model: not a model file (bad magic)")
	}
	r := &reader{b: data[len(magic):]}
	m := &Model{bits: r.byte()}
	c := int(r.uvarint())
	if r.err == nil && (m.bits < 8 || m.bits > 20 || c < 1 || c > MaxClasses) {
		return nil, fmt.Errorf("topic model: bad header (bits %d, classes %d)", m.bits, c)
	}
	for range c {
		m.classes = append(m.classes, string(r.bytes(int(r.uvarint()))))
	}
	scale := r.float32()
	for range c {
		m.bias = append(m.bias, r.float32())
	}
	rows := 1 << m.bits
	dense := make([]float32, rows*c)
	n, row := int(r.uvarint()), -1
	for i := 0; i < n && r.err == nil; i++ {
		row += int(r.uvarint())
		if row < 0 || row >= rows {
			return nil, fmt.Errorf("topic model: row %d out of range", row)
		}
		for k := range c {
			dense[row*c+k] = float32(int16(r.uint16())) * scale
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("topic model: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("topic model: %d bytes after the last row", len(r.b))
	}
	m.setRows(dense)
	return m, nil
}

// reader reads the file's fields and remembers the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated file")
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) uint16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) float32() float32 {
	if b := r.bytes(4); b != nil {
		return math.Float32frombits(binary.LittleEndian.Uint32(b))
	}
	return 0
}

// Predict returns the most probable class of an item's features (for
// training and cross-validation; the tagger scores without allocating).
func (m *Model) Predict(feats []Feature) int {
	z := make([]float64, len(m.classes))
	for _, f := range feats {
		for k, w := range m.Row(f.Hash) {
			z[k] += float64(w)
		}
	}
	best := 0
	v := Value(len(feats))
	for k, b := range m.bias {
		z[k] = float64(b) + z[k]*v
		if z[k] > z[best] {
			best = k
		}
	}
	return best
}
