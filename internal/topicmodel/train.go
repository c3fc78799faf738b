package topicmodel

import (
	"errors"
	"fmt"
	"math"
)

// Feature is one word or word pair of an example.
type Feature struct {
	Hash uint64 // Unigram or Bigram
	// Lower: every word was written in lower case here. Training learns
	// weights only for features seen so at least once, which keeps the
	// words of general language and drops names (a person, a show or a
	// team of one season is always capitalised), so that the model holds
	// on any year's news.
	Lower bool
}

// Example is one labelled item: its features in text order (repeats
// count) and the index of its class.
type Example struct {
	Features []Feature
	Class    int
}

// Options are the training settings; DefaultOptions gives the built-in
// model's.
type Options struct {
	Bits     uint8   // the feature table has 1<<Bits rows
	Epochs   int     // passes over the examples
	Rate     float64 // the first pass's learning rate; it decays as Rate/(1+epoch/2)
	L2       float64 // weight decay of the rows an example touches
	MinCount int     // examples a feature must occur in to get weights
	// Balanced weighs each class's examples by the inverse of its share,
	// so that the model learns the words of each class rather than the
	// training set's mix of classes, which another source of news does not
	// share.
	Balanced bool
}

// DefaultOptions are the settings of the built-in model.
func DefaultOptions() Options {
	return Options{Bits: 16, Epochs: 30, Rate: 1.5, L2: 1e-4, MinCount: 2}
}

// Value is the weight each occurrence of a feature gets in an item with n
// features: 1/√n, so that a long text does not outvote a short one by
// length alone. Training and scoring must use the same.
func Value(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// Train fits a multinomial logistic regression by stochastic gradient
// descent: the examples in a fixed pseudo-random order per epoch (a seeded
// xorshift, not the runtime's generator), the weights averaged over the
// second half of the epochs. It is deterministic: the same classes,
// examples and options give the same model, and so the same file.
func Train(classes []string, examples []Example, opt Options) (*Model, error) {
	c := len(classes)
	switch {
	case c < 2 || c > MaxClasses:
		return nil, fmt.Errorf("train topic model: %d classes (want 2..%d)", c, MaxClasses)
	case len(examples) == 0:
		return nil, errors.New("train topic model: no examples")
	case opt.Bits < 8 || opt.Bits > 20 || opt.Epochs < 1 || !(opt.Rate > 0):
		return nil, fmt.Errorf("train topic model: bad options %+v", opt)
	}
	m := &Model{bits: opt.Bits, classes: append([]string(nil), classes...), bias: make([]float32, c)}
	rows := 1 << opt.Bits
	allowed := vocabulary(examples, rows, opt)
	xs := make([][]entry, len(examples))
	for i, ex := range examples {
		if ex.Class < 0 || ex.Class >= c {
			return nil, fmt.Errorf("train topic model: example %d: class %d out of range", i, ex.Class)
		}
		v := Value(len(ex.Features))
		for _, f := range ex.Features {
			if r := m.row(f.Hash); allowed[r] {
				xs[i] = append(xs[i], entry{r, v})
			}
		}
	}
	weight := classWeights(examples, c, opt.Balanced)
	t := &trainer{c: c, w: make([]float64, rows*c), b: make([]float64, c), z: make([]float64, c)}
	avgW, avgB := make([]float64, rows*c), make([]float64, c)
	order, rng := make([]int, len(examples)), uint64(0x9E3779B97F4A7C15)
	for i := range order {
		order[i] = i
	}
	averaged := 0
	for epoch := range opt.Epochs {
		for i := len(order) - 1; i > 0; i-- { // Fisher-Yates with our own generator
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		rate := opt.Rate / (1 + float64(epoch)/2)
		for _, i := range order {
			t.step(xs[i], examples[i].Class, rate*weight[examples[i].Class], opt.L2)
		}
		if 2*(epoch+1) > opt.Epochs {
			addTo(avgW, t.w)
			addTo(avgB, t.b)
			averaged++
		}
	}
	dense := make([]float32, rows*c)
	for i, v := range avgW {
		dense[i] = float32(v / float64(averaged))
	}
	m.setRows(dense)
	for i, v := range avgB {
		m.bias[i] = float32(v / float64(averaged))
	}
	return m, nil
}

// row is the table row of feature hash f.
func (m *Model) row(f uint64) int { return int(f >> (64 - m.bits)) }

// vocabulary marks the rows that get weights: features written in lower
// case somewhere and found in at least MinCount examples.
func vocabulary(examples []Example, rows int, opt Options) []bool {
	lower := make([]bool, rows)
	count := make([]int32, rows)
	last := make([]int32, rows) // 1 + the last example that counted the row
	shift := 64 - opt.Bits
	for i, ex := range examples {
		for _, f := range ex.Features {
			r := int(f.Hash >> shift)
			lower[r] = lower[r] || f.Lower
			if last[r] != int32(i+1) {
				last[r], count[r] = int32(i+1), count[r]+1
			}
		}
	}
	for r := range lower {
		lower[r] = lower[r] && int(count[r]) >= opt.MinCount
	}
	return lower
}

// entry is one feature occurrence of an example: its row and value.
type entry struct {
	row int
	v   float64
}

type trainer struct {
	c    int
	w, b []float64
	z    []float64 // scratch: scores, then gradients
}

// step is one gradient step of the cross-entropy loss on one example.
// Products are converted explicitly so that no platform fuses them into
// FMA instructions, which would change the last bits.
func (t *trainer) step(x []entry, class int, rate, l2 float64) {
	copy(t.z, t.b)
	for _, e := range x {
		row := t.w[e.row*t.c : (e.row+1)*t.c]
		for k, w := range row {
			t.z[k] += float64(w * e.v)
		}
	}
	Softmax(t.z)
	t.z[class] -= 1 // the gradient of the loss by the scores
	for k, g := range t.z {
		t.b[k] -= float64(rate * g)
	}
	for _, e := range x {
		row := t.w[e.row*t.c : (e.row+1)*t.c]
		for k, g := range t.z {
			row[k] -= float64(rate * (float64(g*e.v) + float64(l2*row[k])))
		}
	}
}

func addTo(dst, src []float64) {
	for i, v := range src {
		dst[i] += v
	}
}

// classWeights gives each class's examples the weight n/(c·n_class) when
// balanced, else 1.
func classWeights(examples []Example, c int, balanced bool) []float64 {
	w := make([]float64, c)
	n := make([]int, c)
	for _, ex := range examples {
		n[ex.Class]++
	}
	for k := range w {
		w[k] = 1
		if balanced && n[k] > 0 {
			w[k] = float64(len(examples)) / float64(c*n[k])
		}
	}
	return w
}
